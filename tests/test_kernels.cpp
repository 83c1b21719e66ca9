// The SIMD kernels against plain scalar references, and the block update of the
// recurrent rule against the per-sample loop it replaces. No timings here: those
// live in tests/benchmarks/.
#include <doctest.h>

#include <cmath>
#include <vector>

#include "core/kernels.hpp"
#include "core/simulation.hpp"
#include "scenarios.hpp"

using namespace hebbian;

namespace {

Eigen::MatrixXd gaussian(int rows, int cols, std::uint64_t seed) {
    Rng rng(seed);
    Eigen::MatrixXd m(rows, cols);
    for (Eigen::Index j = 0; j < cols; ++j)
        for (Eigen::Index i = 0; i < rows; ++i) m(i, j) = rng.normal();
    return m;
}

double relative(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) { return (a - b).norm() / b.norm(); }

// Odd and even sizes, below and above the 4 x 4 tiles and the 32-row panels.
constexpr int kSizes[] = {1, 2, 3, 5, 8, 13, 33, 64, 71};

}  // namespace

TEST_CASE("the vector kernels match scalar loops") {
    for (int n : kSizes) {
        CAPTURE(n);
        const Eigen::VectorXd a = gaussian(n, 1, 1), b = gaussian(n, 1, 2);
        double dot = 0.0, largest = 0.0;
        for (int i = 0; i < n; ++i) dot += a(i) * b(i), largest = std::fmax(largest, std::fabs(b(i)));
        CHECK(kernels::dot(a.data(), b.data(), n) == doctest::Approx(dot).epsilon(1e-13));
        CHECK(kernels::max_abs(b.data(), n) == largest);
        double fused_max = -1.0;
        CHECK(kernels::dot_and_max_abs(a.data(), b.data(), n, &fused_max) == kernels::dot(a.data(), b.data(), n));
        CHECK(fused_max == largest);

        Eigen::VectorXd w = a;
        kernels::scale_add(w.data(), 0.75, -0.5, b.data(), n);
        for (int i = 0; i < n; ++i) CHECK(w(i) == 0.75 * a(i) + -0.5 * b(i));

        const Eigen::MatrixXd m = gaussian(n + 3, n, 3);  // leading dimension n + 3, n used rows
        Eigen::VectorXd y(n), yt(n);
        kernels::gemv(y.data(), m.data(), n, n, n + 3, a.data());
        kernels::gemv_transposed(yt.data(), m.data(), n, n, n + 3, a.data());
        const Eigen::MatrixXd used = m.topRows(n);
        CHECK(relative(y, used * a) < 1e-14);
        CHECK(relative(yt, used.transpose() * a) < 1e-14);
    }
}

TEST_CASE("max_abs reports NaN, and infinity as the largest magnitude") {
    for (int n : kSizes) {
        CAPTURE(n);
        Eigen::VectorXd x = gaussian(n, 1, 4);
        x(n - 1) = std::nan("");
        CHECK(std::isnan(kernels::max_abs(x.data(), n)));
        x(n - 1) = -INFINITY;
        CHECK(kernels::max_abs(x.data(), n) == INFINITY);
    }
}

TEST_CASE("the symmetric rank-m update matches beta W + X diag(c) X^T and stays exactly symmetric") {
    for (int n : kSizes) {
        for (int m : {1, 3, 16}) {
            CAPTURE(n);
            CAPTURE(m);
            const Eigen::MatrixXd g = gaussian(n, n, 5);
            Eigen::MatrixXd w = g + g.transpose();
            const Eigen::MatrixXd x = gaussian(n + 1, m, 6);  // leading dimension n + 1
            const Eigen::VectorXd c = gaussian(m, 1, 7);
            const Eigen::MatrixXd used = x.topRows(n);
            const Eigen::MatrixXd expected = -0.5 * w + used * c.asDiagonal() * used.transpose();
            kernels::symmetric_rank_update(w.data(), n, -0.5, x.data(), n + 1, m, c.data());
            CHECK(relative(w, expected) < 1e-14);
            CHECK((w - w.transpose()).norm() == 0.0);
        }
    }
}

TEST_CASE("the Sanger kernel matches dW = eta (y x^T - LT[y y^T] W)") {
    for (int n : kSizes) {
        for (int k : {1, 2, 3, 8}) {
            if (k > n) continue;
            CAPTURE(n);
            CAPTURE(k);
            const Eigen::MatrixXd w = gaussian(k, n, 8);
            const Eigen::VectorXd x = gaussian(n, 1, 9);
            const Eigen::VectorXd y = w * x;
            const Eigen::MatrixXd yy = y * y.transpose();
            const Eigen::MatrixXd expected =
                w + 0.01 * (y * x.transpose() - Eigen::MatrixXd(yy.triangularView<Eigen::Lower>()) * w);
            Eigen::MatrixXd next(k, n);
            CHECK(kernels::sanger_step(next.data(), w.data(), k, n, x.data(), y.data(), 0.01, 1e150));
            CHECK(relative(next, expected) < 1e-14);
            CHECK_FALSE(kernels::sanger_step(next.data(), w.data(), k, n, x.data(), y.data(), 0.01, 1e-3));
        }
    }
}

