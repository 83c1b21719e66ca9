// When the amplification view redoes its O(N^3) analysis (core/amplification.hpp): for a
// new run at once; otherwise only at a history point recorded after the last analysis,
// and no sooner than twenty times the analysis's own cost after it (at least a quarter
// second), so analysing takes at most about 5% of the time. N = 16 refreshes four times a
// second; N = 1024 (about 1.5 s an analysis in wasm) every half minute, and its frames
// in between draw from the cached analysis. Pure: no GL, no ImGui.
#pragma once

namespace hebbian::app {

struct AnalysisRecord {
    long long generation = -1;  // the run analysed (ViewRun::generation)
    long long step = -1;        // its step then
    double cost_seconds = 0.0;  // how long the analysis took
};

constexpr double kLeastAnalysisInterval = 0.25;  // seconds
constexpr double kAnalysisCostFactor = 20.0;

// `last_history_step`: the step of the run's newest history point; `since_seconds`: the
// time since the last analysis.
bool analysis_due(const AnalysisRecord& last, long long generation, long long last_history_step, double since_seconds);

}  // namespace hebbian::app
