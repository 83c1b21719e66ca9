// The figure's two themes: Dear ImGui's style and our plot colours (palette.hpp, with
// their WCAG contrast), for a dark page and for a white article, and the sizes that
// follow from the pointer (touch or mouse).
//
// The theme in use is kept beside Dear ImGui's own style, in its context (io.UserData),
// and read with colours() while drawing, as ImGui::GetStyle() is.
#pragma once

#include "imgui.h"

namespace hebbian::app {

struct Palette {
    ImU32 blue, orange, green, vermillion, purple, yellow;
    ImU32 foreground;       // titles, the dashed theory lines
    ImU32 samples;          // scatter points (translucent)
    ImU32 axis;             // axes, tick labels, frames
    ImU32 grid;
    ImU32 plot_background;
    ImU32 warning;
    ImVec4 page;            // what the canvas is cleared to
};

const Palette& palette_for(bool light);
// The palette of the theme in use (set by apply_theme).
const Palette& colours();
// The k-th of a cycle of distinguishable line colours of the theme in use.
ImU32 series_colour(int k);

struct ThemeChoice {
    bool light = false;          // the light theme (else dark)
    bool coarse_pointer = false; // touch: controls at least kTouchTargetPixels tall
    float pixel_ratio = 1.0f;    // device pixels per CSS px: the font atlas is rasterised at this scale
    bool operator==(const ThemeChoice& o) const {
        return light == o.light && coarse_pointer == o.coarse_pointer && pixel_ratio == o.pixel_ratio;
    }
};

// Rebuilds the font atlas and the style for `choice`: text of kTextPixels CSS px drawn
// from an atlas at the pixel ratio (sharp on high-DPI screens), sizes in CSS px. The GL
// renderer must then be restarted, so that it uploads the new atlas.
void apply_theme(const ThemeChoice& choice);

}  // namespace hebbian::app
