// The recurrent circuit: W -> C/alpha, and what its response does to shared signals.
#include <doctest.h>

#include <cmath>

#include "core/kernels.hpp"
#include "core/simulation.hpp"
#include "scenarios.hpp"

using namespace hebbian;

namespace {

double correlation(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    const Eigen::VectorXd da = a.array() - a.mean();
    const Eigen::VectorXd db = b.array() - b.mean();
    return da.dot(db) / (da.norm() * db.norm());
}

}  // namespace

TEST_CASE("the recurrent W approaches C/alpha down to the predicted sampling-noise floor") {
    for (int batch : {1, 8}) {
        CAPTURE(batch);
        SimParams p = scenarios::latent_recurrent(8, 0.002, 4.0);
        p.batch = batch;
        Simulation sim;
        REQUIRE(sim.reset(p).empty());
        double squared_error = 0.0;
        const int samples = 40;
        sim.step(5000);  // 40 time constants
        for (int s = 0; s < samples; ++s) {
            sim.step(500);
            squared_error += std::pow(relative_frobenius_error(4.0 * sim.recurrent()->weights(), sim.covariance()), 2);
        }
        const double rms_error = std::sqrt(squared_error / samples);
        CHECK(rms_error == doctest::Approx(sim.noise_floor()).epsilon(0.2));
        CHECK(rms_error < (batch == 1 ? 0.25 : 0.1));
        const Eigen::MatrixXd& w = sim.recurrent()->weights();
        CHECK((w - w.transpose()).norm() == 0.0);
    }
}

TEST_CASE("the recurrent error decays with the mean-field time constant 1/(eta alpha)") {
    // From W_0 = 0 the mean error is (1 - eta alpha)^t: e^-1 after one time constant.
    SimParams p = scenarios::latent_recurrent(8, 0.001, 2.0);
    p.batch = 16;
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    const double tau = recurrent_time_constant(0.001, 2.0);
    CHECK(tau == doctest::Approx(1.0 / 0.001 / 2.0).epsilon(0.002));
    sim.step(static_cast<long long>(std::round(tau)));
    const double error = relative_frobenius_error(2.0 * sim.recurrent()->weights(), sim.covariance());
    CHECK(error == doctest::Approx(std::exp(-1.0)).epsilon(0.05));
    CHECK(sim.history().predicted_relative_error.back() == doctest::Approx(std::exp(-1.0)).epsilon(0.01));
    CHECK(sim.noise_floor() < 0.05);
}

TEST_CASE("the response (I - W)^-1 x matches a direct linear solve") {
    // A non-symmetric check input against a symmetric W with spectral radius < 1.
    Eigen::MatrixXd w(3, 3);
    w << 0.2, 0.1, -0.3,  //
        0.1, 0.4, 0.05,   //
        -0.3, 0.05, 0.1;
    const RecurrentResponse response(w);
    REQUIRE(response.defined());
    const Eigen::Vector3d x(1.0, -2.0, 0.5);
    const Eigen::VectorXd expected = (Eigen::Matrix3d::Identity() - w).partialPivLu().solve(x);
    CHECK((response.apply(x) - expected).norm() < 1e-12);
    CHECK(response.spectral_radius() ==
          doctest::Approx(Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(w).eigenvalues().cwiseAbs().maxCoeff()));
}

TEST_CASE("a response with spectral radius >= 1 is reported, not computed") {
    const RecurrentResponse response(1.5 * Eigen::MatrixXd::Identity(4, 4));
    CHECK_FALSE(response.defined());
    CHECK(response.spectral_radius() == doctest::Approx(1.5));
    CHECK(response.why_undefined().find("spectral radius") != std::string::npos);
}

