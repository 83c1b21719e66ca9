// Feedforward rules against Eigen's eigensolver and the closed-form theory.
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/kernels.hpp"
#include "core/simulation.hpp"
#include "scenarios.hpp"

using namespace hebbian;

namespace {

Simulation run(const SimParams& params, long long steps) {
    Simulation sim;
    REQUIRE(sim.reset(params).empty());
    sim.step(steps);
    REQUIRE_FALSE(sim.divergence().diverged);
    return sim;
}

Eigen::VectorXd weight_row(const Simulation& sim, int row = 0) {
    return sim.feedforward()->weights().row(row).transpose();
}

double pc1_alignment(const Simulation& sim) {
    return abs_cosine(weight_row(sim), sim.components().vectors.col(0));
}

}  // namespace

TEST_CASE("Oja on a 2-D source reaches unit norm and PC1") {
    const Simulation sim = run(scenarios::two_d(Rule::Oja, 0.002), 20000);
    CHECK(weight_row(sim).norm() == doctest::Approx(1.0).epsilon(0.02));
    CHECK(pc1_alignment(sim) >= 0.999);
}

TEST_CASE("Oja on an 8-D source reaches unit norm and PC1") {
    SimParams p = scenarios::spectrum(Rule::Oja, 8, 0.5, 0.002);
    p.batch = 4;
    const Simulation sim = run(p, 30000);
    CHECK(weight_row(sim).norm() == doctest::Approx(1.0).epsilon(0.02));
    CHECK(pc1_alignment(sim) >= 0.999);
}

TEST_CASE("the decay rule turns to PC1 in all three regimes while its norm follows the theory") {
    // lambda_1 = 1, lambda_2 = 0.25. Mean field: w_t = (I + eta (C - alpha I))^t w_0.
    const double eta = 0.005;
    const long long steps = 4000;
    struct Case {
        double alpha;
        DecayRegime regime;
    };
    for (const Case c : {Case{1.5, DecayRegime::NormShrinks}, Case{1.0, DecayRegime::NormHolds},
                         Case{0.6, DecayRegime::NormGrows}}) {
        CAPTURE(c.alpha);
        SimParams p = scenarios::two_d(Rule::Decay, eta, c.alpha);
        p.batch = 8;
        const Simulation sim = run(p, steps);
        CHECK(decay_regime(c.alpha, sim.components().values(0)) == c.regime);
        CHECK(pc1_alignment(sim) >= 0.999);
        const double initial = std::log(sim.initial_weights().norm());
        const double actual = std::log(weight_row(sim).norm()) - initial;
        const double predicted =
            predicted_log_norm(sim.components(), sim.initial_weights().row(0).transpose(), eta, c.alpha, steps) -
            initial;
        CAPTURE(actual);
        CAPTURE(predicted);
        // Within 5% of the predicted number of e-folds, plus 0.3 for the sampling noise.
        CHECK(std::fabs(actual - predicted) <= 0.05 * std::fabs(predicted) + 0.3);
        if (c.regime == DecayRegime::NormShrinks) CHECK(actual < -5.0);
        if (c.regime == DecayRegime::NormGrows) CHECK(actual > 5.0);
        if (c.regime == DecayRegime::NormHolds) CHECK(std::fabs(actual) < 1.5);
    }
}

TEST_CASE("plain Hebb over 250 steps at eta 0.1 grows by (1 + eta lambda_1)^250") {
    // With 256 samples averaged per step the update is close to its mean, so
    // |w_250| / |w_0 . v_1| should be (1.1)^250 = 2.2e10 (23.8 e-folds). Tolerance:
    // 0.5 e-folds, about 2% of the growth.
    SimParams p = scenarios::two_d(Rule::Hebb, 0.1);
    p.batch = 256;
    const Simulation sim = run(p, 250);
    const Eigen::VectorXd w0 = sim.initial_weights().row(0).transpose();
    const double along_pc1 = std::fabs(w0.dot(sim.components().vectors.col(0)));
    const double growth = std::log(weight_row(sim).norm() / along_pc1);
    CHECK(growth == doctest::Approx(250.0 * std::log(1.1)).epsilon(0.5 / 23.8));
    CHECK(sim.history().predicted_norm.back() / weight_row(sim).norm() == doctest::Approx(1.0).epsilon(0.65));
}

TEST_CASE("Sanger's rule recovers the top-k principal subspace, one component per row") {
    SimParams p = scenarios::spectrum(Rule::Sanger, 8, 0.5, 0.002, 3);
    p.batch = 4;
    const Simulation sim = run(p, 60000);
    const WeightMatrix& w = sim.feedforward()->weights();
    CHECK(subspace_alignment(w, sim.components().vectors.leftCols(3)) >= 0.99);
    for (int i = 0; i < 3; ++i) {
        CAPTURE(i);
        CHECK(abs_cosine(weight_row(sim, i), sim.components().vectors.col(i)) >= 0.98);
        CHECK(weight_row(sim, i).norm() == doctest::Approx(1.0).epsilon(0.05));
    }
}

