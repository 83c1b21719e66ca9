// The SIMD kernels against plain scalar references, and the block update of the
// recurrent rule against the per-sample loop it replaces. No timings here: those
// live in tests/benchmarks/.
#include <doctest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <utility>
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

// The two-lane back end this build compiles: the core (not this file) is built
// with -msimd128 under Emscripten, with the compiler's defaults elsewhere.
#if defined(__EMSCRIPTEN__)
const std::string kTwoLaneName = "wasm-simd128";
#elif defined(__SSE2__)
const std::string kTwoLaneName = "sse2";
#else
const std::string kTwoLaneName = "scalar";
#endif

// Equal bit patterns: tells -0.0 from 0.0, unlike ==.
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

template <typename Derived>
std::vector<double> as_vector(const Eigen::PlainObjectBase<Derived>& m) {
    return {m.data(), m.data() + m.size()};
}

// The decorator of the cases that need the AVX2 back end: doctest reports them as
// skipped where there is none (wasm, other processors).
doctest::skip unless_avx2() { return doctest::skip(!kernels::avx2_available()); }

// run() on the two-lane back end, then on AVX2; the start-up choice (AVX2) afterwards.
template <class Run>
auto on_both_backends(Run run) {
    kernels::use_backend(kernels::Backend::two_lane);
    auto two_lane = run();
    kernels::use_backend(kernels::Backend::avx2);
    auto avx2 = run();
    return std::make_pair(two_lane, avx2);
}

}  // namespace

