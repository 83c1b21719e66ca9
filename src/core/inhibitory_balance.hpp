// Balanced inhibitory plasticity, in the rate form of Vogels, Sprekeler, Zenke, Clopath
// and Gerstner (Science 334, 1569, 2011): one output neuron with M input channels. Channel
// j carries one positive rate s_j(t) to an excitatory synapse of fixed weight w_e_j, tuned
// to a preferred channel, and to an inhibitory synapse w_i_j that learns:
//
//     y = [ sum_j (w_e_j - w_i_j) s_j ]_+                  the output rate
//     dw_i_j = eta s_j (y - rho0),   w_i_j >= 0            inhibitory plasticity
//
// The rates are independent lognormal, s_j = m exp(sigma xi_j - sigma^2 / 2) with xi_j
// standard normal: mean m, variance v = m^2 (exp(sigma^2) - 1).
//
// Theory (checked in tests/test_inhibitory_balance.cpp). While y > 0 and no w_i_j sits at
// 0, the fixed point E[s_j (y - rho0)] = 0 for every j reads
//     v d_j + m^2 sum_k d_k = rho0 m,   d = w_e - w_i,
// whose only solution is d_j = c = rho0 m / (v + M m^2) for every channel: the learned
// inhibition copies the excitatory tuning, w_i = w_e - c (the co-tuning of the paper), and
// the mean output rate settles at rho0 M m^2 / (v + M m^2) (within 1% of rho0 at the
// defaults), whatever the excitatory drive.
//
// One run's rate (checked over many seeds in tests/calibration). Averaging the update gives
// d' = d - eta (S d - rho0 m 1), S = E[s s^T] = v I + m^2 1 1^T, so the mean d(t) relaxes to
// c 1 along the uniform direction by a_u = 1 - eta (v + M m^2) a step and across it by
// 1 - eta v: d(t) = c 1 + p(t) 1 + q(t) e, e the unit part of w_e orthogonal to 1. The mean
// rate m 1^T d(t) follows the fast factor alone. A recorded point is the mean of y over an
// interval of L steps ending at t. Linearised around d(t), the samples of step tau move that
// mean through two terms, independent across steps:
//     X_tau = (s - m 1) . d(tau)                      (the step's own rate, if tau is inside)
//     Z_tau = (1^T s)(s . d(tau) - rho0)              (through the inhibition it learns:
//             the uniform part of its update, -eta m Z_tau, decays by a_u a step and
//             reaches each later step of the interval)
// so the interval mean is Gaussian (a sum of many independent terms) with the mean path's
// value and variance sum_tau Var(alpha_tau X_tau + beta_tau Z_tau) / L^2, alpha_tau = 1
// inside the interval, beta_tau = -eta m (the sum of a_u^(t' - tau - 1) over the interval's
// t' > tau). X and Z are polynomials in A = 1^T s and B = e . s, whose joint moments up to the
// fourth are taken from lognormal draws at reset. Where it stops holding: a weight w_i at
// its floor 0 or an output clipped at 0 (large noise, a drive near rho0), and intervals of a
// few steps (the band is Gaussian; one step's rate is lognormal-like).
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <string>
#include <vector>

#include "random.hpp"
#include "single_run.hpp"

namespace hebbian {

struct InhibitoryParams {
    int channels = 8;           // M input channels (2..64)
    double eta = 0.002;         // inhibitory learning rate (> 0; key inh_eta)
    double target_rate = 1.0;   // rho0, the output rate inhibition steers to (> 0; key rho0)
    double drive = 1.0;         // scale of the excitatory weights (> 0)
    double tuning_width = 1.5;  // width of the excitatory tuning, in channels (> 0)
    double mean_rate = 1.0;     // m, the mean input rate of every channel (> 0; key input_rate)
    double rate_spread = 0.3;   // sigma of the lognormal rates (0..2)
    std::uint64_t seed = 1;     // fixes the input rates
    int history_capacity = 512; // points kept per history series (>= 16)
};

// Empty when the parameters can run; otherwise one sentence naming the field.
std::string validate(const InhibitoryParams& params);

class InhibitoryBalance {
public:
    InhibitoryBalance();

    // Starts a new run (inhibitory weights at 0). On invalid parameters returns the
    // reason and keeps the current run.
    std::string reset(const InhibitoryParams& params);
    void step(long long n);

    const InhibitoryParams& params() const { return params_; }
    long long steps_done() const { return steps_; }
    // w_e_j = drive (0.2 + exp(-(j - preferred)^2 / (2 width^2))), preferred = M / 2.
    const Eigen::VectorXd& excitatory() const { return excitatory_; }
    const Eigen::VectorXd& inhibitory() const { return inhibitory_; }

    // The theory above: c, the excitation left over on every channel, and the mean rate.
    double predicted_net_weight() const;
    double predicted_rate() const;
    // The 5%, 50% and 95% quantiles of one run's mean rate over the `length` steps ending at
    // `step` (the band above).
    Quantiles rate_band(long long step, long long length) const;
    // Pearson correlation of the inhibitory with the excitatory weights across channels.
    double co_tuning() const;

    // One point per recorded interval: its last step and the mean output rate over it.
    const std::vector<long long>& history_step() const { return history_step_; }
    const std::vector<double>& history_rate() const { return history_rate_; }
    // The band of each recorded point.
    const std::vector<Quantiles>& history_band() const { return history_band_; }
    long long history_stride() const { return stride_; }

private:
    void record();
    // v = m^2 (exp(sigma^2) - 1), the variance of each channel's lognormal rate.
    double rate_variance() const;
    // Sets the band's constants (see above) for params_ and excitatory_.
    void prepare_band();

    InhibitoryParams params_;
    Rng rng_;
    Eigen::VectorXd excitatory_, inhibitory_, rates_, normals_;
    long long steps_ = 0;
    double rate_sum_ = 0.0;  // sum of y over the steps since the last record
    long long stride_ = 1;   // steps between recorded points
    std::vector<long long> history_step_;
    std::vector<double> history_rate_;
    std::vector<Quantiles> history_band_;
    // The band's constants (see above), set by reset.
    double uniform_keep_ = 1.0, across_keep_ = 1.0;  // a_u and 1 - eta v
    double start_uniform_ = 0.0, start_across_ = 0.0;  // p(0), q(0)
    double net_ = 0.0;                                 // c
    double moments_[5][5] = {};                        // E[A^i B^j], i + j <= 4
};

}  // namespace hebbian
