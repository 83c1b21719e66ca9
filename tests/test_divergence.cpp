// Divergence is a state: the run stops, says when and why, keeps finite weights.
#include <doctest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "core/divergence.hpp"
#include "core/feedforward.hpp"
#include "core/kernels.hpp"
#include "core/random.hpp"
#include "core/simulation.hpp"
#include "scenarios.hpp"

using namespace hebbian;

TEST_CASE("an exploding feedforward run stops with the step, the reason and finite weights") {
    SimParams p = scenarios::two_d(Rule::Hebb, 5.0);
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    sim.step(100000);
    const Divergence& d = sim.divergence();
    REQUIRE(d.diverged);
    CHECK(d.step == sim.steps_done() + 1);
    CHECK(d.step < 100000);
    CHECK(d.reason.find("overflowed") != std::string::npos);
    const WeightMatrix& w = sim.feedforward()->weights();
    CHECK(w.allFinite());
    CHECK(w.cwiseAbs().maxCoeff() <= p.divergence_limit);
    // Stepping a diverged run does nothing.
    const long long stopped_at = sim.steps_done();
    sim.step(10);
    CHECK(sim.steps_done() == stopped_at);
    for (double v : sim.history().norm) CHECK(std::isfinite(v));
}

TEST_CASE("every rule with an extreme learning rate diverges cleanly and recovers on reset") {
    for (Rule rule : {Rule::Hebb, Rule::Decay, Rule::Oja, Rule::Sanger, Rule::Bcm}) {
        CAPTURE(to_string(rule));
        SimParams p = scenarios::spectrum(rule, 4, 0.5, 1e6, 2);
        Simulation sim;
        REQUIRE(sim.reset(p).empty());
        sim.step(10000);
        CHECK(sim.divergence().diverged);
        CHECK(sim.feedforward()->weights().allFinite());
        CHECK(sim.feedforward()->threshold().allFinite());
        p.learning.eta = 0.001;
        REQUIRE(sim.reset(p).empty());
        sim.step(100);
        CHECK_FALSE(sim.divergence().diverged);
        CHECK(sim.steps_done() == 100);
    }
}

TEST_CASE("the online Sanger step stops exactly where a new weight first passes the limit") {
    // Reference: dW = eta (y x^T - LT[y y^T] W) in plain Eigen, every new weight checked.
    // The circuit checks a bound on max |W| instead and looks at every weight only once the
    // bound passes the limit. Case 1 blows up (eta y^2 > 2); case 2 stays stable under a
    // tight limit the bound soon passes, so the exact check runs there again and again.
    struct Case {
        double eta, input_scale, limit;
        bool diverges;
    };
    for (const Case& c : {Case{0.1, 3.0, 1e6, true}, Case{0.002, 1.0, 6.0, false}}) {
        CAPTURE(c.eta);
        FeedforwardParams p;
        p.rule = Rule::Sanger;
        p.outputs = 3;
        p.eta = c.eta;
        const int n = 10;
        Rng rng(21);
        WeightMatrix w(p.outputs, n);
        for (Eigen::Index i = 0; i < w.size(); ++i) w.data()[i] = 0.3 * rng.normal();
        FeedforwardCircuit circuit(p, w);
        bool diverged = false;
        for (int step = 1; step <= 5000 && !diverged; ++step) {
            CAPTURE(step);
            Eigen::MatrixXd x(n, 1);
            for (int i = 0; i < n; ++i) x(i, 0) = c.input_scale * rng.normal();
            const Eigen::VectorXd y = w * x;
            const Eigen::MatrixXd yy = y * y.transpose();
            const WeightMatrix next =
                w + c.eta * (y * x.transpose() - Eigen::MatrixXd(yy.triangularView<Eigen::Lower>()) * w);
            diverged = !next.allFinite() || next.cwiseAbs().maxCoeff() > c.limit || y.cwiseAbs().maxCoeff() > c.limit;
            const std::string why = circuit.learn(x, c.limit);
            REQUIRE(why.empty() == !diverged);
            if (!diverged) w = next;
            CHECK((circuit.weights() - w).norm() <= 1e-9 * (1.0 + w.norm()));
        }
        CHECK(diverged == c.diverges);
    }
}

TEST_CASE("the recurrent circuit diverges when eta*alpha > 2, at the step the theory predicts") {
    // W <- (1 - eta alpha) W + eta x x^T with 1 - eta alpha = -2: |W| doubles per step.
    SimParams p = scenarios::latent_recurrent(4, 1.0, 3.0);
    p.divergence_limit = 1e6;
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    sim.step(1000);
    const Divergence& d = sim.divergence();
    REQUIRE(d.diverged);
    // Starting from O(1) entries, doubling reaches 1e6 after about log2(1e6) = 20 steps.
    CHECK(d.step >= 10);
    CHECK(d.step <= 30);
    CHECK(sim.recurrent()->weights().allFinite());
    CHECK(sim.recurrent()->weights().cwiseAbs().maxCoeff() <= 1e6);
}

