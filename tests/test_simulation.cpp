// The Simulation object: validation, determinism, history and recent samples.
#include <doctest.h>

#include <cmath>

#include "core/simulation.hpp"
#include "scenarios.hpp"

using namespace hebbian;

TEST_CASE("invalid parameters are refused with a message naming the field, and the old run stays") {
    Simulation sim;
    REQUIRE(sim.reset(scenarios::two_d(Rule::Oja, 0.01)).empty());
    sim.step(10);

    SimParams too_many_outputs = scenarios::two_d(Rule::Sanger, 0.01);
    too_many_outputs.learning.outputs = 3;
    CHECK(sim.reset(too_many_outputs).find("outputs (k = 3)") != std::string::npos);

    SimParams bad = scenarios::two_d(Rule::Oja, -0.1);
    CHECK(sim.reset(bad).find("eta") != std::string::npos);
    bad = scenarios::two_d(Rule::Decay, 0.1, std::nan(""));
    CHECK(sim.reset(bad).find("alpha") != std::string::npos);
    bad = scenarios::latent_recurrent(4, 0.01, 1.0);
    bad.learning.rule = Rule::Oja;
    CHECK(sim.reset(bad).find("feedforward circuit") != std::string::npos);
    bad = scenarios::two_d(Rule::Oja, 0.01);
    bad.batch = 0;
    CHECK(sim.reset(bad).find("batch") != std::string::npos);

    bad = scenarios::two_d(Rule::Oja, 0.01);
    bad.circuit = Circuit::Inhibitory;  // a circuit of its own (InhibitoryBalance)
    CHECK(sim.reset(bad).find("InhibitoryBalance") != std::string::npos);

    CHECK(sim.steps_done() == 10);
    CHECK(sim.params().learning.rule == Rule::Oja);
    sim.step(5);
    CHECK(sim.steps_done() == 15);
}

TEST_CASE("one seed gives one run, bit for bit; another seed gives another") {
    const SimParams p = scenarios::spectrum(Rule::Sanger, 6, 0.6, 0.01, 2);
    Simulation a, b;
    REQUIRE(a.reset(p).empty());
    REQUIRE(b.reset(p).empty());
    a.step(500);
    b.step(200);
    b.step(300);
    CHECK(a.feedforward()->weights() == b.feedforward()->weights());
    CHECK(a.history().alignment == b.history().alignment);

    SimParams other = p;
    other.seed = 2;
    Simulation c;
    REQUIRE(c.reset(other).empty());
    c.step(500);
    CHECK((a.feedforward()->weights() - c.feedforward()->weights()).norm() > 1e-3);
}

TEST_CASE("runs that differ only in the rule see exactly the same inputs") {
    SimParams hebb = scenarios::two_d(Rule::Hebb, 0.1);
    SimParams decay = scenarios::two_d(Rule::Decay, 0.1, 1.0);
    Simulation a, b;
    REQUIRE(a.reset(hebb).empty());
    REQUIRE(b.reset(decay).empty());
    a.step(50);
    b.step(50);
    CHECK(a.recent_samples() == b.recent_samples());
    CHECK(a.initial_weights() == b.initial_weights());
}

TEST_CASE("history thins out to its capacity and keeps the step axis increasing") {
    SimParams p = scenarios::two_d(Rule::Oja, 0.01);
    p.history_capacity = 16;
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    sim.step(1000);
    const History& h = sim.history();
    CHECK(h.step.size() <= 16);
    CHECK(h.step.size() >= 8);
    CHECK(h.norm.size() == h.step.size());
    CHECK(h.alignment.size() == h.step.size());
    CHECK(h.predicted_norm.empty());  // Oja has no mean-field norm prediction here
    CHECK(h.step.front() == 0);
    for (size_t i = 1; i < h.step.size(); ++i) CHECK(h.step[i] > h.step[i - 1]);
    CHECK(h.step.back() + h.stride > 1000);
}

TEST_CASE("the recurrent history records |W|_F, the PC1 alignment of W and |alpha W - C|_F / |C|_F") {
    const SimParams p = scenarios::latent_recurrent(12, 0.01, 4.0);
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    sim.step(640);
    const History& h = sim.history();
    REQUIRE(h.step.back() == 640);
    const Eigen::MatrixXd& w = sim.recurrent()->weights();
    const Eigen::VectorXd pc1 = sim.components().vectors.col(0);
    CHECK(h.norm.back() == doctest::Approx(w.norm()).epsilon(1e-12));
    CHECK(h.alignment.back() == doctest::Approx(std::fabs((w * pc1).normalized().dot(pc1))).epsilon(1e-12));
    CHECK(h.relative_error.back() == doctest::Approx(relative_frobenius_error(4.0 * w, sim.covariance())).epsilon(1e-12));
}

TEST_CASE("recent samples come back oldest first and hold the last samples seen") {
    SimParams p = scenarios::latent_recurrent(4, 0.01, 1.0);
    p.recent_capacity = 5;
    p.batch = 2;
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    sim.step(1);
    CHECK(sim.recent_samples().cols() == 2);
    sim.step(6);
    const Eigen::MatrixXd recent = sim.recent_samples();
    CHECK(recent.cols() == 5);
    CHECK(sim.recent_latent().cols() == 5);
    CHECK(sim.recent_latent().rows() == 1);
    // Replaying the same run one step at a time ends on the same last sample.
    Simulation replay;
    REQUIRE(replay.reset(p).empty());
    for (int s = 0; s < 7; ++s) replay.step(1);
    CHECK(replay.recent_samples() == recent);
}

