// Recurrent view: heatmaps of the learned W and of its target C / alpha side by side
// (our own shaders, shared zero-centred diverging colour scale, colour bar with values,
// the value under the mouse) and the relative error |alpha W - C| / |C| over time with
// the band of single runs shaded, the typical run thin and the mean-field prediction dashed.
#pragma once

#include "app/heatmap_renderer.hpp"
#include "app/ui_state.hpp"
#include "app/view_run.hpp"

namespace hebbian::app {

Changes draw_recurrent_view(const ViewRun& run, UiState& ui, HeatmapRenderer& heatmaps);

}  // namespace hebbian::app
