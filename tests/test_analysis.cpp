// Analysis helpers against direct computations.
#include <doctest.h>

#include <cmath>

#include "core/analysis.hpp"
#include "core/random.hpp"

using namespace hebbian;

namespace {

Eigen::MatrixXd random_covariance(int n, std::uint64_t seed) {
    Rng rng(seed);
    Eigen::MatrixXd a(n, n);
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) a(i, j) = rng.normal();
    return a * a.transpose() / n;
}

}  // namespace

TEST_CASE("principal components come sorted by decreasing eigenvalue and solve C v = lambda v") {
    const Eigen::MatrixXd c = random_covariance(7, 1);
    const PrincipalComponents pcs = principal_components(c);
    for (int i = 0; i < 7; ++i) {
        if (i > 0) CHECK(pcs.values(i) <= pcs.values(i - 1));
        CHECK((c * pcs.vectors.col(i) - pcs.values(i) * pcs.vectors.col(i)).norm() < 1e-12);
        CHECK(pcs.vectors.col(i).norm() == doctest::Approx(1.0));
    }
}

TEST_CASE("abs_cosine ignores sign and scale and is 0 for a zero vector") {
    const Eigen::Vector2d a(1.0, 0.0), b(-3.0, 3.0);
    CHECK(abs_cosine(a, b) == doctest::Approx(std::sqrt(0.5)));
    CHECK(abs_cosine(a, -5.0 * a) == doctest::Approx(1.0));
    CHECK(abs_cosine(a, Eigen::Vector2d::Zero()) == 0.0);
}

TEST_CASE("subspace alignment is 1 for any basis of the subspace and 0 for an orthogonal one") {
    const Eigen::MatrixXd basis = Eigen::MatrixXd::Identity(5, 2);
    Eigen::MatrixXd same(2, 5);
    same << 2, 1, 0, 0, 0,  //
        -1, 3, 0, 0, 0;
    CHECK(subspace_alignment(same, basis) == doctest::Approx(1.0));
    Eigen::MatrixXd orthogonal(2, 5);
    orthogonal << 0, 0, 1, 0, 0,  //
        0, 0, 0, 1, 1;
    CHECK(subspace_alignment(orthogonal, basis) == doctest::Approx(0.0));
    Eigen::MatrixXd half(1, 5);
    half << 1, 0, 1, 0, 0;
    CHECK(subspace_alignment(half, Eigen::MatrixXd::Identity(5, 1)) == doctest::Approx(0.5));
}

TEST_CASE("subspace alignment is the mean squared cosine of the principal angles an SVD gives") {
    hebbian::Rng rng(3);
    const auto random_matrix = [&rng](Eigen::Index rows, Eigen::Index cols) {
        Eigen::MatrixXd m(rows, cols);
        for (Eigen::Index j = 0; j < cols; ++j)
            for (Eigen::Index i = 0; i < rows; ++i) m(i, j) = rng.normal();
        return m;
    };
    const Eigen::MatrixXd basis = Eigen::HouseholderQR<Eigen::MatrixXd>(random_matrix(12, 4)).householderQ() *
                                  Eigen::MatrixXd::Identity(12, 4);
    for (double spread : {1.0, 1e-6}) {  // independent rows, then two rows nearly the same
        CAPTURE(spread);
        Eigen::MatrixXd w = random_matrix(4, 12);
        w.row(3) = w.row(2) + spread * w.row(3);
        // Ground truth: an orthonormal basis U of the row space from the SVD; the cosines of
        // the principal angles are the singular values of U^T V.
        const Eigen::JacobiSVD<Eigen::MatrixXd> rows(w.transpose(), Eigen::ComputeThinU);
        const Eigen::VectorXd cosines = Eigen::JacobiSVD<Eigen::MatrixXd>(rows.matrixU().transpose() * basis).singularValues();
        CHECK(subspace_alignment(w, basis) == doctest::Approx(cosines.squaredNorm() / 4.0).epsilon(1e-6));
    }
}

