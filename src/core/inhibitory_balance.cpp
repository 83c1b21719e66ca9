// Balanced inhibitory plasticity (see inhibitory_balance.hpp for the rule and its theory).
#include "inhibitory_balance.hpp"

#include <cmath>

#include "portable_math.hpp"

namespace hebbian {

namespace {

bool positive_finite(double v) { return std::isfinite(v) && v > 0.0; }

// x^n for n >= 0 by repeated squaring (the same bits on every platform).
double integer_power(double x, long long n) {
    double result = 1.0;
    for (; n > 0; n >>= 1, x *= x)
        if (n & 1) result *= x;
    return result;
}

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
    prepare_band();
    steps_ = 0;
    rate_sum_ = 0.0;
    stride_ = 1;
    history_step_.clear();
    history_rate_.clear();
    history_band_.clear();
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
    history_band_.push_back(rate_band(steps_, stride_));
    rate_sum_ = 0.0;
    if (static_cast<int>(history_step_.size()) < params_.history_capacity) return;
    // Merge neighbouring intervals (equal lengths, so the mean of their means) and record
    // half as often from now on.
    size_t kept = 0;
    for (size_t i = 0; i + 1 < history_step_.size(); i += 2, ++kept) {
        history_step_[kept] = history_step_[i + 1];
        history_rate_[kept] = 0.5 * (history_rate_[i] + history_rate_[i + 1]);
        history_band_[kept] = rate_band(history_step_[kept], 2 * stride_);
    }
    history_step_.resize(kept);
    history_rate_.resize(kept);
    history_band_.resize(kept);
    stride_ *= 2;
}

double InhibitoryBalance::rate_variance() const {
    const double m = params_.mean_rate, sigma = params_.rate_spread;
    return m * m * (std::exp(sigma * sigma) - 1.0);
}

double InhibitoryBalance::predicted_net_weight() const {
    const double m = params_.mean_rate;
    return params_.target_rate * m / (rate_variance() + params_.channels * m * m);
}

double InhibitoryBalance::predicted_rate() const {
    return params_.channels * params_.mean_rate * predicted_net_weight();
}

void InhibitoryBalance::prepare_band() {
    const int m = params_.channels;
    const double mean = params_.mean_rate, sigma = params_.rate_spread;
    const double variance = rate_variance();
    net_ = predicted_net_weight();
    uniform_keep_ = 1.0 - params_.eta * (variance + m * mean * mean);
    across_keep_ = 1.0 - params_.eta * variance;
    // d(0) = w_e = (c + p(0)) 1 + q(0) e.
    start_uniform_ = excitatory_.mean() - net_;
    const Eigen::VectorXd across = excitatory_.array() - excitatory_.mean();
    start_across_ = across.norm();
    const Eigen::VectorXd e = start_across_ > 0.0 ? Eigen::VectorXd(across / start_across_) : Eigen::VectorXd::Zero(m);
    // Joint moments of A = 1^T s and B = e . s from lognormal draws of their own stream.
    constexpr int kDraws = 8192;
    Rng rng(params_.seed ^ 0x9E3779B97F4A7C15ULL);
    Eigen::VectorXd z(m);
    for (auto& row : moments_)
        for (double& value : row) value = 0.0;
    for (int draw = 0; draw < kDraws; ++draw) {
        rng.fill_normal(z.data(), static_cast<std::size_t>(m));
        double a = 0.0, b = 0.0;
        for (int j = 0; j < m; ++j) {
            const double rate = mean * portable_exp(sigma * z(j) - 0.5 * sigma * sigma);
            a += rate;
            b += e(j) * rate;
        }
        double power_a = 1.0;
        for (int i = 0; i <= 4; ++i, power_a *= a) {
            double power = power_a;
            for (int j = 0; i + j <= 4; ++j, power *= b) moments_[i][j] += power;
        }
    }
    for (auto& row : moments_)
        for (double& value : row) value /= kDraws;
}

Quantiles InhibitoryBalance::rate_band(long long step, long long length) const {
    // With d(tau) = g 1 + h e:  s . d = g A + h B,  X = g A + h B - E,  Z = A (g A + h B - rho0).
    const double rho0 = params_.target_rate, mean = params_.mean_rate, eta = params_.eta;
    const double keep = uniform_keep_;
    const auto& mu = moments_;
    // Var(alpha X + beta Z) at weights g 1 + h e. Up to a constant alpha X + beta Z is
    // c1 A + c2 B + c3 A^2 + c4 A B; its first two moments from E[A^i B^j].
    auto variance_of = [&](double g, double h, double alpha, double beta) {
        const double c1 = alpha * g - beta * rho0, c2 = alpha * h, c3 = beta * g, c4 = beta * h;
        const double first = c1 * mu[1][0] + c2 * mu[0][1] + c3 * mu[2][0] + c4 * mu[1][1];
        const double second = c1 * c1 * mu[2][0] + c2 * c2 * mu[0][2] + c3 * c3 * mu[4][0] + c4 * c4 * mu[2][2] +
                              2.0 * (c1 * c2 * mu[1][1] + c1 * c3 * mu[3][0] + c1 * c4 * mu[2][1] +
                                     c2 * c3 * mu[2][1] + c2 * c4 * mu[1][2] + c3 * c4 * mu[3][1]);
        return std::max(0.0, second - first * first);
    };
    // sum_{k=0}^{n-1} keep^k
    auto geometric = [keep](long long n) {
        return std::fabs(1.0 - keep) > 0.0 ? (1.0 - integer_power(keep, n)) / (1.0 - keep) : static_cast<double>(n);
    };
    const long long first = std::max<long long>(1, step - length + 1);
    const long long count = step - first + 1;
    // Steps first..step: y at step tau sees the weights after tau - 1 updates.
    double uniform = start_uniform_ * integer_power(keep, first - 1);
    double across = start_across_ * integer_power(across_keep_, first - 1);
    double path = 0.0, variance = 0.0;
    for (long long tau = first; tau <= step; ++tau) {
        const double g = net_ + uniform, h = across;
        path += mean * params_.channels * g;
        variance += variance_of(g, h, 1.0, -eta * mean * geometric(step - tau));
        uniform *= keep;
        across *= across_keep_;
    }
    // Earlier steps reach the interval through the uniform part of their updates, fading by
    // keep a step; their weights are found going back (an exact division by a keep far from 0).
    const double whole = -eta * mean * geometric(count);
    if (std::fabs(keep) > 1e-3) {
        uniform = start_uniform_ * integer_power(keep, first - 2);
        across = start_across_ * integer_power(across_keep_, first - 2);
        double reach = whole;
        for (long long tau = first - 1; tau >= 1 && std::fabs(reach) > 1e-6 * std::fabs(whole); --tau) {
            variance += variance_of(net_ + uniform, across, 0.0, reach);
            reach *= keep;
            uniform /= keep;
            across = std::fabs(across_keep_) > 1e-3 ? across / across_keep_ : 0.0;
        }
    }
    path /= static_cast<double>(count);
    const double spread = kNormal95 * std::sqrt(variance) / static_cast<double>(count);
    return {path - spread, path, path + spread};
}

double InhibitoryBalance::co_tuning() const {
    const Eigen::ArrayXd e = excitatory_.array() - excitatory_.mean();
    const Eigen::ArrayXd i = inhibitory_.array() - inhibitory_.mean();
    const double norms = std::sqrt((e * e).sum() * (i * i).sum());
    return norms > 0.0 ? (e * i).sum() / norms : 0.0;
}

}  // namespace hebbian
