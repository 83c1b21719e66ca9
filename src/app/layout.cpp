// Layout decisions in CSS pixels (see layout.hpp).
#include "app/layout.hpp"

#include <algorithm>
#include <cmath>

namespace hebbian::app {

Layout choose_layout(bool embed, float css_width, float css_height) {
    const bool small = css_height < kCompactHeight || css_width < kCompactWidth;
    if (embed) return {LayoutMode::Embed, small};
    if (css_width < kNarrowWidth) return {LayoutMode::Narrow, small};
    return {LayoutMode::Wide, false};
}

const char* layout_name(LayoutMode mode) {
    switch (mode) {
        case LayoutMode::Narrow: return "narrow";
        case LayoutMode::Embed: return "embed";
        case LayoutMode::Wide: break;
    }
    return "wide";
}

int preferred_height(View view, float css_width) {
    // Height over width of each view's plots: the feedforward view stacks a square scatter
    // beside two time plots, the recurrent view two square heatmaps above a time plot, the
    // amplification view its numbers above one trace plot, the appendix two rows of plots, the
    // stabilizers two rows of plots above the table of rules, the receptive fields the image and
    // the filters above two plots.
    float aspect = 0.75f;
    switch (view) {
        case View::Feedforward: aspect = 0.7f; break;
        case View::Recurrent: aspect = 0.8f; break;
        case View::Amplification: aspect = 0.65f; break;
        case View::Appendix: aspect = 0.75f; break;
        case View::Stabilizers: aspect = 0.9f; break;
        case View::Receptive: aspect = 0.75f; break;
    }
    const float strip = kTouchTargetPixels + 8.0f;  // the row of buttons above the view
    const float wanted = std::round(std::max(css_width, 0.0f) * aspect + strip);
    return static_cast<int>(std::clamp(wanted, kMinPreferredHeight, kMaxPreferredHeight));
}

}  // namespace hebbian::app
