// The plot colours of the two themes, as plain RGBA, and the WCAG 2 contrast ratio they
// are chosen by. Pure: no ImGui (theme.hpp turns them into ImGui colours), so the
// helpers' tests check every text colour's contrast against its background.
//
// The Okabe-Ito palette (colour-blind safe). On the light theme the colours are darkened
// so that each keeps WCAG AA contrast for text (4.5:1) against the white plot background;
// on the dark theme the originals keep it against the near-black one.
#pragma once

#include <cstdint>

namespace hebbian::app {

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
};

struct PaletteColours {
    Rgba blue, orange, green, vermillion, purple, yellow;  // series, also drawn as text (legends, run names)
    Rgba foreground;       // titles, the dashed theory lines
    Rgba samples;          // scatter points (translucent)
    Rgba axis;             // axes, tick labels, frames
    Rgba grid;
    Rgba plot_background;
    Rgba warning;
    Rgba page;             // what the canvas is cleared to
};

const PaletteColours& palette_colours(bool light);

// (L_lighter + 0.05) / (L_darker + 0.05), with L the relative luminance of sRGB (alpha ignored).
double contrast_ratio(Rgba a, Rgba b);

}  // namespace hebbian::app
