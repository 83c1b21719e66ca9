// Balanced inhibitory plasticity (Vogels et al. 2011, rate form) against its theory: the
// output rate settles at the target whatever the excitatory drive, and the learned
// inhibition copies the excitatory tuning, w_i = w_e - c.
#include <doctest.h>

#include <cmath>

#include "core/inhibitory_balance.hpp"

using namespace hebbian;

namespace {

// Mean output rate over the recorded points after `from` steps.
double mean_rate_after(const InhibitoryBalance& run, long long from) {
    double sum = 0.0;
    int count = 0;
    for (size_t i = 0; i < run.history_step().size(); ++i)
        if (run.history_step()[i] > from) sum += run.history_rate()[i], ++count;
    REQUIRE(count > 0);
    return sum / count;
}

// 200,000 steps at the default parameters with the given excitatory drive.
InhibitoryBalance balanced_run(double drive) {
    InhibitoryParams p;
    p.drive = drive;
    InhibitoryBalance run;
    REQUIRE(run.reset(p).empty());
    run.step(200000);
    return run;
}

}  // namespace

TEST_CASE("inhibitory plasticity steers the output rate to rho0 at three excitatory drives") {
    for (double drive : {1.0, 2.0, 4.0}) {
        CAPTURE(drive);
        const InhibitoryBalance run = balanced_run(drive);
        const double rate = mean_rate_after(run, 100000);
        CHECK(rate == doctest::Approx(run.params().target_rate).epsilon(0.05));
        CHECK(rate == doctest::Approx(run.predicted_rate()).epsilon(0.02));
    }
}

TEST_CASE("the learned inhibitory weights mirror the excitatory tuning") {
    for (double drive : {1.0, 2.0, 4.0}) {
        CAPTURE(drive);
        const InhibitoryBalance run = balanced_run(drive);
        const InhibitoryParams& p = run.params();
        CHECK(run.co_tuning() >= 0.9);
        // w_e - w_i = c on every channel.
        const Eigen::VectorXd net = run.excitatory() - run.inhibitory();
        for (int j = 0; j < p.channels; ++j) {
            CAPTURE(j);
            CHECK(net(j) == doctest::Approx(run.predicted_net_weight()).epsilon(0.15));
        }
    }
}

TEST_CASE("inhibition cannot balance channels whose excitation is below the balance point") {
    // drive 0.3: the weakest channel's w_e (0.069) is below c (0.12): w_i >= 0 holds its
    // inhibition near 0 (only noise lifts it), so its net weight stays above c.
    InhibitoryParams p;
    p.drive = 0.3;
    InhibitoryBalance run;
    REQUIRE(run.reset(p).empty());
    run.step(100000);
    CHECK(run.inhibitory()(0) < 0.1 * run.excitatory()(0));
    CHECK(run.inhibitory()(p.channels / 2) > 0.5 * run.excitatory()(p.channels / 2));
}

TEST_CASE("invalid inhibitory parameters are refused with the field named, and the run stays") {
    InhibitoryBalance run;
    run.step(10);
    InhibitoryParams bad;
    bad.channels = 1;
    CHECK(run.reset(bad).find("channels") != std::string::npos);
    bad = InhibitoryParams{};
    bad.rate_spread = 5.0;
    CHECK(run.reset(bad).find("rate_spread") != std::string::npos);
    CHECK(run.steps_done() == 10);
}

namespace hebbian {

TEST_CASE("the rate band's typical path starts at the excitatory drive's rate and settles at the predicted rate") {
    InhibitoryBalance balance;
    REQUIRE(balance.reset(InhibitoryParams{}).empty());
    // Step 1 sees w_i = 0: its mean rate is m sum_j w_e_j.
    const Quantiles first = balance.rate_band(1, 1);
    CHECK(first.typical == doctest::Approx(balance.params().mean_rate * balance.excitatory().sum()).epsilon(1e-12));
    const Quantiles late = balance.rate_band(40000, 128);
    CHECK(late.typical == doctest::Approx(balance.predicted_rate()).epsilon(1e-9));
    CHECK(late.low < late.typical);
    CHECK(late.typical < late.high);
    // A longer interval averages more steps: a narrower band.
    const Quantiles longer = balance.rate_band(40000, 1024);
    CHECK(longer.high - longer.low < late.high - late.low);
}

}  // namespace hebbian