TEST_CASE("the learned circuit amplifies the shared signal and not the private noise") {
    // 16 streams share one signal (variance 0.25 each) under private noise (variance 1).
    // lambda_1 = 0.25 |a|^2 + 1 is about 5; alpha = 1.25 lambda_1 keeps rho(W) < 1.
    SimParams p = scenarios::latent_recurrent(16, 0.002, 1.0);
    p.recent_capacity = 4000;
    // 64 samples per step: the sampling noise of W's top eigenvalue (about
    // sqrt(eta alpha / 2) sqrt(2) lambda_1 / alpha = 0.08 online) drops to 0.01, so the
    // gain 1 / (1 - lambda_1 / alpha) = 5 can be checked to 20% whatever the seed.
    p.batch = 64;
    Simulation probe;
    REQUIRE(probe.reset(p).empty());
    p.learning.alpha = 1.25 * probe.components().values(0);
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    sim.step(3000);
    const RecurrentResponse response(sim.recurrent()->weights());
    REQUIRE(response.defined());

    const Eigen::MatrixXd inputs = sim.recent_samples();
    const Eigen::VectorXd shared = sim.recent_latent().row(0).transpose();
    Eigen::MatrixXd outputs(inputs.rows(), inputs.cols());
    for (Eigen::Index s = 0; s < inputs.cols(); ++s) outputs.col(s) = response.apply(inputs.col(s));

    for (int stream : {0, 5, 11}) {
        CAPTURE(stream);
        const double before = std::fabs(correlation(inputs.row(stream).transpose(), shared));
        const double after = std::fabs(correlation(outputs.row(stream).transpose(), shared));
        CHECK(after > before + 0.1);
    }
    // Theory: along PC1 the gain is 1/(1 - lambda_1/alpha) = 5; along noise directions about 1/(1 - 1/alpha).
    const Eigen::VectorXd pc1 = sim.components().vectors.col(0);
    const Eigen::VectorXd last_pc = sim.components().vectors.col(15);
    const double alpha = p.learning.alpha;
    CHECK(response.apply(pc1).norm() == doctest::Approx(1.0 / (1.0 - sim.components().values(0) / alpha)).epsilon(0.2));
    CHECK(response.apply(last_pc).norm() == doctest::Approx(1.0 / (1.0 - sim.components().values(15) / alpha)).epsilon(0.2));
}

TEST_CASE("the recurrent W of an input that falls silent ends at exactly +0, never subnormal, however steps are grouped") {
    // Five inputs; input 0 is active for the first 40 steps, then always 0. Its row and
    // column of W then shrink by keep = 1 - eta alpha = 0.8 a step, past 2^-1074 well
    // within the run: the flush after every 64th step (flush_tiny.hpp) sets them to +0
    // once they are below 2^-500, before they can reach the subnormal numbers. The steps
    // come one at a time (learn) or in blocks of irregular sizes (learn_steps), which the
    // circuit splits at the multiples of 64; after a call that ends on a multiple of 64
    // no entry is left below 2^-500 but 0.
    constexpr int kInputs = 5, kBatch = 2, kSteps = 8000;
    const int block_sizes[] = {1, 7, 64, 100, 3, 50, 13, 1, 200, 2, 3, 5, 9, 4, 11};
    for (bool blocks : {false, true}) {
        CAPTURE(blocks);
        RecurrentParams p;
        p.eta = 0.2, p.alpha = 1.0;
        RecurrentCircuit circuit(p, kInputs);
        Rng rng(17);
        bool ever_subnormal = false, ever_tiny = false, tiny_after_flush = false;
        int call = 0;
        for (long long done = 0; done < kSteps; ++call) {
            const int steps = blocks ? block_sizes[call % 15] : 1;
            Eigen::MatrixXd x(kInputs, steps * kBatch);
            for (Eigen::Index b = 0; b < x.cols(); ++b)
                for (int i = 0; i < kInputs; ++i) x(i, b) = i == 0 && done + b / kBatch >= 40 ? 0.0 : rng.normal();
            if (blocks) {
                const RecurrentCircuit::StepsDone result = circuit.learn_steps(x, kBatch, 1e150);
                REQUIRE(result.reason.empty());
                REQUIRE(result.steps == steps);
            } else {
                REQUIRE(circuit.learn(x, 1e150).empty());
            }
            done += steps;
            REQUIRE(circuit.steps() == done);
            const Eigen::MatrixXd& w = circuit.weights();
            REQUIRE(w == w.transpose());  // exactly symmetric
            bool tiny = false;
            for (Eigen::Index i = 0; i < w.size(); ++i) {
                const double v = w.data()[i];
                ever_subnormal = ever_subnormal || std::fpclassify(v) == FP_SUBNORMAL;
                tiny = tiny || (v != 0.0 && std::fabs(v) < kernels::kFlushBelow);
            }
            ever_tiny = ever_tiny || tiny;
            tiny_after_flush = tiny_after_flush || (tiny && done % kernels::kFlushEvery == 0);
        }
        CHECK_FALSE(ever_subnormal);
        CHECK(ever_tiny);  // the run does reach the weights the flush clears
        CHECK_FALSE(tiny_after_flush);
        const Eigen::MatrixXd& w = circuit.weights();
        for (int j = 0; j < kInputs; ++j) {
            CHECK((w(0, j) == 0.0 && !std::signbit(w(0, j))));
            if (j > 0) CHECK(w(1, j) != 0.0);  // the other weights live on
        }
    }
}
