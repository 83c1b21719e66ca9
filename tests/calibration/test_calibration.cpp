// Calibration of every single-run band the figures draw (single_run.hpp), scored as
// forecasts over 200 seeds at three steps: 85-95% of runs inside, and a width within
// 0.7-1.4 times the runs' own 5-95% spread.
#include <doctest/doctest.h>

#include "calibration.hpp"
#include "core/csv.hpp"
#include "scenarios.hpp"

namespace hebbian {
namespace {

constexpr int kSeeds = 200;

void check(const SimParams& params, const std::vector<long long>& steps, const calibration::Reading& read,
           bool log_scale) {
    const std::vector<calibration::Score> scores = calibration::score(params, kSeeds, steps, read, log_scale);
    REQUIRE(scores.size() == steps.size());
    for (const calibration::Score& s : scores) {
        INFO(s.text());
        MESSAGE(s.text());
        CHECK(s.coverage >= 0.85);
        CHECK(s.coverage <= 0.95);
        CHECK(s.width_ratio >= 0.7);
        CHECK(s.width_ratio <= 1.4);
    }
}

}  // namespace

TEST_CASE("probe") {
    check(scenarios::two_d(Rule::Decay, 0.01, 1.0), {100, 400, 1600}, calibration::norm_band, true);
    check(scenarios::two_d(Rule::Hebb, 0.1, 1.0), {40, 100, 200}, calibration::norm_band, true);
    check(scenarios::two_d(Rule::Oja, 0.01, 1.0), {100, 400, 1600}, calibration::norm_band, true);
    check(scenarios::two_d(Rule::Decay, 0.01, 1.0), {100, 400, 1600}, calibration::alignment_band, false);
    check(scenarios::spectrum(Rule::Decay, 16, 0.7, 0.01), {100, 400, 1600}, calibration::norm_band, true);
    check(scenarios::latent_recurrent(8, 0.01, 2.0), {50, 200, 800}, calibration::relative_error_band, true);
}

}  // namespace hebbian
