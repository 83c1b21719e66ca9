// The controls' last section: "Copy link" (the page address that reproduces the run),
// "Load CSV..." (or drop a file on the page: the data becomes the input of both
// circuits), and the downloads (weights, recurrent matrix, covariance and history as
// CSV or JSON; the view as PNG). Errors of the last file or export are shown here.
#pragma once

#include "app/ui_state.hpp"
#include "app/view_run.hpp"

namespace hebbian::app {

Changes draw_share_panel(View view, const ViewRun& run, UiState& ui);

// Above everything: the hint of a figure paused for reduced motion (until it plays), and
// the page address's corrections (until dismissed).
void draw_notice(UiState& ui);

}  // namespace hebbian::app
