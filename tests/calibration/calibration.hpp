// Scores a single-run band as a forecast (SINGLE_RUN_THEORY.md): over many seeds, the share
// of runs inside their own 90% band at a given step, and the band's width against the runs'
// own 5-95% spread.
#pragma once

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "core/simulation.hpp"

namespace hebbian::calibration {

// One history series' value and band at a recorded step.
struct Banded {
    double value, low, high;
};
using Reading = std::function<Banded(const History&, size_t)>;

inline Banded norm_band(const History& h, size_t k) { return {h.norm[k], h.norm_low[k], h.norm_high[k]}; }
inline Banded alignment_band(const History& h, size_t k) {
    return {h.alignment[k], h.alignment_low[k], h.alignment_high[k]};
}
inline Banded relative_error_band(const History& h, size_t k) {
    return {h.relative_error[k], h.relative_error_low[k], h.relative_error_high[k]};
}

inline Banded subspace_band(const History& h, size_t k) {
    return {h.subspace_alignment[k], h.subspace_alignment_low[k], h.subspace_alignment_high[k]};
}

struct Score {
    double step = 0;
    double coverage = 0;     // share of runs inside their band
    double width_ratio = 0;  // the band's median width over the runs' 5-95% spread
    std::string text() const {
        return "step " + std::to_string(static_cast<long long>(step)) + ": coverage " + std::to_string(coverage) +
               ", width ratio " + std::to_string(width_ratio);
    }
};

// Runs `seeds` seeds (1, 2, ...) of `params` to the last of `steps` and scores the band read
// by `read` at each of `steps` (each a multiple of the history's stride). Widths are measured
// in logs: of the value (`log_scale`: norms, errors), else of the misalignment 1 - |cos|.
inline std::vector<Score> score(SimParams params, int seeds, const std::vector<long long>& steps, const Reading& read,
                                bool log_scale) {
    params.history_capacity = 1 << 16;
    std::vector<std::vector<Banded>> at(steps.size());
    Simulation sim;
    for (int seed = 1; seed <= seeds; ++seed) {
        params.seed = static_cast<std::uint64_t>(seed);
        if (!sim.reset(params).empty()) return {};
        long long done = 0;
        for (size_t i = 0; i < steps.size(); ++i) {
            sim.step(steps[i] - done);
            done = steps[i];
            const std::vector<long long>& recorded = sim.history().step;
            const auto found = std::find(recorded.begin(), recorded.end(), steps[i]);
            if (found == recorded.end()) return {};
            at[i].push_back(read(sim.history(), static_cast<size_t>(found - recorded.begin())));
        }
    }
    auto scale = [log_scale](double v) { return log_scale ? std::log(v) : std::log(std::max(1.0 - v, 1e-300)); };
    std::vector<Score> scores;
    for (size_t i = 0; i < steps.size(); ++i) {
        std::vector<double> values, widths;
        int inside = 0;
        for (const Banded& b : at[i]) {
            values.push_back(scale(b.value));
            widths.push_back(std::fabs(scale(b.high) - scale(b.low)));
            if (b.value >= b.low && b.value <= b.high) ++inside;
        }
        std::sort(values.begin(), values.end());
        std::sort(widths.begin(), widths.end());
        const double spread = values[static_cast<size_t>(0.95 * (values.size() - 1))] -
                              values[static_cast<size_t>(0.05 * (values.size() - 1))];
        scores.push_back({double(steps[i]), double(inside) / double(at[i].size()),
                          widths[widths.size() / 2] / spread});
    }
    return scores;
}

}  // namespace hebbian::calibration
