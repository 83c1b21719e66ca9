// The one place where the app's runs change: apply_changes takes the Changes of the
// panels, of the page address and of host messages alike. Also the app's state as the
// page address and the host page see it (embed/page_state.hpp, embed/state_json.hpp).
#pragma once

#include <string>

#include "app/app.hpp"
#include "embed/page_state.hpp"
#include "embed/state_json.hpp"

namespace hebbian::app {

// Applies `changes` to the open view (after switching to changes.view, if any). Returns
// "" on success, otherwise why something was refused; a refused restart or data set
// leaves the previous run going (and its reason in the run's error).
std::string apply_changes(App& app, const Changes& changes);

// Runs up to `steps` learning steps of every run of the view (respecting step_limit,
// recording weight paths where the view keeps them); returns the primary run's steps.
long long advance(ViewRun& run, long long steps);

// The most wall time a frame spends learning, whatever the speed setting: the page
// around the figure stays responsive.
constexpr double kFrameBudgetSeconds = 0.010;

// advance() in chunks sized from the measured cost of a step (run.seconds_per_step, averaged
// over the recent chunks), stopping at `steps` or when one more step would pass
// `budget_seconds` (at least one step is run); returns the steps run.
long long advance_within(ViewRun& run, long long steps, double budget_seconds);

// The open view as a page address sees it: parameters, speed, playing, embed.
embed::PageState page_state(const App& app);
// Every view's parameters and speed, for settings that switch the view.
embed::ViewSetups view_setups(const App& app);
embed::RunSummary run_summary(const App& app);

}  // namespace hebbian::app