TEST_CASE("the predicted mean-field norm equals |(I + eta (C - alpha I))^t w0|") {
    const Eigen::MatrixXd c = random_covariance(4, 2);
    const PrincipalComponents pcs = principal_components(c);
    const Eigen::Vector4d w0(0.1, -0.2, 0.05, 0.3);
    const double eta = 0.05, alpha = 0.7;
    const Eigen::MatrixXd step = Eigen::MatrixXd::Identity(4, 4) + eta * (c - alpha * Eigen::MatrixXd::Identity(4, 4));
    Eigen::VectorXd w = w0;
    for (int t = 1; t <= 300; ++t) {
        w = step * w;
        if (t % 100 == 0) CHECK(predicted_log_norm(pcs, w0, eta, alpha, t) == doctest::Approx(std::log(w.norm())));
    }
    // Plain Hebb far out: no overflow in log space.
    CHECK(std::isfinite(predicted_log_norm(pcs, w0, 0.1, 0.0, 1e6)));
}

TEST_CASE("the regime sentence follows alpha against lambda_1") {
    CHECK(decay_regime(2.0, 1.0) == DecayRegime::NormShrinks);
    CHECK(decay_regime(1.0, 1.0) == DecayRegime::NormHolds);
    CHECK(decay_regime(0.5, 1.0) == DecayRegime::NormGrows);
    CHECK(describe_regime(0.5, 1.0).find("alpha < lambda_1") == 0);
    CHECK(describe_regime(0.5, 1.0).find("the norm grows") != std::string::npos);
    CHECK(describe_regime(2.0, 1.0).find("the norm shrinks") != std::string::npos);
    CHECK(describe_regime(1.0, 1.0).find("the norm holds") != std::string::npos);
    CHECK(describe_recurrent_regime(2.0, 1.0).find("response (I - W)^-1 x exists") != std::string::npos);
    CHECK(describe_recurrent_regime(0.5, 1.0).find("run away") != std::string::npos);
    CHECK(describe_recurrent_regime(0.0, 1.0).find("without bound") != std::string::npos);
}

TEST_CASE("the running covariance equals the batch covariance") {
    Rng rng(5);
    Eigen::MatrixXd samples(3, 50);
    for (int s = 0; s < 50; ++s)
        for (int i = 0; i < 3; ++i) samples(i, s) = rng.normal() + i;
    RunningCovariance running(3);
    for (int s = 0; s < 50; ++s) running.add(samples.col(s));
    const Eigen::MatrixXd centred = samples.colwise() - samples.rowwise().mean();
    const Eigen::MatrixXd batch = centred * centred.transpose() / 50.0;
    CHECK(relative_frobenius_error(running.covariance(), batch) < 1e-12);
    CHECK(running.count() == 50);
}

TEST_CASE("mean-field alignment: decay turns w to PC1, at any alpha") {
    PrincipalComponents pcs{Eigen::Vector2d(1.0, 0.25), Eigen::Matrix2d::Identity()};
    const Eigen::Vector2d w0(0.1, 0.1);
    CHECK(predicted_alignment(pcs, w0, 0.01, 1.0, 0.0) == doctest::Approx(std::sqrt(0.5)));
    CHECK(predicted_alignment(pcs, w0, 0.01, 1.0, 5000.0) == doctest::Approx(1.0).epsilon(1e-6));
    CHECK(predicted_alignment(pcs, w0, 0.1, 0.0, 1e6) == doctest::Approx(1.0));  // Hebb, |w| overflows
    // Against the trajectory itself: w_t = sum_i (1 + eta (lambda_i - alpha))^t (v_i . w0) v_i.
    const double t = 120, eta = 0.01, alpha = 0.4;
    const Eigen::Vector2d wt(std::pow(1 + eta * (1.0 - alpha), t) * 0.1, std::pow(1 + eta * (0.25 - alpha), t) * 0.1);
    CHECK(predicted_alignment(pcs, w0, eta, alpha, t) == doctest::Approx(std::abs(wt(0)) / wt.norm()).epsilon(1e-12));
}