TEST_CASE("BCM becomes selective: it answers one of two patterns with 1/p and the other with 0") {
    // Two orthogonal patterns presented with probability p = 1/2 each. With
    // theta = <y^2> the stable fixed points answer one pattern only, with
    // y = theta = 1/p = 2. With a linear output a negative response only decays
    // towards 0 (dw ~ eta y^2 x for small y), so a neuron whose responses all
    // start negative falls silent instead. A small positive response y0 first grows
    // like dy/dt ~ eta p y^2, taking off after about 1 / (eta p y0) steps: only
    // responses above 0.05 (8000 steps) are sure to have settled within the run.
    int selective = 0;
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
        CAPTURE(seed);
        const SimParams p = scenarios::bcm_two_patterns(seed);
        const Eigen::MatrixXd& patterns = *p.source.data;
        const Simulation sim = run(p, 40000);
        const Eigen::VectorXd initial = patterns * sim.initial_weights().row(0).transpose();
        const Eigen::VectorXd responses = patterns * weight_row(sim);
        const double strong = responses.cwiseAbs().maxCoeff();
        const double weak = responses.cwiseAbs().minCoeff();
        if (initial.maxCoeff() > 0.05) {
            ++selective;
            // theta's own sampling noise moves the operating point by about 10%.
            CHECK(strong == doctest::Approx(2.0).epsilon(0.15));
            CHECK(weak < 1e-6);
            CHECK(sim.feedforward()->threshold()(0) > 1.0);
        } else if (initial.maxCoeff() <= 0.0) {
            CHECK(strong < 0.05);
        }
    }
    CHECK(selective >= 3);
}

TEST_CASE("without the offset a baseline rate drags the learned direction to the mean") {
    // Major axis at -45 degrees, baseline 2 on both inputs: the mean (2, 2) is
    // orthogonal to PC1 of C and dominates the second moment C + m m^T. Oja's weights
    // wobble about their fixed point by an angle of about sqrt(eta l1 l2 / (2 (l1 - l2)))
    // (l1 = 9, l2 = 1 without the offset): 0.017 rad at this eta, inside the tolerances.
    SimParams p = scenarios::two_d(Rule::Oja, 0.0005);
    p.source.angle_deg = -45.0;
    p.source.baseline = 2.0;
    const Eigen::Vector2d true_pc1(std::sqrt(0.5), -std::sqrt(0.5));
    const Eigen::Vector2d mean_direction(std::sqrt(0.5), std::sqrt(0.5));

    const Simulation with_offset = run(p, 80000);
    CHECK(abs_cosine(weight_row(with_offset), true_pc1) >= 0.999);

    p.subtract_mean = false;
    const Simulation without_offset = run(p, 80000);
    CHECK(abs_cosine(weight_row(without_offset), mean_direction) >= 0.999);
    CHECK(abs_cosine(weight_row(without_offset), true_pc1) < 0.05);
}

TEST_CASE("a BCM threshold nearly as slow as the weights makes the selective response swing") {
    // Udeigwe, Munro and Ermentrout (2017): when the threshold's time scale approaches the
    // weights', the fixed point loses stability and the dynamics oscillate. On the two
    // patterns (weights' rate about eta p y^2 = 0.01 a step near y = 2), a threshold rate of
    // 0.005 swings the preferred response much wider than a fast one (0.05), whose spread
    // is the sampling noise only.
    auto swing = [](double theta_rate) {
        SimParams p = scenarios::bcm_two_patterns(3);
        p.learning.theta_rate = theta_rate;
        Simulation sim;
        REQUIRE(sim.reset(p).empty());
        double lo = 1e300, hi = -1e300;
        for (int t = 0; t < 400; ++t) {
            sim.step(500);
            REQUIRE_FALSE(sim.divergence().diverged);
            const double y = (*p.source.data * weight_row(sim)).cwiseAbs().maxCoeff();
            if (t >= 20) lo = std::min(lo, y), hi = std::max(hi, y);
        }
        return hi - lo;
    };
    CHECK(swing(0.005) > 2.5 * swing(0.05));
}

namespace {

// True when v is +0.0 bit for bit (not -0.0, not a subnormal).
bool positive_zero(double v) { return v == 0.0 && !std::signbit(v); }

// True when v is a subnormal double (0 < |v| < 2^-1022).
bool subnormal(double v) { return std::fpclassify(v) == FP_SUBNORMAL; }

}  // namespace

