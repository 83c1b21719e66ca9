// Receptive-fields view, the post's answer to "how do brains form natural abstractions": a
// Hebbian neuron extracts the principal components of what it sees. Its k outputs learn from
// p x p patches cut at random places out of an image (dead leaves, pink noise or the reader's
// picture), and their weights become receptive fields (Hancock, Baddeley and Smith 1992):
//
//   +-------------+  +-----------------------------------------+
//   | the image,  |  | w_1  w_2  w_3  w_4     learned filters   |
//   | the current |  | PC1  PC2  PC3  PC4     their components  |
//   | patch boxed |  | .99  .98  .97  .99     |cos| of each pair |
//   +-------------+  +-----------------------------------------+
//   +---------------------------+  +---------------------------+
//   | eigenvalues of C (log),   |  | principal-subspace        |
//   | each output's variance    |  | alignment over time       |
//   +---------------------------+  +---------------------------+
//
// The alignment is drawn beside its band of single runs (shaded) and typical run (thin): for
// k = 1 |cos(w_1, PC1)|'s, for Sanger with k > 1 the subspace alignment's stationary band from
// the step it holds (nothing before).
//
// Filters and components are drawn by our heatmap shader (one texture each, tiled), each
// over its own range. A small embed shows the filters and one status line; a phone held
// upright stacks the panels. Everything derived from the run (ReceptiveCache, receptive.hpp)
// is recomputed only when the run moved on, and at most as often as fields_due allows.
#pragma once

#include "app/heatmap_renderer.hpp"
#include "app/ui_state.hpp"
#include "app/view_run.hpp"

namespace hebbian::app {

Changes draw_receptive_view(const ViewRun& run, UiState& ui, HeatmapRenderer& heatmaps);

}  // namespace hebbian::app
