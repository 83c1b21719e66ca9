// Stabilizers view, the post's footnote live: one input stream and one seed, five neurons
// learning from it side by side with plain Hebb, decay, Oja, BCM and the heterosynaptic
// rule (embed::kStabilizerRules). |w| (log scale) and |cos(w, PC1)| of all five over time
// with each rule's band of single runs and typical run where the theory has them and its
// prediction dashed where one exists, the weight vectors beside PC1, a
// table (bounded or not, where the norm goes, whether the direction reaches PC1, what the
// rule needs to know), and a panel of its own for balanced inhibitory plasticity: the
// excitatory and learned inhibitory weights per channel and the output rate against rho0,
// beside the band of single runs' rate and their typical rate.
// Plain Hebb diverges and stops; the others go on to the view's step limit.
#pragma once

#include "app/ui_state.hpp"
#include "app/view_run.hpp"

namespace hebbian::app {

Changes draw_stabilizers_view(const ViewRun& run, UiState& ui);

}  // namespace hebbian::app