TEST_CASE("the weights of a constant zero input end at exactly +0, never subnormal, for every rule and path") {
    // Four inputs, the first always 0. Its weight decays geometrically under decay, oja,
    // sanger and hetero (by 0.8 a step for decay), past 2^-1074 well within the run: without
    // the flush of tiny weights it would pass through the subnormal numbers (and decay's
    // would stick there); with it, the flush after every 64th step (flush_tiny.hpp) sets it
    // to +0 once it is below 2^-500, before it gets there. hebb and bcm never
    // move it (dw_0 is proportional to x_0), so it keeps its bits. hetero learns in batches
    // of 16, whose mean y^4 has no heavy tail to overshoot with.
    constexpr int kInputs = 4, kSteps = 20000;
    struct Case {
        Rule rule;
        int outputs, batch;
        double eta;
    };
    const Case cases[] = {{Rule::Hebb, 1, 1, 0.001},  {Rule::Decay, 1, 1, 0.2},          {Rule::Decay, 2, 1, 0.2},
                          {Rule::Decay, 1, 4, 0.2},   {Rule::Oja, 1, 1, 0.2},            {Rule::Oja, 2, 4, 0.2},
                          {Rule::Sanger, 2, 1, 0.1},  {Rule::Sanger, 2, 4, 0.1},         {Rule::Bcm, 1, 1, 0.01},
                          {Rule::Bcm, 2, 4, 0.01},    {Rule::Heterosynaptic, 1, 16, 0.05}, {Rule::Heterosynaptic, 2, 16, 0.05}};
    for (const Case& c : cases) {
        CAPTURE(static_cast<int>(c.rule));
        CAPTURE(c.outputs);
        CAPTURE(c.batch);
        FeedforwardParams p;
        p.rule = c.rule, p.outputs = c.outputs, p.eta = c.eta, p.alpha = 1.0;
        Rng rng(11);
        WeightMatrix w0(c.outputs, kInputs);
        for (Eigen::Index i = 0; i < w0.size(); ++i) w0.data()[i] = 0.5 * rng.normal();
        FeedforwardCircuit circuit(p, w0);
        Eigen::MatrixXd x(kInputs, c.batch);
        bool ever_subnormal = false, ever_tiny = false, tiny_after_flush = false;
        for (int step = 0; step < kSteps; ++step) {
            for (Eigen::Index b = 0; b < x.cols(); ++b) {
                x(0, b) = 0.0;
                for (int i = 1; i < kInputs; ++i) x(i, b) = rng.normal();
            }
            REQUIRE(circuit.learn(x, 1e150).empty());
            REQUIRE(circuit.steps() == step + 1);
            for (Eigen::Index i = 0; i < circuit.weights().size(); ++i) {
                const double v = circuit.weights().data()[i];
                ever_subnormal = ever_subnormal || subnormal(v);
                const bool tiny = v != 0.0 && std::fabs(v) < kernels::kFlushBelow;
                ever_tiny = ever_tiny || tiny;
                tiny_after_flush = tiny_after_flush || (tiny && (step + 1) % kernels::kFlushEvery == 0);
            }
        }
        CHECK_FALSE(ever_subnormal);
        CHECK_FALSE(tiny_after_flush);  // after every 64th step, nothing below 2^-500 but 0
        if (c.rule != Rule::Hebb && c.rule != Rule::Bcm) CHECK(ever_tiny);  // the flush has work to do
        for (int row = 0; row < c.outputs; ++row) {
            const double w_zero = circuit.weights()(row, 0);
            if (c.rule == Rule::Hebb || c.rule == Rule::Bcm)
                CHECK(w_zero == w0(row, 0));
            else
                CHECK(positive_zero(w_zero));
            for (int i = 1; i < kInputs; ++i) {  // the other weights live on
                CHECK(std::isfinite(circuit.weights()(row, i)));
                CHECK(circuit.weights()(row, i) != 0.0);
            }
        }
    }
}

TEST_CASE("BCM's threshold decays to exactly +0 when the outputs fall silent") {
    // After one active sample, zero inputs make y = 0 and theta <- 0.9 theta: without the
    // flush after every 64th step it would stick at a subnormal value; online (k = 1) and
    // batched (k = 2) alike.
    for (int outputs : {1, 2}) {
        CAPTURE(outputs);
        FeedforwardParams p;
        p.rule = Rule::Bcm, p.outputs = outputs, p.eta = 0.01, p.theta_rate = 0.1;
        WeightMatrix w0 = WeightMatrix::Constant(outputs, 3, 0.5);
        FeedforwardCircuit circuit(p, w0);
        REQUIRE(circuit.learn(Eigen::Vector3d(1.0, -0.5, 2.0), 1e150).empty());
        REQUIRE(circuit.threshold()(0) > 0.0);
        bool ever_subnormal = false;
        for (int step = 0; step < 10000; ++step) {
            REQUIRE(circuit.learn(Eigen::Vector3d::Zero(), 1e150).empty());
            for (int i = 0; i < outputs; ++i) ever_subnormal = ever_subnormal || subnormal(circuit.threshold()(i));
        }
        CHECK_FALSE(ever_subnormal);
        for (int i = 0; i < outputs; ++i) CHECK(positive_zero(circuit.threshold()(i)));
    }
}