TEST_CASE("a block of recurrent steps equals the per-sample loop to 1e-12") {
    // W <- (1 - eta alpha) W + (eta/B) sum_b x_b x_b^T, step by step, against one block.
    for (double alpha : {0.0, 1.5, 150.0}) {  // keep = 1, 0.97 and -2 (eta*alpha > 1)
        for (int batch : {1, 3}) {
            CAPTURE(alpha);
            CAPTURE(batch);
            const int n = 37, steps = 21;
            const RecurrentParams params{0.02, alpha};
            RecurrentCircuit one_by_one(params, n), block(params, n);
            const Eigen::MatrixXd x = gaussian(n, steps * batch, 10);
            for (int s = 0; s < steps; ++s) {
                const Eigen::MatrixXd columns = x.middleCols(s * batch, batch);
                REQUIRE(one_by_one.learn(columns, 1e150).empty());
            }
            const RecurrentCircuit::StepsDone done = block.learn_steps(x, batch, 1e150);
            CHECK(done.steps == steps);
            CHECK(done.reason.empty());
            CHECK(relative(block.weights(), one_by_one.weights()) < 1e-12);
            CHECK((block.weights() - block.weights().transpose()).norm() == 0.0);
        }
    }
}

TEST_CASE("a block that would diverge stops at the same step as the per-sample loop") {
    // keep = 1 - eta alpha = -2: |W| doubles per step and passes 1e6 inside the block.
    const int n = 6, steps = 40;
    const RecurrentParams params{1.0, 3.0};
    RecurrentCircuit one_by_one(params, n), block(params, n);
    const Eigen::MatrixXd x = gaussian(n, steps, 11);
    int stopped = -1;
    for (int s = 0; s < steps && stopped < 0; ++s)
        if (!one_by_one.learn(x.col(s), 1e6).empty()) stopped = s;
    REQUIRE(stopped > 0);
    const RecurrentCircuit::StepsDone done = block.learn_steps(x, 1, 1e6);
    CHECK(done.steps == stopped);
    CHECK(done.reason.find("overflowed") != std::string::npos);
    CHECK(block.weights() == one_by_one.weights());
}

TEST_CASE("the simulation's recurrent blocks and the online feedforward kernels follow plain Eigen loops") {
    // The simulation steps the recurrent circuit in blocks between history records;
    // replay the samples it saw through W <- (1 - eta alpha) W + eta x x^T one at a time.
    SimParams p = scenarios::latent_recurrent(24, 0.01, 2.0);
    p.recent_capacity = 3000;
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    sim.step(3000);
    const Eigen::MatrixXd samples = sim.recent_samples();
    REQUIRE(samples.cols() == 3000);
    Eigen::MatrixXd reference = Eigen::MatrixXd::Zero(24, 24);
    for (Eigen::Index s = 0; s < samples.cols(); ++s)
        reference = (1.0 - 0.01 * 2.0) * reference + 0.01 * samples.col(s) * samples.col(s).transpose();
    CHECK(relative(sim.recurrent()->weights(), reference) < 1e-12);

    for (Rule rule : {Rule::Hebb, Rule::Decay, Rule::Oja}) {
        CAPTURE(to_string(rule));
        const int n = 9;
        const Eigen::MatrixXd w0 = 0.1 * gaussian(1, n, 12);
        FeedforwardParams fp;
        fp.rule = rule;
        fp.eta = 0.01;
        fp.alpha = 0.5;
        FeedforwardCircuit circuit(fp, w0);
        Eigen::RowVectorXd w = w0;
        const Eigen::MatrixXd x = gaussian(n, 200, 13);
        for (int s = 0; s < x.cols(); ++s) {
            REQUIRE(circuit.learn(x.col(s), 1e150).empty());
            const double y = w.dot(x.col(s));
            if (rule == Rule::Hebb) w += fp.eta * y * x.col(s).transpose();                  // dw = eta y x
            if (rule == Rule::Decay) w += fp.eta * (y * x.col(s).transpose() - fp.alpha * w);  // dw = eta (y x - alpha w)
            if (rule == Rule::Oja) w += fp.eta * y * (x.col(s).transpose() - y * w);           // dw = eta y (x - y w)
        }
        CHECK(relative(circuit.weights(), w) < 1e-12);
    }
}
