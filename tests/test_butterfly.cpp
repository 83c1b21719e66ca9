// Random butterfly rotations: orthogonal, the documented product of Givens rotations,
// fast blocks equal to single columns bit for bit, well mixed, and one seed one Q.
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/butterfly.hpp"

using namespace hebbian;

namespace {

// FNV-1a over the IEEE-754 bit patterns of the values, as in test_golden_stream.cpp.
std::uint64_t bit_hash(const double* values, Eigen::Index count) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (Eigen::Index k = 0; k < count; ++k) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &values[k], sizeof bits);
        for (int i = 0; i < 8; ++i) {
            h ^= (bits >> (8 * i)) & 0xFF;
            h *= 0x100000001b3ULL;
        }
    }
    return h;
}

bool same_bits(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           std::memcmp(a.data(), b.data(), static_cast<std::size_t>(a.size()) * sizeof(double)) == 0;
}

Eigen::MatrixXd normal_matrix(int rows, int cols, std::uint64_t seed) {
    Rng rng(seed);
    Eigen::MatrixXd x(rows, cols);
    rng.fill_normal(x.data(), static_cast<std::size_t>(x.size()));
    return x;
}

// Rng::uniform() of one draw of the stream.
double uniform_of(std::uint64_t bits) { return static_cast<double>(bits >> 11) * 0x1.0p-53; }

// Q built the slow way from butterfly.hpp's recipe, as rows of the identity: each
// Givens rotation G of pair (i, i + h) replaces rows i and i + h of Q by those of G Q,
// and the shift Z moves row r to row (r + N - H) mod N.
Eigen::MatrixXd documented_q(int n, std::uint64_t seed) {
    Rng rng(seed);
    int top = 1;
    while (2 * top <= n) top *= 2;
    Eigen::MatrixXd q = Eigen::MatrixXd::Identity(n, n);
    for (int pass = 0; pass < 2; ++pass) {
        if (pass == 1) {
            Eigen::MatrixXd shifted(n, n);
            for (int r = 0; r < n; ++r) shifted.row((r + n - top) % n) = q.row(r);
            q = shifted;
        }
        for (int h = 1; h < n; h *= 2)
            for (int i = 0; i < n; ++i) {
                if ((i & h) != 0 || i + h >= n) continue;
                const std::uint64_t bits = rng.next_u64();
                const double c2 = 0.25 + 0.5 * uniform_of(bits);
                double c = std::sqrt(c2), s = std::sqrt(1.0 - c2);
                if (bits & 1) c = -c;
                if (bits & 2) s = -s;
                const Eigen::RowVectorXd a = q.row(i), b = q.row(i + h);
                q.row(i) = c * a - s * b;
                q.row(i + h) = s * a + c * b;
            }
    }
    return q;
}

}  // namespace

TEST_CASE("a random butterfly is orthogonal") {
    for (int n : {2, 3, 7, 64, 100, 1000}) {
        CAPTURE(n);
        Rng rng(11);
        const RandomButterfly butterfly(n, rng);
        REQUIRE(butterfly.size() == n);
        const Eigen::MatrixXd q = butterfly.matrix();
        const Eigen::MatrixXd gram = q.transpose() * q;
        CHECK((gram - Eigen::MatrixXd::Identity(n, n)).cwiseAbs().maxCoeff() < 1e-12);
        // A rotation, not a reflection: Givens rotations and a cyclic shift by r of
        // N = H + r coordinates, whose sign (-1)^(r H) is +1 for H >= 2.
        if (n <= 100) CHECK(q.determinant() == doctest::Approx(1.0).epsilon(1e-10));
    }
}

TEST_CASE("a random butterfly is the documented product of Givens rotations and the shift") {
    for (int n : {2, 3, 5, 7, 64, 65, 100, 129}) {
        CAPTURE(n);
        Rng rng(2024);
        const RandomButterfly butterfly(n, rng);
        CHECK((butterfly.matrix() - documented_q(n, 2024)).cwiseAbs().maxCoeff() < 1e-14);
    }
}