TEST_CASE("recurrent plain Hebb (alpha 0) grows linearly, W_t ~ eta t C, until it is stopped") {
    SimParams p = scenarios::latent_recurrent(4, 0.01, 0.0);
    p.learning.rule = Rule::Hebb;
    p.batch = 16;
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    sim.step(5000);
    REQUIRE_FALSE(sim.divergence().diverged);
    CHECK(relative_frobenius_error(sim.recurrent()->weights() / (0.01 * 5000), sim.covariance()) < 0.05);

    p.learning.eta = 1e148;
    REQUIRE(sim.reset(p).empty());
    sim.step(100000);
    CHECK(sim.divergence().diverged);
    CHECK(sim.recurrent()->weights().allFinite());
}

TEST_CASE("step_magnitude_bound widens |scale| M + increment by one epsilon per rounded operation") {
    constexpr double eps = std::numeric_limits<double>::epsilon();
    // The rule: (|scale| M + increment) (1 + (operations + 4) eps).
    CHECK(step_magnitude_bound(-0.5, 4.0, 1.0, 4) == 3.0 * (1.0 + 8.0 * eps));
    CHECK(step_magnitude_bound(2.0, 1.0, 0.0, 0) == 2.0 * (1.0 + 4.0 * eps));
    CHECK(step_magnitude_bound(1.0, 1.0, 0.0, 12) > step_magnitude_bound(1.0, 1.0, 0.0, 11));
    // A NaN or infinite bound is never within a limit.
    CHECK_FALSE(step_magnitude_bound(std::nan(""), 1.0, 1.0, 4) <= kDefaultDivergenceLimit);
    CHECK_FALSE(step_magnitude_bound(1.0, INFINITY, 1.0, 4) <= kDefaultDivergenceLimit);
    CHECK_FALSE(step_magnitude_bound(1.0, 1.0, std::nan(""), 4) <= kDefaultDivergenceLimit);
}

TEST_CASE("step_magnitude_bound holds where it is tight, for the online step and the recurrent block") {
    // Every weight equal and every input equal: each new weight is the bound itself in
    // exact arithmetic, so only the rounding allowance keeps the computed weights below it.
    Rng rng(44);
    const int n = 11;
    int above_exact_bound = 0;  // steps whose rounded weights passed the bound without its allowance
    for (int trial = 0; trial < 2000; ++trial) {
        CAPTURE(trial);
        const double magnitude = std::exp(rng.normal()), input = std::exp(rng.normal());
        // w <- a w + b x (hebb, decay and oja with one output): 3 operations per weight, 1 for |b| max |x|.
        const double a = std::exp(rng.normal()), b = std::exp(rng.normal());
        std::vector<double> w(n, magnitude);
        const std::vector<double> x(n, input);
        kernels::scale_add(w.data(), a, b, x.data(), n);
        CHECK(kernels::max_abs(w.data(), n) <= step_magnitude_bound(a, magnitude, b * input, 4));
        if (kernels::max_abs(w.data(), n) > a * magnitude + b * input) ++above_exact_bound;

        // W <- keep W + gain sum_b x_b x_b^T over m samples (the recurrent step): 5 m + 3.
        const int m = 1 + trial % 5;
        const double keep = std::exp(rng.normal()), gain = std::exp(rng.normal());
        std::vector<double> big(static_cast<size_t>(n) * n, magnitude), columns(static_cast<size_t>(n) * m);
        const std::vector<double> coefficients(static_cast<size_t>(m), gain);
        double inputs = 0.0;
        for (int c = 0; c < m; ++c) {
            const double value = std::exp(rng.normal());
            for (int i = 0; i < n; ++i) columns[static_cast<size_t>(c) * n + i] = value;
            inputs += value * value;
        }
        std::vector<double> packed;
        kernels::symmetric_rank_update(big.data(), n, keep, columns.data(), n, m, coefficients.data(), packed);
        CHECK(kernels::max_abs(big.data(), n * n) <= step_magnitude_bound(keep, magnitude, gain * inputs, 5 * m + 3));
        if (kernels::max_abs(big.data(), n * n) > keep * magnitude + gain * inputs) ++above_exact_bound;
    }
    CHECK(above_exact_bound > 0);  // the allowance is needed
}
