// Feedforward view: recent input samples in the plane with the weight vector(s) as
// arrows over the true principal axes; for N > 2 bar charts of w beside PC1 (PC_i for
// Sanger's rows); |w| over time (log scale once it explodes) and |cos(w, PC1)| over
// time, each with the band of single runs shaded, the typical run thin and the
// mean-field prediction dashed (hebb and decay); Sanger's top-k subspace alignment beside
// its stationary band, from the step the band holds. In the compact
// layout (a small embed or a phone, layout.hpp) only the scatter and |w| over time.
#pragma once

#include "app/ui_state.hpp"
#include "core/simulation.hpp"

namespace hebbian::app {

Changes draw_feedforward_view(const Simulation& sim, UiState& ui);

}  // namespace hebbian::app
