// The theory of one run (single_run.hpp) against independent ground truth: exact chi-square
// quantiles, numerical integrals of the one-step factor, and long runs of the simulation.
// The bands' coverage over many seeds is scored by tests/calibration.
#include <doctest.h>

#include <cmath>

#include "core/simulation.hpp"
#include "core/single_run.hpp"
#include "scenarios.hpp"

namespace hebbian {

TEST_CASE("scaled_chi_square_quantile matches the chi-square's tabulated quantiles") {
    // chi-square with 10 degrees of freedom: mean 10, variance 20; 5% 3.9403, 50% 9.3418, 95% 18.3070.
    CHECK(scaled_chi_square_quantile(10.0, 20.0, -kNormal95) == doctest::Approx(3.9403).epsilon(0.01));
    CHECK(scaled_chi_square_quantile(10.0, 20.0, 0.0) == doctest::Approx(9.3418).epsilon(0.01));
    CHECK(scaled_chi_square_quantile(10.0, 20.0, kNormal95) == doctest::Approx(18.3070).epsilon(0.01));
    // Scaled by 3: every quantile scales.
    CHECK(scaled_chi_square_quantile(30.0, 180.0, kNormal95) == doctest::Approx(3 * 18.3070).epsilon(0.01));
}

TEST_CASE("past its horizon, decay's typical log |w| drifts by E log|1 + eta (lambda_1 z^2 - alpha)| a step") {
    SimParams p = scenarios::two_d(Rule::Hebb, 0.1);
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    // E log(1 + eta lambda_1 z^2), z standard normal, by the trapezoid rule on [-12, 12].
    double drift = 0.0;
    const double h = 1e-3;
    for (double z = -12.0; z <= 12.0; z += h)
        drift += h * std::exp(-0.5 * z * z) / std::sqrt(2.0 * M_PI) * std::log(1.0 + 0.1 * z * z);
    const double start = sim.forecast().horizon() + 10.0, span = 1000.0;
    const double measured =
        (std::log(sim.forecast().norm(start + span).typical) - std::log(sim.forecast().norm(start).typical)) / span;
    CHECK(measured == doctest::Approx(drift).epsilon(0.03));
    // Jensen: the typical run grows more slowly than the mean field's log(1 + eta lambda_1).
    CHECK(measured < std::log(1.1));
}

TEST_CASE("the typical plain Hebb run explodes later than the mean field predicts") {
    Simulation sim;
    REQUIRE(sim.reset(scenarios::two_d(Rule::Hebb, 0.1)).empty());
    const auto window = sim.forecast().explosion_step();
    REQUIRE(window.has_value());
    CHECK(window->low < window->typical);
    CHECK(window->typical < window->high);
    // The mean field passes 1000 |w_0| (along PC1) after log(1000) / log(1 + eta lambda_1) = 72.5 steps.
    CHECK(window->typical > std::log(1000.0) / std::log(1.1));
}

TEST_CASE("Oja settles at the stationary misalignment oja_misalignment_floor predicts") {
    // Four inputs, eigenvalues 1, 0.5, 0.25, 0.125, eta 0.002: the mean of 1 - cos^2 over a long run.
    SimParams p = scenarios::spectrum(Rule::Oja, 4, 0.5, 0.002);
    p.history_capacity = 1 << 14;
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    sim.step(20000);
    const std::vector<double>& cosine = sim.history().alignment;
    double mean = 0.0;
    int count = 0;
    for (size_t k = cosine.size() / 2; k < cosine.size(); ++k, ++count) mean += 1.0 - cosine[k] * cosine[k];
    mean /= count;
    const double floor = oja_misalignment_floor(sim.components().values, 0.002);
    CHECK(floor == doctest::Approx(0.001 * (0.5 / 0.5 + 0.25 / 0.75 + 0.125 / 0.875)).epsilon(1e-9));
    CHECK(mean == doctest::Approx(floor).epsilon(0.25));
}

TEST_CASE("a data set's recurrent sampling term matches the Gaussian formula on Gaussian rows") {
    Eigen::VectorXd values(3);
    values << 2.0, 1.0, 0.5;
    Rng rng(7);
    Eigen::MatrixXd rows(3, 200000);
    for (Eigen::Index r = 0; r < rows.cols(); ++r)
        for (Eigen::Index i = 0; i < 3; ++i) rows(i, r) = std::sqrt(values(i)) * rng.normal();
    const RecurrentForecast gaussian = recurrent_forecast(values, 0.01, 4.0, 1);
    const RecurrentForecast data = recurrent_forecast(values, 0.01, 4.0, 1, &rows);
    CHECK(gaussian.sampling2 == doctest::Approx(3.5 * 3.5 + 5.25));
    CHECK(data.sampling2 == doctest::Approx(gaussian.sampling2).epsilon(0.03));
}

TEST_CASE("the recurrent band's median settles near the mean-field noise floor") {
    Simulation sim;
    REQUIRE(sim.reset(scenarios::latent_recurrent(8, 0.01, 2.0)).empty());
    sim.step(3000);
    const History& h = sim.history();
    REQUIRE(!h.relative_error_typical.empty());
    CHECK(h.relative_error_low.back() < h.relative_error_typical.back());
    CHECK(h.relative_error_typical.back() < h.relative_error_high.back());
    CHECK(h.relative_error_typical.back() == doctest::Approx(sim.noise_floor()).epsilon(0.1));
}

TEST_CASE("rules without a single-run theory have no band: BCM, and hetero with w_ref != 0") {
    Simulation sim;
    REQUIRE(sim.reset(scenarios::two_d(Rule::Bcm, 0.01)).empty());
    CHECK(sim.forecast().empty());
    CHECK(sim.history().norm_typical.empty());
    SimParams p = scenarios::two_d(Rule::Heterosynaptic, 0.01);
    p.learning.w_ref = 0.1;
    REQUIRE(sim.reset(p).empty());
    CHECK(sim.forecast().empty());
}

TEST_CASE("the same seed gives the same band") {
    Simulation a, b;
    REQUIRE(a.reset(scenarios::spectrum(Rule::Decay, 8, 0.6, 0.01)).empty());
    REQUIRE(b.reset(scenarios::spectrum(Rule::Decay, 8, 0.6, 0.01)).empty());
    for (double t : {0.0, 100.0, 1e4}) {
        CHECK(a.forecast().norm(t).low == b.forecast().norm(t).low);
        CHECK(a.forecast().norm(t).high == b.forecast().norm(t).high);
        CHECK(a.forecast().alignment(t).typical == b.forecast().alignment(t).typical);
    }
}

}  // namespace hebbian
