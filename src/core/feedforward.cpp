// Feedforward learning rules (equations in feedforward.hpp, repeated where coded).
#include "feedforward.hpp"

#include <cmath>

#include "divergence.hpp"

namespace hebbian {

std::string validate(const FeedforwardParams& p, int inputs) {
    if (p.outputs < 1 || p.outputs > inputs)
        return "outputs (k = " + std::to_string(p.outputs) + ") must be between 1 and the number of inputs N = " +
               std::to_string(inputs);
    if (!std::isfinite(p.eta) || p.eta <= 0.0) return "eta must be a positive finite number";
    if (!std::isfinite(p.alpha) || p.alpha < 0.0) return "alpha must be a finite number >= 0";
    if (!std::isfinite(p.theta_rate) || p.theta_rate <= 0.0 || p.theta_rate > 1.0)
        return "theta_rate must be in (0, 1]";
    return "";
}

FeedforwardCircuit::FeedforwardCircuit(const FeedforwardParams& params, Eigen::MatrixXd initial_weights)
    : params_(params),
      w_(std::move(initial_weights)),
      theta_(Eigen::VectorXd::Zero(w_.rows())),
      y_last_(Eigen::VectorXd::Zero(w_.rows())) {}

std::string FeedforwardCircuit::learn(const Eigen::MatrixXd& x, double divergence_limit) {
    const double inv_batch = 1.0 / static_cast<double>(x.cols());
    y_.noalias() = w_ * x;  // y = W x for every sample of the batch (k x B)
    theta_next_ = theta_;
    switch (params_.rule) {
        case Rule::Hebb:
            // dW = eta * <y x^T>
            dw_.noalias() = inv_batch * y_ * x.transpose();
            break;
        case Rule::Decay:
            // dW = eta * (<y x^T> - alpha W)
            dw_.noalias() = inv_batch * y_ * x.transpose();
            dw_ -= params_.alpha * w_;
            break;
        case Rule::Oja:
            // dw_i = eta * (<y_i x> - <y_i^2> w_i)
            dw_.noalias() = inv_batch * y_ * x.transpose();
            dw_ -= (inv_batch * y_.rowwise().squaredNorm()).asDiagonal() * w_;
            break;
        case Rule::Sanger: {
            // dW = eta * (<y x^T> - LT[<y y^T>] W)
            dw_.noalias() = inv_batch * y_ * x.transpose();
            const Eigen::MatrixXd yy = inv_batch * y_ * y_.transpose();
            dw_.noalias() -= yy.triangularView<Eigen::Lower>() * w_;
            break;
        }
        case Rule::Bcm: {
            // dw_i = eta * <y_i (y_i - theta_i) x>;  dtheta_i = theta_rate * (<y_i^2> - theta_i)
            const Eigen::MatrixXd gated = y_.array() * (y_.colwise() - theta_).array();
            dw_.noalias() = inv_batch * gated * x.transpose();
            theta_next_ += params_.theta_rate * (inv_batch * y_.rowwise().squaredNorm() - theta_);
            break;
        }
    }
    w_next_ = w_ + params_.eta * dw_;
    std::string why = blow_up_reason(w_next_, divergence_limit, "weights");
    if (why.empty()) why = blow_up_reason(theta_next_, divergence_limit, "BCM threshold");
    if (why.empty()) why = blow_up_reason(y_, divergence_limit, "outputs");
    if (!why.empty()) return why;
    w_.swap(w_next_);
    theta_.swap(theta_next_);
    y_last_ = y_.col(y_.cols() - 1);
    return "";
}

}  // namespace hebbian
