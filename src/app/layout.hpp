// Which layout the page uses, decided from its size in CSS pixels (never framebuffer
// pixels), and the height an embedded figure asks its host for. Pure: no GL, no ImGui,
// so the same CSS size gives the same layout at every device pixel ratio.
//
//   embed=1                   -> Embed: one view under a strip of buttons
//   full page < 600 px wide   -> Narrow: the view first at full width, the controls behind
//                                 a button, the views in a combo
//   Embed or Narrow, and lower than 400 px or narrower than 420 px: compact plots (fewer
//   plots, short titles and legends)
//   otherwise                 -> Wide: tabs, the controls beside the view
#pragma once

#include "app/view.hpp"

namespace hebbian::app {

enum class LayoutMode { Wide, Narrow, Embed };

constexpr float kNarrowWidth = 600.0f;          // CSS px: a full page narrower than this is Narrow
constexpr float kCompactHeight = 400.0f;        // CSS px: an embed or narrow page lower than this is compact
constexpr float kCompactWidth = 420.0f;         // CSS px: ... or narrower than this
constexpr float kTextPixels = 13.0f;            // CSS px of every text (never below 12)
constexpr float kTouchTargetPixels = 32.0f;     // CSS px: buttons and sliders with a coarse pointer
constexpr float kMinPreferredHeight = 260.0f;   // CSS px: the least an embed asks its host for
constexpr float kMaxPreferredHeight = 760.0f;   // CSS px: the most

struct Layout {
    LayoutMode mode = LayoutMode::Wide;
    bool compact = false;  // the view draws its compact form
};

Layout choose_layout(bool embed, float css_width, float css_height);
const char* layout_name(LayoutMode mode);  // "wide", "narrow", "embed"

// The height (CSS px) an embedded figure of `view` wants at `css_width`: its plots keep
// roughly their aspect, plus the strip of buttons; clamped to [260, 760].
int preferred_height(View view, float css_width);

}  // namespace hebbian::app
