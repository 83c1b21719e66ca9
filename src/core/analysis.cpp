// Ground truth and closed-form theory (derivations in analysis.hpp).
#include "analysis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace hebbian {

PrincipalComponents principal_components(const Eigen::MatrixXd& covariance) {
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);
    PrincipalComponents pcs;
    pcs.values = solver.eigenvalues().reverse();
    pcs.vectors = solver.eigenvectors().rowwise().reverse();
    return pcs;
}

double abs_cosine(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    const double norms = a.norm() * b.norm();
    if (!(norms > 0.0) || !std::isfinite(norms)) return 0.0;
    return std::fmin(1.0, std::fabs(a.dot(b)) / norms);
}

double subspace_alignment(const Eigen::MatrixXd& weights, const Eigen::MatrixXd& basis) {
    const Eigen::Index k = weights.rows();
    // The projection onto the row space of W is W^T G^-1 W with G = W W^T = L L^T, so
    // trace(P_W P_V) = |L^-1 W V|_F^2: two k x N by N x k products and a k x k Cholesky
    // (a history record of the receptive-fields view, N = 256, k = 16, costs microseconds).
    // The Gram matrix squares W's condition number, so it serves while its Cholesky pivots
    // stay within 1e-4 of each other (condition below 1e8).
    const Eigen::LLT<Eigen::MatrixXd> gram(weights * weights.transpose());
    if (gram.info() == Eigen::Success) {
        const Eigen::VectorXd pivots = gram.matrixLLT().diagonal();
        if (pivots.minCoeff() > 1e-4 * pivots.maxCoeff()) {
            const Eigen::MatrixXd projected = gram.matrixL().solve(weights * basis);
            if (projected.allFinite()) return projected.squaredNorm() / static_cast<double>(k);
        }
    }
    // Rows nearly linearly dependent: an orthonormal basis of their span by Householder QR.
    const Eigen::HouseholderQR<Eigen::MatrixXd> qr(weights.transpose());
    const Eigen::MatrixXd q = qr.householderQ() * Eigen::MatrixXd::Identity(weights.cols(), k);
    return (basis.transpose() * q).squaredNorm() / static_cast<double>(k);
}

double relative_frobenius_error(const Eigen::MatrixXd& estimate, const Eigen::MatrixXd& truth) {
    return relative_error((estimate - truth).norm(), truth.norm());
}

double relative_error(double distance, double scale) { return scale > 0.0 ? distance / scale : distance; }

DecayRegime decay_regime(double alpha, double lambda1, double relative_tolerance) {
    if (std::fabs(alpha - lambda1) <= relative_tolerance * lambda1) return DecayRegime::NormHolds;
    return alpha > lambda1 ? DecayRegime::NormShrinks : DecayRegime::NormGrows;
}

double heterosynaptic_fixed_norm(double beta, double lambda1) { return std::pow(3.0 * beta * lambda1, -0.25); }

std::string describe_regime(double alpha, double lambda1) {
    char text[200];
    switch (decay_regime(alpha, lambda1)) {
        case DecayRegime::NormShrinks:
            std::snprintf(text, sizeof text,
                          "alpha > lambda_1 (%.4g > %.4g): the norm shrinks to zero; the direction still turns to PC1",
                          alpha, lambda1);
            break;
        case DecayRegime::NormHolds:
            std::snprintf(text, sizeof text,
                          "alpha = lambda_1 (%.4g): the norm holds; the direction turns to PC1 (C w = alpha w)",
                          lambda1);
            break;
        case DecayRegime::NormGrows:
            std::snprintf(text, sizeof text,
                          "alpha < lambda_1 (%.4g < %.4g): the norm grows without bound; the direction still turns to PC1",
                          alpha, lambda1);
            break;
    }
    return text;
}