TEST_CASE("the vector kernels match scalar loops and Eigen") {
    for (int n : kSizes) {
        CAPTURE(n);
        const Eigen::VectorXd a = gaussian(n, 1, 1), b = gaussian(n, 1, 2);
        double largest = 0.0;
        for (int i = 0; i < n; ++i) largest = std::fmax(largest, std::fabs(b(i)));
        CHECK(kernels::max_abs(b.data(), n) == largest);
        double fused_max = -1.0;
        CHECK(kernels::dot_and_max_abs(a.data(), b.data(), n, &fused_max) == doctest::Approx(a.dot(b)).epsilon(1e-13));
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

TEST_CASE("symmetric_norms_and_product gives |W|^2, |a W - C|^2 and W v from the lower triangles") {
    for (int n : {0, 1, 2, 3, 4, 5, 6, 7, 8, 13, 71, 256}) {
        CAPTURE(n);
        const Eigen::MatrixXd g = gaussian(n, n, 30), h = gaussian(n, n, 31);
        const Eigen::MatrixXd w = g + g.transpose(), c = h + h.transpose();
        const Eigen::VectorXd v = gaussian(n, 1, 33);
        Eigen::VectorXd y = Eigen::VectorXd::Constant(n, -1.0);
        double w_squared = -1.0, distance_squared = -1.0;
        kernels::symmetric_norms_and_product(w.data(), c.data(), 0.7, n, v.data(), y.data(), &w_squared,
                                             &distance_squared);
        CHECK(w_squared == doctest::Approx(w.squaredNorm()).epsilon(1e-13));
        CHECK(distance_squared == doctest::Approx((0.7 * w - c).squaredNorm()).epsilon(1e-13));
        if (n > 0) CHECK(relative(y, w * v) < 1e-13);
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
    std::vector<double> packed;  // one scratch for every size, as a circuit keeps it
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
            kernels::symmetric_rank_update(w.data(), n, -0.5, x.data(), n + 1, m, c.data(), packed);
            CHECK(relative(w, expected) < 1e-14);
            CHECK((w - w.transpose()).norm() == 0.0);
        }
    }
}

TEST_CASE("the Sanger kernel matches dW = eta (y x^T - LT[y y^T] W), in place too") {
    for (int n : kSizes) {
        for (int k : {1, 2, 3, 8}) {
            if (k > n) continue;
            CAPTURE(n);
            CAPTURE(k);
            const WeightMatrix w = gaussian(k, n, 8);  // row by row, as sanger_step takes it
            const Eigen::VectorXd x = gaussian(n, 1, 9);
            const Eigen::VectorXd y = w * x;
            const Eigen::MatrixXd yy = y * y.transpose();
            const Eigen::MatrixXd expected =
                w + 0.01 * (y * x.transpose() - Eigen::MatrixXd(yy.triangularView<Eigen::Lower>()) * w);
            const Eigen::VectorXd gain = 0.01 * y;
            WeightMatrix next(k, n);
            kernels::sanger_step(next.data(), w.data(), k, n, x.data(), y.data(), gain.data());
            CHECK(relative(next, expected) < 1e-14);
            WeightMatrix in_place = w;
            kernels::sanger_step(in_place.data(), in_place.data(), k, n, x.data(), y.data(), gain.data());
            CHECK(same_bits(as_vector(in_place), as_vector(next)));
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

    for (Rule rule : {Rule::Hebb, Rule::Decay, Rule::Oja, Rule::Bcm}) {
        CAPTURE(to_string(rule));
        const int n = 9;
        const Eigen::MatrixXd w0 = 0.1 * gaussian(1, n, 12);
        FeedforwardParams fp;
        fp.rule = rule;
        fp.eta = 0.01;
        fp.alpha = 0.5;
        FeedforwardCircuit circuit(fp, w0);
        Eigen::RowVectorXd w = w0;
        double theta = 0.0;
        const Eigen::MatrixXd x = gaussian(n, 200, 13);
        for (int s = 0; s < x.cols(); ++s) {
            REQUIRE(circuit.learn(x.col(s), 1e150).empty());
            const double y = w.dot(x.col(s));
            if (rule == Rule::Hebb) w += fp.eta * y * x.col(s).transpose();                  // dw = eta y x
            if (rule == Rule::Decay) w += fp.eta * (y * x.col(s).transpose() - fp.alpha * w);  // dw = eta (y x - alpha w)
            if (rule == Rule::Oja) w += fp.eta * y * (x.col(s).transpose() - y * w);           // dw = eta y (x - y w)
            if (rule == Rule::Bcm) {
                w += fp.eta * y * (y - theta) * x.col(s).transpose();  // dw = eta y (y - theta) x
                theta += fp.theta_rate * (y * y - theta);             // dtheta = rate (y^2 - theta)
            }
        }
        CHECK(relative(circuit.weights(), w) < 1e-12);
        if (rule == Rule::Bcm) CHECK(circuit.threshold()(0) == doctest::Approx(theta).epsilon(1e-12));
    }
}

#if defined(__x86_64__) && !defined(__EMSCRIPTEN__)
TEST_CASE("a native x86-64 build has the AVX2 back end exactly where the processor has AVX2") {
    CHECK(kernels::avx2_available() == static_cast<bool>(__builtin_cpu_supports("avx2")));
}
#endif

TEST_CASE("without AVX2 the two-lane back end stays in use" * doctest::skip(kernels::avx2_available())) {
    CHECK_FALSE(kernels::use_backend(kernels::Backend::avx2));
    CHECK(std::string(kernels::backend()) == kTwoLaneName);
}

TEST_CASE("with AVX2 the AVX2 back end is in use, and can be switched" * unless_avx2()) {
    CHECK(std::string(kernels::backend()) == "avx2");
    CHECK(kernels::use_backend(kernels::Backend::two_lane));
    CHECK(std::string(kernels::backend()) == kTwoLaneName);
    CHECK(kernels::use_backend(kernels::Backend::avx2));
    CHECK(std::string(kernels::backend()) == "avx2");
}

TEST_CASE("the AVX2 dot_and_max_abs and max_abs give the two-lane bits" * unless_avx2()) {
    std::vector<int> sizes;
    for (int n = 0; n <= 70; ++n) sizes.push_back(n);
    sizes.insert(sizes.end(), {257, 1024, 1031});
    for (int n : sizes) {
        CAPTURE(n);
        const Eigen::VectorXd a = gaussian(n, 1, 20), b = gaussian(n, 1, 21);
        // -0.0 products: a sum that starts from 0.0 must stay 0.0 on both paths.
        const Eigen::VectorXd zeros = -0.0 * a.cwiseAbs();
        Eigen::VectorXd with_nan = b, with_infinity = b;
        if (n > 0) with_nan(n / 2) = std::nan(""), with_infinity(n - 1) = -INFINITY;
        const auto results = on_both_backends([&] {
            double b_max = -1.0, b_max_again = -1.0, zeros_max = -1.0;
            std::vector<double> r{kernels::dot_and_max_abs(a.data(), b.data(), n, &b_max),
                                  kernels::dot_and_max_abs(zeros.data(), b.data(), n, &b_max_again),
                                  kernels::dot_and_max_abs(b.data(), zeros.data(), n, &zeros_max),
                                  kernels::max_abs(b.data(), n),
                                  kernels::max_abs(zeros.data(), n),
                                  kernels::max_abs(with_nan.data(), n),
                                  kernels::max_abs(with_infinity.data(), n)};
            r.push_back(b_max), r.push_back(b_max_again), r.push_back(zeros_max);
            return r;
        });
        CHECK(same_bits(results.first, results.second));
    }
}

TEST_CASE("the AVX2 scale_add, gemv and gemv_transposed give the two-lane bits" * unless_avx2()) {
    for (int n : {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 63, 70, 257, 1024, 1031}) {
        CAPTURE(n);
        const Eigen::VectorXd w = gaussian(n, 1, 22), x = gaussian(n, 1, 23);
        const auto results = on_both_backends([&] {
            Eigen::VectorXd next = w;
            kernels::scale_add(next.data(), 0.97, -0.013, x.data(), n);
            return as_vector(next);
        });
        CHECK(same_bits(results.first, results.second));
    }
    std::vector<std::pair<int, int>> shapes{{8, 256}, {3, 256}, {257, 64}, {256, 257}};  // (rows, cols)
    for (int rows = 1; rows <= 70; ++rows)
        for (int cols = 1; cols <= 70; ++cols) shapes.emplace_back(rows, cols);
    for (const auto& shape : shapes) {
        const int rows = shape.first, cols = shape.second;
        CAPTURE(rows);
        CAPTURE(cols);
        const Eigen::MatrixXd a = gaussian(rows + 3, cols, 24);  // leading dimension rows + 3
        const Eigen::VectorXd x = gaussian(cols, 1, 25), z = gaussian(rows, 1, 32);
        const auto results = on_both_backends([&] {
            Eigen::VectorXd y(rows), y_transposed(cols);  // A x and A^T z, one after the other
            kernels::gemv(y.data(), a.data(), rows, cols, rows + 3, x.data());
            kernels::gemv_transposed(y_transposed.data(), a.data(), rows, cols, rows + 3, z.data());
            std::vector<double> r = as_vector(y);
            r.insert(r.end(), y_transposed.data(), y_transposed.data() + cols);
            return r;
        });
        CHECK(same_bits(results.first, results.second));
    }
}

TEST_CASE("the AVX2 symmetric rank update gives the two-lane bits and keeps W exactly symmetric" * unless_avx2()) {
    std::vector<std::pair<int, int>> shapes{{257, 64}, {256, 64}, {128, 130}};  // (n, m)
    for (int n = 1; n <= 70; ++n)
        for (int m = 1; m <= 70; ++m) shapes.emplace_back(n, m);
    const double betas[] = {1.0, 0.97, -0.5};
    for (const auto& shape : shapes) {
        const int n = shape.first, m = shape.second;
        CAPTURE(n);
        CAPTURE(m);
        const Eigen::MatrixXd g = gaussian(n, n, 26);
        const Eigen::MatrixXd w = g + g.transpose();
        const Eigen::MatrixXd x = gaussian(n + 1, m, 27);  // leading dimension n + 1
        const Eigen::VectorXd c = gaussian(m, 1, 28);
        const double beta = betas[(n + m) % 3];
        const auto results = on_both_backends([&] {
            Eigen::MatrixXd next = w;
            std::vector<double> packed;
            kernels::symmetric_rank_update(next.data(), n, beta, x.data(), n + 1, m, c.data(), packed);
            return as_vector(next);
        });
        CHECK(same_bits(results.first, results.second));
        const Eigen::MatrixXd avx2 = Eigen::Map<const Eigen::MatrixXd>(results.second.data(), n, n);
        CHECK(same_bits(results.second, as_vector(Eigen::MatrixXd(avx2.transpose()))));
    }
}

TEST_CASE("the AVX2 Sanger step gives the two-lane bits" * unless_avx2()) {
    std::vector<std::pair<int, int>> shapes{{8, 256}, {8, 1024}, {16, 70}, {3, 257}};  // (k, n)
    for (int k = 1; k <= 9; ++k)
        for (int n = 1; n <= 70; ++n) shapes.emplace_back(k, n);
    for (const auto& shape : shapes) {
        const int k = shape.first, n = shape.second;
        CAPTURE(k);
        CAPTURE(n);
        const WeightMatrix w = gaussian(k, n, 29);
        const Eigen::VectorXd x = gaussian(n, 1, 30);
        const Eigen::VectorXd y = w * x;
        const Eigen::VectorXd gain = 0.05 * y;
        const auto results = on_both_backends([&] {
            WeightMatrix next(k, n);
            kernels::sanger_step(next.data(), w.data(), k, n, x.data(), y.data(), gain.data());
            return as_vector(next);
        });
        CHECK(same_bits(results.first, results.second));
    }
}

TEST_CASE("recurrent and feedforward simulations give the same weights on both back ends" * unless_avx2()) {
    SimParams oja = scenarios::spectrum(Rule::Oja, 37, 0.7, 0.005);
    SimParams sanger = scenarios::spectrum(Rule::Sanger, 29, 0.7, 0.002, 3);
    for (const SimParams& p : {scenarios::latent_recurrent(45, 0.01, 2.0), oja, sanger}) {
        const auto weights = on_both_backends([&] {
            Simulation sim;
            CHECK(sim.reset(p).empty());
            sim.step(2000);
            return sim.recurrent() ? as_vector(sim.recurrent()->weights()) : as_vector(sim.feedforward()->weights());
        });
        CHECK(same_bits(weights.first, weights.second));
    }
}

TEST_CASE("the AVX2 random rounds and ziggurat give the two-lane bits" * unless_avx2()) {
    for (int rounds : {1, 3, 64}) {
        CAPTURE(rounds);
        const auto streams = on_both_backends([&] {
            unsigned long long state[16], out[256];
            for (int i = 0; i < 16; ++i) state[i] = 0x9E3779B97F4A7C15ULL * static_cast<unsigned long long>(i + 1);
            kernels::random_rounds(state, out, rounds);
            std::vector<unsigned long long> all(out, out + 4 * rounds);
            all.insert(all.end(), state, state + 16);
            return all;
        });
        CHECK(streams.first == streams.second);
    }
    Rng source(17);
    std::vector<std::uint64_t> draws(1001);
    source.fill_u64(draws.data(), draws.size());
    const std::vector<unsigned long long> bits(draws.begin(), draws.end());
    std::vector<double> layers(1024);
    for (int i = 0; i < 512; ++i) layers[2 * i] = 3.0 - i / 200.0, layers[2 * i + 1] = (i % 7) / 7.0;
    for (int words : {0, 1, 2, 3, 4, 5, 7, 1001}) {
        CAPTURE(words);
        const auto results = on_both_backends([&] {
            std::vector<double> out(2 * static_cast<size_t>(words));
            std::vector<int> rejected(out.size() + 1);
            const int count = kernels::ziggurat_normals(bits.data(), words, layers.data(), out.data(), rejected.data());
            out.insert(out.end(), rejected.begin(), rejected.begin() + count);
            return out;
        });
        CHECK(same_bits(results.first, results.second));
    }
}

namespace {

// The flush of tiny weights (core/flush_tiny.hpp) for one value, written out here.
double flushed(double v) { return std::fabs(v) < kernels::kFlushBelow ? 0.0 : v; }

// Magnitudes on both sides of the threshold 2^-500 (and subnormal, zero, -0, ordinary,
// infinite and NaN values), for the flush checks.
std::vector<double> around_threshold() {
    const double t = kernels::kFlushBelow;
    return {t, -t, std::nextafter(t, 0.0), -std::nextafter(t, 0.0), std::nextafter(t, 1.0), 2 * t, 0.5 * t,
            -0.75 * t, 1e-150, -1e-152, 1e-300, 5e-324, -5e-324, 0.0, -0.0, 1.0, -2.5, 1e300,
            INFINITY, -INFINITY, std::nan("")};
}

// flush_tiny on arrays of every length up to 71 cut from the values above, checked
// against the flush written out, bit for bit. Returns all the results.
std::vector<double> check_flush_tiny() {
    std::vector<double> all;
    const std::vector<double> values = around_threshold();
    const int count = static_cast<int>(values.size());
    for (int n : {1, 2, 3, 5, 8, 13, 21, 33, 64, 71}) {
        CAPTURE(n);
        std::vector<double> x(static_cast<size_t>(n)), expected(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) x[i] = values[(i * 7) % count], expected[i] = flushed(x[i]);
        kernels::flush_tiny(x.data(), n);
        CHECK(same_bits(x, expected));
        for (double v : x) CHECK_FALSE((v != 0.0 && std::fabs(v) < kernels::kFlushBelow));
        all.insert(all.end(), x.begin(), x.end());
    }
    int zeroed = 0;
    for (double v : values) zeroed += v != 0.0 && flushed(v) == 0.0;
    CHECK(zeroed == 8);  // +-2^-500 and 1e-150 stay; +-nextafter below, 0.5 t, -0.75 t, -1e-152, 1e-300, +-5e-324 go
    return all;
}

}  // namespace

TEST_CASE("flush_tiny sets |x| < 2^-500 to +0 and keeps every other bit") {
    CHECK(kernels::kFlushBelow == std::ldexp(1.0, -500));
    check_flush_tiny();
}

TEST_CASE("flush_tiny gives the same bits with either back end in use" * unless_avx2()) {
    const auto results = on_both_backends([] { return check_flush_tiny(); });
    CHECK(same_bits(results.first, results.second));
}