TEST_CASE("a random butterfly costs N log2 N rotations for N a power of two and no more otherwise") {
    for (int n : {2, 3, 7, 64, 65, 100, 513, 1000, 1024}) {
        CAPTURE(n);
        Rng rng(1);
        const RandomButterfly butterfly(n, rng);
        int stages = 0;
        while ((1 << stages) < n) ++stages;  // ceil(log2 n)
        CHECK(butterfly.rotation_count() <= n * stages);
        if ((n & (n - 1)) == 0) CHECK(butterfly.rotation_count() == n * stages);
    }
    Rng rng(1);
    const RandomButterfly one(1, rng);
    CHECK(one.rotation_count() == 0);
    CHECK(one.matrix() == Eigen::MatrixXd::Identity(1, 1));
}

TEST_CASE("applying a random butterfly to a block equals the dense product and its columns one at a time") {
    for (int n : {2, 7, 100, 1024}) {
        CAPTURE(n);
        Rng rng(5);
        const RandomButterfly butterfly(n, rng);
        const int m = 11;  // two blocks of the interleaved path and three single columns
        const Eigen::MatrixXd x = normal_matrix(n, m, 6);

        Eigen::MatrixXd block = x;
        butterfly.apply(block.data(), m);
        const Eigen::MatrixXd dense = butterfly.matrix() * x;
        CHECK((block - dense).norm() <= 1e-12 * dense.norm());

        Eigen::MatrixXd single = x;
        for (int j = 0; j < m; ++j) butterfly.apply(single.col(j).data(), 1);
        CHECK(same_bits(block, single));

        Eigen::MatrixXd split = x;  // 3 single columns, then 8 as a block
        butterfly.apply(split.data(), 3);
        butterfly.apply(split.col(3).data(), m - 3);
        CHECK(same_bits(block, split));
    }
}

TEST_CASE("a random butterfly mixes: no principal axis of Q diag(lambda) Q^T lies near an input axis") {
    // A unit column q with q_i^2 > 1/2 lies within 45 degrees of axis i: the input
    // neuron i alone would carry most of that principal component. So no column of Q
    // (and no eigenvector of the covariance it makes) may put half its weight on one
    // coordinate. And on average a column must spread like a random direction: its
    // participation ratio 1 / sum_i q_i^4 counts the coordinates it occupies, N for a
    // flat column, about N/3 for a column of a Haar-random rotation (Gaussian entries);
    // we ask for N/4.
    for (int n : {64, 100}) {
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            CAPTURE(n);
            CAPTURE(seed);
            Rng rng(seed);
            const RandomButterfly butterfly(n, rng);
            const Eigen::MatrixXd q = butterfly.matrix();
            CHECK((q.array() != 0.0).all());
            const Eigen::ArrayXXd weight = q.array().square();
            CHECK(weight.colwise().maxCoeff().maxCoeff() < 0.5);
            const double participation = (1.0 / weight.square().colwise().sum()).mean();
            CHECK(participation > n / 4.0);

            if (seed == 1) {
                Eigen::VectorXd lambda(n);
                for (int i = 0; i < n; ++i) lambda(i) = std::pow(0.9, i);
                const Eigen::MatrixXd covariance = q * lambda.asDiagonal() * q.transpose();
                const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(covariance);
                CHECK(eigen.eigenvectors().array().square().colwise().maxCoeff().maxCoeff() < 0.5);
            }
        }
    }
}

TEST_CASE("one seed gives one random butterfly, another seed another") {
    for (int n : {7, 100}) {
        CAPTURE(n);
        Rng a(3), b(3), c(4);
        const RandomButterfly qa(n, a), qb(n, b), qc(n, c);
        CHECK(same_bits(qa.matrix(), qb.matrix()));
        CHECK((qa.matrix() - qc.matrix()).cwiseAbs().maxCoeff() > 0.1);
        // It reads one number of the stream per rotation, and no more.
        Rng d(3);
        for (int r = 0; r < qa.rotation_count(); ++r) d.next_u64();
        CHECK(a.next_u64() == d.next_u64());
    }
}

TEST_CASE("a random butterfly is bit-identical to the golden values") {
    // Computed natively; the wasm build must give the same bits.
    Rng rng(2026);
    const RandomButterfly small(100, rng);
    const Eigen::MatrixXd q = small.matrix();
    CHECK(bit_hash(q.data(), q.size()) == 5218323701463378141ULL);

    const RandomButterfly large(1000, rng);
    Eigen::MatrixXd x = normal_matrix(1000, 7, 2027);
    large.apply(x.data(), 7);
    CHECK(bit_hash(x.data(), x.size()) == 7943428955650237566ULL);
}
