// Amplification view. The claim: recurrent activity amplifies signals shared across
// many input streams and suppresses spurious ones private to one stream. Inputs come
// from the latent-signal model; for one stream i it shows the raw input x_i, its shared
// signal s_i and the circuit's output r_i = ((I - W)^-1 x)_i, the correlation with s_i
// before and after the circuit, and the share of variance that is spurious. The O(N^3)
// analysis (core/amplification.hpp) is cached in the UiState and redone on the schedule
// of analysis_schedule.hpp, never every frame.
#pragma once

#include "app/ui_state.hpp"
#include "app/view_run.hpp"

namespace hebbian::app {

Changes draw_amplification_view(const ViewRun& run, UiState& ui);

// alpha = kAmplificationAlphaFactor * lambda_1 keeps (I - W)^-1 defined with a strong gain.
using embed::kAmplificationAlphaFactor;

}  // namespace hebbian::app
