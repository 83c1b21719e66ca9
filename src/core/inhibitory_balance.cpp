// Balanced inhibitory plasticity (see inhibitory_balance.hpp for the rule and its theory).
#include "inhibitory_balance.hpp"

#include <cmath>

#include "portable_math.hpp"

namespace hebbian {

namespace {

bool positive_finite(double v) { return std::isfinite(v) && v > 0.0; }

}  // namespace

std::string validate(const InhibitoryParams& p) {
    if (p.channels < 2 || p.channels > 64) return "channels must be between 2 and 64";
    if (!positive_finite(p.eta) || p.eta > 1.0) return "inh_eta must be in (0, 1]";
    if (!positive_finite(p.target_rate) || p.target_rate > 100.0) return "rho0 (the target rate) must be in (0, 100]";
    if (!positive_finite(p.drive) || p.drive > 100.0) return "drive must be in (0, 100]";
    if (!positive_finite(p.tuning_width) || p.tuning_width > 64.0) return "tuning_width must be in (0, 64]";
    if (!positive_finite(p.mean_rate) || p.mean_rate > 100.0) return "input_rate (the mean input rate m) must be in (0, 100]";
    if (!std::isfinite(p.rate_spread) || p.rate_spread < 0.0 || p.rate_spread > 2.0)
        return "rate_spread must be in [0, 2]";
    if (p.history_capacity < 16) return "history_capacity must be at least 16";
    return "";
}

InhibitoryBalance::InhibitoryBalance() { reset(InhibitoryParams{}); }

std::string InhibitoryBalance::reset(const InhibitoryParams& params) {
    if (std::string why = validate(params); !why.empty()) return why;
    params_ = params;
    rng_ = Rng(params.seed);
    const int m = params.channels;
    const double preferred = 0.5 * m;
    excitatory_.resize(m);
    for (int j = 0; j < m; ++j) {
        const double distance = (j - preferred) / params.tuning_width;
        excitatory_(j) = params.drive * (0.2 + portable_exp(-0.5 * distance * distance));
    }
    inhibitory_ = Eigen::VectorXd::Zero(m);
    rates_.resize(m);
    normals_.resize(m);
    steps_ = 0;
    rate_sum_ = 0.0;
    stride_ = 1;
    history_step_.clear();
    history_rate_.clear();
    return "";
}

void InhibitoryBalance::step(long long n) {
    const double sigma = params_.rate_spread, eta = params_.eta, rho0 = params_.target_rate;
    const int m = params_.channels;
    for (long long s = 0; s < n; ++s) {
        // s_j = m exp(sigma xi_j - sigma^2 / 2): lognormal with mean m.
        rng_.fill_normal(normals_.data(), static_cast<std::size_t>(m));
        double drive = 0.0;
        for (int j = 0; j < m; ++j) {
            rates_(j) = params_.mean_rate * portable_exp(sigma * normals_(j) - 0.5 * sigma * sigma);
            drive += (excitatory_(j) - inhibitory_(j)) * rates_(j);
        }
        const double y = drive > 0.0 ? drive : 0.0;
        // dw_i_j = eta s_j (y - rho0), w_i_j >= 0   (Vogels et al. 2011, rate form)
        for (int j = 0; j < m; ++j) {
            const double w = inhibitory_(j) + eta * rates_(j) * (y - rho0);
            inhibitory_(j) = w > 0.0 ? w : 0.0;
        }
        rate_sum_ += y;
        ++steps_;
        if (steps_ % stride_ == 0) record();
    }
}

void InhibitoryBalance::record() {
    history_step_.push_back(steps_);
    history_rate_.push_back(rate_sum_ / static_cast<double>(stride_));
    rate_sum_ = 0.0;
    if (static_cast<int>(history_step_.size()) < params_.history_capacity) return;
    // Merge neighbouring intervals (equal lengths, so the mean of their means) and record
    // half as often from now on.
    size_t kept = 0;
    for (size_t i = 0; i + 1 < history_step_.size(); i += 2, ++kept) {
        history_step_[kept] = history_step_[i + 1];
        history_rate_[kept] = 0.5 * (history_rate_[i] + history_rate_[i + 1]);
    }
    history_step_.resize(kept);
    history_rate_.resize(kept);
    stride_ *= 2;
}

double InhibitoryBalance::predicted_net_weight() const {
    const double m = params_.mean_rate, sigma = params_.rate_spread;
    const double variance = m * m * (std::exp(sigma * sigma) - 1.0);
    return params_.target_rate * m / (variance + params_.channels * m * m);
}

double InhibitoryBalance::predicted_rate() const {
    return params_.channels * params_.mean_rate * predicted_net_weight();
}

double InhibitoryBalance::co_tuning() const {
    const Eigen::ArrayXd e = excitatory_.array() - excitatory_.mean();
    const Eigen::ArrayXd i = inhibitory_.array() - inhibitory_.mean();
    const double norms = std::sqrt((e * e).sum() * (i * i).sum());
    return norms > 0.0 ? (e * i).sum() / norms : 0.0;
}

}  // namespace hebbian
