// The controls shown on every view: rule, eta, alpha, N, k, input source and its
// parameters, seed, play / pause / step / reset, steps per frame, and the current
// alpha vs lambda_1 regime in words. Every control has a tooltip with its meaning and
// the equation it enters. Edits go to ui.drafts[view] and come back as Changes.
#pragma once

#include "app/ui_state.hpp"
#include "app/view_run.hpp"

namespace hebbian::app {

Changes draw_controls(View view, const ViewRun& run, UiState& ui);

// The Play button's tooltip: what playing does, and the keyboard shortcuts.
extern const char* const kPlayHelp;

// Shows `text` (wrapped) as the tooltip of the last item while it is hovered.
void explain(const char* text);

// Records the last item (a slider) as a place where a touch belongs to the figure.
void note_touch_target(TouchTargets& targets);

}  // namespace hebbian::app