TEST_CASE("the empirical covariance of the samples seen approaches the true one") {
    SimParams p = scenarios::spectrum(Rule::Oja, 5, 0.5, 0.001);
    p.track_empirical = true;
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    sim.step(100000);
    CHECK(relative_frobenius_error(sim.empirical_covariance(), sim.covariance()) < 0.03);
}

TEST_CASE("names of rules, circuits and sources round-trip") {
    for (Rule r : {Rule::Hebb, Rule::Decay, Rule::Oja, Rule::Sanger, Rule::Bcm, Rule::Heterosynaptic})
        CHECK(parse_rule(to_string(r)) == r);
    for (Circuit c : {Circuit::Feedforward, Circuit::Recurrent, Circuit::Inhibitory}) CHECK(parse_circuit(to_string(c)) == c);
    for (SourceKind k : {SourceKind::Gaussian2D, SourceKind::Spectrum, SourceKind::Latent, SourceKind::Dataset})
        CHECK(parse_source_kind(to_string(k)) == k);
    CHECK_FALSE(parse_rule("Oja"));
    CHECK_FALSE(parse_rule(""));
}

TEST_CASE("a data set's empirical covariance, from how often each row was drawn, is that of the samples seen") {
    SimParams p;
    p.source.kind = SourceKind::Dataset;
    Rng fill(12);
    auto rows = std::make_shared<Eigen::MatrixXd>(40, 5);
    for (Eigen::Index i = 0; i < rows->size(); ++i) rows->data()[i] = fill.normal() + 0.1 * (i % 5);
    p.source.data = rows;
    p.learning.rule = Rule::Oja;
    p.track_empirical = true;
    p.recent_capacity = 300;
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    sim.step(300);
    // Ground truth: the population covariance of the 300 samples themselves.
    const Eigen::MatrixXd seen = sim.recent_samples();
    const Eigen::MatrixXd centred = seen.colwise() - seen.rowwise().mean();
    const Eigen::MatrixXd expected = centred * centred.transpose() / 300.0;
    CHECK(relative_frobenius_error(sim.empirical_covariance(), expected) < 1e-12);
}

TEST_CASE("a data set's samples are learned as drawn, whether read in place or copied and offset") {
    // Centred rows are learned where they are; uncentred rows with the offset rule are
    // copied and offset first. Either way the recent samples are rows of the data set as
    // the circuit saw them, and Oja's rule replayed on them by hand gives the weights.
    Rng fill(31);
    auto rows = std::make_shared<Eigen::MatrixXd>(50, 6);
    for (Eigen::Index i = 0; i < rows->size(); ++i) rows->data()[i] = fill.normal() + 0.3 * (i % 6);
    for (const bool centre : {true, false}) {
        CAPTURE(centre);
        SimParams p;
        p.source.kind = SourceKind::Dataset;
        p.source.data = rows;
        p.source.centre = centre;
        p.learning.rule = Rule::Oja;
        p.learning.eta = 0.01;
        p.recent_capacity = 500;
        p.history_capacity = 16;  // records thin out fast, so blocks grow to many samples
        Simulation sim;
        REQUIRE(sim.reset(p).empty());
        CHECK((sim.offset().array() != 0.0).any() == !centre);
        sim.step(200);
        sim.step(300);
        const Eigen::MatrixXd seen = sim.recent_samples();
        REQUIRE(seen.cols() == 500);
        const Eigen::MatrixXd as_seen = sim.source().dataset_samples().colwise() - sim.offset();
        Eigen::RowVectorXd w = sim.initial_weights().row(0);
        for (Eigen::Index b = 0; b < seen.cols(); ++b) {
            bool is_a_row = false;
            for (Eigen::Index r = 0; r < as_seen.cols() && !is_a_row; ++r) is_a_row = seen.col(b) == as_seen.col(r);
            REQUIRE(is_a_row);
            const double y = w.dot(seen.col(b));  // Oja: dw = eta y (x - y w)
            w += p.learning.eta * y * (seen.col(b).transpose() - y * w);
        }
        CHECK((sim.feedforward()->weights().row(0) - w).norm() < 1e-12 * w.norm());
    }
}

TEST_CASE("no empirical covariance is kept unless asked for") {
    SimParams p = scenarios::spectrum(Rule::Oja, 5, 0.5, 0.001);
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    sim.step(1000);
    CHECK(sim.empirical_covariance().isZero(0.0));
}

TEST_CASE("the constant norm a rule's theory predicts comes with the run") {
    Simulation sim;
    REQUIRE(sim.reset(scenarios::spectrum(Rule::Oja, 4, 0.5, 0.01)).empty());
    CHECK(sim.fixed_norm() == 1.0);
    REQUIRE(sim.reset(scenarios::spectrum(Rule::Sanger, 4, 0.5, 0.01, 2)).empty());
    CHECK(sim.fixed_norm() == 1.0);
    SimParams hetero = scenarios::spectrum(Rule::Heterosynaptic, 4, 0.5, 0.01);
    hetero.source.lambda1 = 2.0;
    hetero.learning.beta = 0.5;
    REQUIRE(sim.reset(hetero).empty());
    CHECK(*sim.fixed_norm() == doctest::Approx(std::pow(3.0 * 0.5 * 2.0, -0.25)).epsilon(1e-12));
    hetero.learning.w_ref = 0.1;  // no closed form
    REQUIRE(sim.reset(hetero).empty());
    CHECK_FALSE(sim.fixed_norm());
    for (Rule rule : {Rule::Hebb, Rule::Decay, Rule::Bcm}) {
        REQUIRE(sim.reset(scenarios::spectrum(rule, 4, 0.5, 0.01)).empty());
        CHECK_FALSE(sim.fixed_norm());
    }
    REQUIRE(sim.reset(scenarios::latent_recurrent(4, 0.01, 1.0)).empty());
    CHECK_FALSE(sim.fixed_norm());
}
