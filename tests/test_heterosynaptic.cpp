// Hebb plus the heterosynaptic term (Zenke, Agnes and Gerstner 2015) against its theory:
// bounded under strong drive, silent synapses relax to w_ref while active ones grow, and
// the fixed point w = +-|w| PC1 with |w| = (3 beta lambda_1)^(-1/4) on Gaussian inputs.
#include <doctest.h>

#include <cmath>

#include "core/simulation.hpp"
#include "scenarios.hpp"

using namespace hebbian;

namespace {

// The mean of |w_1| over the second half of the recorded history (the fixed point's
// neighbourhood, where single samples only jitter it).
double late_mean_norm(const Simulation& sim) {
    const std::vector<double>& norm = sim.history().norm;
    double sum = 0.0;
    for (size_t i = norm.size() / 2; i < norm.size(); ++i) sum += norm[i];
    return sum / static_cast<double>(norm.size() - norm.size() / 2);
}

}  // namespace

TEST_CASE("the heterosynaptic term bounds a drive under which plain Hebb explodes, at (3 beta lambda_1)^(-1/4)") {
    // eta beta y^4 must stay well below 1 even for the rare large y (the y^4 term is stiff):
    // at the fixed point var(y) = lambda_1 |w|^2, so eta beta y^4 at 5 sigma is about 0.6.
    SimParams p = scenarios::spectrum(Rule::Heterosynaptic, 8, 0.5, 1e-4);
    p.source.lambda1 = 20.0;  // strong drive: plain Hebb grows by 1.002 a step
    for (double beta : {0.5, 2.0}) {
        CAPTURE(beta);
        p.learning.beta = beta;
        Simulation sim;
        REQUIRE(sim.reset(p).empty());
        sim.step(100000);
        REQUIRE_FALSE(sim.divergence().diverged);
        const double expected = heterosynaptic_fixed_norm(beta, sim.components().values(0));
        CHECK(late_mean_norm(sim) == doctest::Approx(expected).epsilon(0.05));
        CHECK(abs_cosine(sim.feedforward()->weights().row(0).transpose(), sim.components().vectors.col(0)) >= 0.99);
    }
    p.learning.rule = Rule::Hebb;
    Simulation hebb;
    REQUIRE(hebb.reset(p).empty());
    hebb.step(100000);
    CHECK((hebb.divergence().diverged || hebb.history().norm.back() > 1e50));
}

TEST_CASE("with an active output, silent synapses relax to w_ref while active ones potentiate") {
    // Inputs 0..2 share one signal; inputs 3..5 are silent. Every weight starts at 0.05.
    FeedforwardParams p;
    p.rule = Rule::Heterosynaptic;
    p.eta = 0.01;
    p.beta = 1.0;
    for (double w_ref : {0.0, 0.02}) {
        CAPTURE(w_ref);
        p.w_ref = w_ref;
        FeedforwardCircuit circuit(p, WeightMatrix::Constant(1, 6, 0.05));
        Rng rng(4);
        Eigen::MatrixXd x = Eigen::MatrixXd::Zero(6, 1);
        double silent_before = 0.05, active_before = 0.05;
        for (int check = 0; check < 5; ++check) {
            for (int s = 0; s < 2000; ++s) {
                const double shared = rng.normal();
                for (int i = 0; i < 3; ++i) x(i, 0) = shared + 0.3 * rng.normal();
                REQUIRE(circuit.learn(x, kDefaultDivergenceLimit).empty());
            }
            const auto w = circuit.weights().row(0);
            // The active weights grow (towards +-PC1 of their inputs, either sign).
            const double active = std::fabs(w.head(3).mean()), silent = w.tail(3).mean();
            CAPTURE(check);
            // Silent weights only ever move towards w_ref: dw = -eta beta (w - w_ref) y^4.
            CHECK(std::fabs(silent - w_ref) <= std::fabs(silent_before - w_ref));
            if (check == 0) CHECK(std::fabs(silent - w_ref) < 0.01 * std::fabs(0.05 - w_ref) + 1e-12);
            CHECK(std::fabs(w(3) - w(4)) < 1e-15);  // all silent ones alike
            if (check == 0) CHECK(active > 2.0 * active_before);
            silent_before = silent, active_before = active;
        }
        CHECK(std::fabs(silent_before - w_ref) < 1e-3);
    }
}
