// The amplification analysis's schedule (see analysis_schedule.hpp).
#include "app/analysis_schedule.hpp"

#include <algorithm>

namespace hebbian::app {

bool analysis_due(const AnalysisRecord& last, long long generation, long long last_history_step, double since_seconds) {
    if (last.generation != generation) return true;
    if (last_history_step <= last.step) return false;
    return since_seconds >= std::max(kLeastAnalysisInterval, kAnalysisCostFactor * last.cost_seconds);
}

}  // namespace hebbian::app
