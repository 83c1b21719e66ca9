// Feedforward learning rules (equations in feedforward.hpp, repeated where coded).
#include "feedforward.hpp"

#include <cmath>
#include <limits>

#include "divergence.hpp"
#include "kernels.hpp"

namespace hebbian {

std::string validate(const FeedforwardParams& p, int inputs) {
    if (p.outputs < 1 || p.outputs > inputs)
        return "outputs (k = " + std::to_string(p.outputs) + ") must be between 1 and the number of inputs N = " +
               std::to_string(inputs);
    if (!std::isfinite(p.eta) || p.eta <= 0.0) return "eta must be a positive finite number";
    if (!std::isfinite(p.alpha) || p.alpha < 0.0) return "alpha must be a finite number >= 0";
    if (!std::isfinite(p.theta_rate) || p.theta_rate <= 0.0 || p.theta_rate > 1.0)
        return "theta_rate must be in (0, 1]";
    if (!std::isfinite(p.beta) || p.beta < 0.0) return "beta must be a finite number >= 0";
    if (!std::isfinite(p.w_ref)) return "w_ref must be a finite number";
    return "";
}

FeedforwardCircuit::FeedforwardCircuit(const FeedforwardParams& params, WeightMatrix initial_weights)
    : params_(params),
      w_(std::move(initial_weights)),
      theta_(Eigen::VectorXd::Zero(w_.rows())),
      y_last_(Eigen::VectorXd::Zero(w_.rows())),
      magnitude_bound_(std::numeric_limits<double>::infinity()) {}

std::string FeedforwardCircuit::learn(const Eigen::Ref<const Eigen::MatrixXd>& x, double divergence_limit) {
    std::string why = learn_step(x, divergence_limit);
    if (!why.empty()) return why;
    // Every kFlushEvery-th step: weights and thresholds with |value| < 2^-500 to +0 (flush_tiny.hpp).
    if (++steps_ % kernels::kFlushEvery == 0) {
        kernels::flush_tiny(w_.data(), w_.size());
        kernels::flush_tiny(theta_.data(), theta_.size());
    }
    return why;
}

std::string FeedforwardCircuit::learn_step(const Eigen::Ref<const Eigen::MatrixXd>& x, double divergence_limit) {
    const bool single_rule = params_.rule == Rule::Hebb || params_.rule == Rule::Decay || params_.rule == Rule::Oja ||
                             params_.rule == Rule::Bcm;
    if (x.cols() == 1 && w_.rows() == 1 && single_rule && learn_single(x, divergence_limit))
        return "";
    if (x.cols() == 1 && params_.rule == Rule::Sanger) return learn_sanger(x, divergence_limit);
    return learn_general(x, divergence_limit);
}

bool FeedforwardCircuit::learn_single(const Eigen::Ref<const Eigen::MatrixXd>& x, double divergence_limit) {
    const int n = static_cast<int>(x.rows());
    double x_max = 0.0;
    const double y = kernels::dot_and_max_abs(w_.data(), x.data(), n, &x_max);  // y = w . x
    if (!(std::fabs(y) <= divergence_limit)) return false;
    // Every rule here is w <- a w + b x:
    //   hebb   dw = eta * y x                 a = 1,               b = eta y
    //   decay  dw = eta * (y x - alpha w)     a = 1 - eta alpha,   b = eta y
    //   oja    dw = eta * y (x - y w)         a = 1 - eta y^2,     b = eta y
    //   bcm    dw = eta * y (y - theta) x     a = 1,               b = eta y (y - theta),
    //          then dtheta = theta_rate * (y^2 - theta)
    const double eta = params_.eta;
    const Rule rule = params_.rule;
    const double a = rule == Rule::Hebb || rule == Rule::Bcm ? 1.0
                     : rule == Rule::Decay                   ? 1.0 - eta * params_.alpha
                                                             : 1.0 - eta * (y * y);
    const double b = rule == Rule::Bcm ? eta * (y * (y - theta_(0))) : eta * y;
    const double theta_next = theta_(0) + params_.theta_rate * (y * y - theta_(0));
    if (rule == Rule::Bcm && !(std::fabs(theta_next) <= divergence_limit)) return false;
    // max |w_new| <= |a| max |w| + |b| max |x|: a bound that spares checking every new
    // weight. Rounding: 3 operations per weight (a w, b x, their sum) and 1 for |b| max |x|.
    constexpr int kOperations = 4;
    const double input_bound = std::fabs(b) * x_max;
    double bound = step_magnitude_bound(a, magnitude_bound_, input_bound, kOperations);
    if (!(bound <= divergence_limit)) {
        magnitude_bound_ = kernels::max_abs(w_.data(), n);
        bound = step_magnitude_bound(a, magnitude_bound_, input_bound, kOperations);
        if (!(bound <= divergence_limit)) return false;
    }
    kernels::scale_add(w_.data(), a, b, x.data(), n);
    magnitude_bound_ = bound;
    if (rule == Rule::Bcm) theta_(0) = theta_next;
    y_last_(0) = y;
    return true;
}

std::string FeedforwardCircuit::learn_sanger(const Eigen::Ref<const Eigen::MatrixXd>& x, double divergence_limit) {
    const int k = static_cast<int>(w_.rows()), n = static_cast<int>(w_.cols());
    y_.resize(k, 1);
    kernels::gemv_transposed(y_.data(), w_.data(), n, k, n, x.data());  // y = W x (rows of W are columns of W^T)
    gain_ = params_.eta * y_.col(0);
    // dW = eta * (y x^T - LT[y y^T] W), row by row in kernels::sanger_step, which gives
    // |W_next(i, j)| <= |W(i, j)| + |eta y_i| (|x_j| + sum_{l <= i} |y_l| |W(l, j)|)
    //               <= M (1 + g sum_l |y_l|) + g max |x|,   M >= max |W|,  g = max_i |eta y_i|.
    // Rounding: 2k + 2 operations behind each weight, k + 1 for the scale 1 + g sum_l |y_l|
    // and 1 for g max |x|. Within the limit, this bound lets the step run in place with no
    // check of the new weights.
    const double g = gain_.cwiseAbs().maxCoeff();
    const double bound = step_magnitude_bound(1.0 + g * y_.cwiseAbs().sum(), magnitude_bound_,
                                              g * kernels::max_abs(x.data(), n), 3 * k + 4);
    if (bound <= divergence_limit && blow_up_reason(y_, divergence_limit, "outputs").empty()) {
        kernels::sanger_step(w_.data(), w_.data(), k, n, x.data(), y_.data(), gain_.data());
        magnitude_bound_ = bound;
        y_last_ = y_.col(0);
        return "";
    }
    // Past the limit (or NaN): the step goes to a copy, and the exact max |W_next| decides
    // (NaN when an entry is NaN).
    w_next_.resize(k, n);
    kernels::sanger_step(w_next_.data(), w_.data(), k, n, x.data(), y_.data(), gain_.data());
    const double largest = kernels::max_abs(w_next_.data(), k * n);
    std::string why = largest <= divergence_limit ? "" : blow_up_reason(w_next_, divergence_limit, "weights");
    if (why.empty()) why = blow_up_reason(y_, divergence_limit, "outputs");
    if (!why.empty()) return why;
    w_.swap(w_next_);
    magnitude_bound_ = largest;
    y_last_ = y_.col(0);
    return "";
}

std::string FeedforwardCircuit::learn_general(const Eigen::Ref<const Eigen::MatrixXd>& x, double divergence_limit) {
    const double inv_batch = 1.0 / static_cast<double>(x.cols());
    // y = W x for every sample of the batch (k x B), on the kernels so that native and
    // wasm builds give the same bits (rows of W are columns of W^T)
    const int k = static_cast<int>(w_.rows()), n = static_cast<int>(w_.cols());
    y_.resize(k, x.cols());
    for (Eigen::Index b = 0; b < x.cols(); ++b)
        kernels::gemv_transposed(y_.col(b).data(), w_.data(), n, k, n, x.col(b).data());
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
        case Rule::Heterosynaptic: {
            // dw_i = eta * (<y_i x> - beta <y_i^4> (w_i - w_ref))   (Zenke, Agnes and Gerstner 2015)
            dw_.noalias() = inv_batch * y_ * x.transpose();
            const Eigen::VectorXd fourth = inv_batch * y_.array().square().square().rowwise().sum().matrix();
            dw_ -= params_.beta * (fourth.asDiagonal() * (w_.array() - params_.w_ref).matrix());
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
    magnitude_bound_ = std::numeric_limits<double>::infinity();
    y_last_ = y_.col(y_.cols() - 1);
    return "";
}

}  // namespace hebbian
