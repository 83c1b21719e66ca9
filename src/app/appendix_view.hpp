// Appendix view: plain Hebb and Hebb with decay side by side on the same inputs (same
// seed), 250 iterations at eta = 0.1: the output y(t) and the weight-vector trajectory
// of each run, and |w| of both over time on a log scale, with the point where plain
// Hebb explodes marked and labelled while the decay run stays bounded.
#pragma once

#include "app/ui_state.hpp"
#include "app/view_run.hpp"

namespace hebbian::app {

using embed::kAppendixEta;
using embed::kAppendixSteps;

Changes draw_appendix_view(const ViewRun& run, UiState& ui);

}  // namespace hebbian::app
