// One sentence saying what the figure shows now, for screen readers (the page puts it
// in a polite live region) and the status JSON, e.g.
//   "Feedforward, step 1200: |w| = 0.051, inside the 90% band of single runs (0.04-0.07),
//    alignment with PC1 0.998, inside its 90% band (0.99-1); alpha > lambda_1 (1.5 > 1):
//    the norm shrinks to zero; the direction still turns to PC1."
// A view of several runs names each run's |w| (and where it diverged, or whether it is inside
// its band); the appendix adds where plain Hebb's forecast says it explodes; the stabilizers
// say whether the inhibitory rate is inside its band, the receptive fields whether Sanger's
// subspace alignment is (once that band holds).
// Pure: reads the view's runs, no GL, no ImGui.
#pragma once

#include <string>

#include "app/view.hpp"
#include "app/view_run.hpp"

namespace hebbian::app {

std::string figure_summary(View view, const ViewRun& run);

}  // namespace hebbian::app