std::string describe_recurrent_regime(double alpha, double lambda1) {
    char text[240];
    if (alpha <= 0.0) {
        std::snprintf(text, sizeof text, "alpha = 0 (plain Hebb): W grows like eta*t*C without bound");
    } else if (alpha > lambda1) {
        std::snprintf(text, sizeof text,
                      "alpha > lambda_1 (%.4g > %.4g): W settles at C/alpha with spectral radius %.3g < 1, so the "
                      "response (I - W)^-1 x exists",
                      alpha, lambda1, lambda1 / alpha);
    } else {
        std::snprintf(text, sizeof text,
                      "alpha <= lambda_1 (%.4g <= %.4g): W settles at C/alpha, but its spectral radius %.3g >= 1 "
                      "makes the recurrent activity run away",
                      alpha, lambda1, lambda1 / alpha);
    }
    return text;
}

double predicted_log_norm(const PrincipalComponents& pcs, const Eigen::VectorXd& initial_weights, double eta,
                          double alpha, double steps) {
    // log |w_t| = 1/2 log sum_i c_i^2 g_i^(2t), summed in log space (log-sum-exp).
    const Eigen::VectorXd c = pcs.vectors.transpose() * initial_weights;
    double largest = -std::numeric_limits<double>::infinity();
    Eigen::VectorXd terms(c.size());
    for (Eigen::Index i = 0; i < c.size(); ++i) {
        const double g = std::fabs(1.0 + eta * (pcs.values(i) - alpha));
        terms(i) = (c(i) != 0.0 && g > 0.0) ? 2.0 * (std::log(std::fabs(c(i))) + steps * std::log(g))
                                            : -std::numeric_limits<double>::infinity();
        largest = std::fmax(largest, terms(i));
    }
    if (!std::isfinite(largest)) return largest;
    double sum = 0.0;
    for (Eigen::Index i = 0; i < terms.size(); ++i) sum += std::exp(terms(i) - largest);
    return 0.5 * (largest + std::log(sum));
}

double predicted_alignment(const PrincipalComponents& pcs, const Eigen::VectorXd& initial_weights, double eta,
                           double alpha, double steps) {
    const double along_pc1 = std::abs(pcs.vectors.col(0).dot(initial_weights));
    const double growth = std::abs(1.0 + eta * (pcs.values(0) - alpha));
    if (!(along_pc1 > 0.0) || !(growth > 0.0)) return 0.0;
    const double log_norm = predicted_log_norm(pcs, initial_weights, eta, alpha, steps);
    if (!std::isfinite(log_norm)) return 0.0;
    return std::clamp(std::exp(std::log(along_pc1) + steps * std::log(growth) - log_norm), 0.0, 1.0);
}

double recurrent_noise_floor(const Eigen::MatrixXd& covariance, double eta, double alpha, int batch) {
    const double rate = eta * alpha;
    const double scale2 = covariance.squaredNorm();
    if (!(rate > 0.0 && rate < 2.0) || !(scale2 > 0.0)) return 0.0;
    const double trace = covariance.trace();
    return std::sqrt(rate / (batch * (2.0 - rate)) * (trace * trace + scale2) / scale2);
}

double predicted_relative_error(double initial_error, double noise_floor, double eta, double alpha, double steps) {
    const double decay = std::pow(std::fabs(1.0 - eta * alpha), steps);
    const double bias = initial_error * decay;
    return std::sqrt(bias * bias + noise_floor * noise_floor * (1.0 - decay * decay));
}

double recurrent_time_constant(double eta, double alpha) {
    const double keep = std::fabs(1.0 - eta * alpha);
    if (keep >= 1.0) return std::numeric_limits<double>::infinity();
    if (keep == 0.0) return 0.0;
    return -1.0 / std::log(keep);
}

RunningCovariance::RunningCovariance(int dim)
    : mean_(Eigen::VectorXd::Zero(dim)), delta_(dim), scatter_(Eigen::MatrixXd::Zero(dim, dim)) {}

void RunningCovariance::add(const Eigen::VectorXd& x) {
    // Welford: mean += (x - mean) / n;  S += (x - mean_old)(x - mean_new)^T
    ++count_;
    delta_ = x - mean_;
    mean_ += delta_ / static_cast<double>(count_);
    scatter_.noalias() += delta_ * (x - mean_).transpose();
}

Eigen::MatrixXd RunningCovariance::covariance() const {
    if (count_ == 0) return Eigen::MatrixXd::Zero(scatter_.rows(), scatter_.cols());
    return scatter_ / static_cast<double>(count_);
}

}  // namespace hebbian
