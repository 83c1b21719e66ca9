// One sentence saying what the figure shows now, for screen readers (the page puts it
// in a polite live region) and the status JSON, e.g.
//   "Feedforward, step 1200: |w| = 0.051, alignment with PC1 0.998; alpha > lambda_1
//    (1.5 > 1): the norm shrinks to zero; the direction still turns to PC1."
// A view of several runs names each run's |w| (and where it diverged).
// Pure: reads the view's runs, no GL, no ImGui.
#pragma once

#include <string>

#include "app/view.hpp"
#include "app/view_run.hpp"

namespace hebbian::app {

std::string figure_summary(View view, const ViewRun& run);

}  // namespace hebbian::app
