// Recurrent circuit learning and response (theory in recurrent.hpp).
#include "recurrent.hpp"

#include <cmath>
#include <cstdio>

#include "divergence.hpp"

namespace hebbian {

std::string validate(const RecurrentParams& p) {
    if (!std::isfinite(p.eta) || p.eta <= 0.0) return "eta must be a positive finite number";
    if (!std::isfinite(p.alpha) || p.alpha < 0.0) return "alpha must be a finite number >= 0";
    return "";
}

RecurrentCircuit::RecurrentCircuit(const RecurrentParams& params, int inputs)
    : params_(params), w_(Eigen::MatrixXd::Zero(inputs, inputs)) {}

std::string RecurrentCircuit::learn(const Eigen::MatrixXd& x, double divergence_limit) {
    const double keep = 1.0 - params_.eta * params_.alpha;
    const double gain = params_.eta / static_cast<double>(x.cols());
    // |W_new|_max <= |keep| |W|_max + gain * sum_b max_i x_ib^2: a cheap bound that
    // spares reading all of W on every step.
    double input_bound = 0.0;
    for (Eigen::Index b = 0; b < x.cols(); ++b) input_bound += x.col(b).cwiseAbs2().maxCoeff();
    double bound = std::fabs(keep) * magnitude_bound_ + gain * input_bound;
    if (!std::isfinite(bound) || bound > divergence_limit) {
        magnitude_bound_ = w_.cwiseAbs().maxCoeff();
        bound = std::fabs(keep) * magnitude_bound_ + gain * input_bound;
        if (!std::isfinite(bound) || bound > divergence_limit) {
            // W <- (1 - eta*alpha) W + eta <x x^T>, tried on a copy first.
            Eigen::MatrixXd candidate = keep * w_;
            candidate.noalias() += gain * x * x.transpose();
            std::string why = blow_up_reason(candidate, divergence_limit, "recurrent weights");
            if (!why.empty()) return why;
            w_.swap(candidate);
            magnitude_bound_ = w_.cwiseAbs().maxCoeff();
            return "";
        }
    }
    // W <- (1 - eta*alpha) W + eta <x x^T>
    w_ *= keep;
    w_.noalias() += gain * x * x.transpose();
    magnitude_bound_ = bound;
    return "";
}

RecurrentResponse::RecurrentResponse(const Eigen::MatrixXd& weights) {
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(weights);
    vectors_ = solver.eigenvectors();
    const Eigen::VectorXd& mu = solver.eigenvalues();
    radius_ = mu.cwiseAbs().maxCoeff();
    gains_ = (1.0 - mu.array()).inverse().matrix();
}

std::string RecurrentResponse::why_undefined() const {
    if (defined()) return "";
    char text[200];
    std::snprintf(text, sizeof text,
                  "no steady response: the spectral radius of W is %.4g >= 1, so r = x + W r runs away "
                  "(raise alpha above lambda_1)",
                  radius_);
    return text;
}

Eigen::VectorXd RecurrentResponse::apply(const Eigen::VectorXd& x) const {
    // r = V diag(1 / (1 - mu)) V^T x
    return vectors_ * gains_.cwiseProduct(vectors_.transpose() * x);
}

}  // namespace hebbian
