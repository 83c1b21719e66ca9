// The recurrent (all-to-all) circuit: N neurons, each driven by its own input
// stream x_i and by the others through a symmetric weight matrix W (N x N).
//
// Learning (Hebb with linear decay on every synapse):
//     dW = eta * (x x^T - alpha*W)        i.e. W <- (1 - eta*alpha) W + eta x x^T
// Steady state: <x x^T> = alpha W, so W = C/alpha for zero-mean inputs. From W0
// the mean trajectory is W_t = C/alpha + (1 - eta*alpha)^t (W0 - C/alpha): the
// time constant is -1/ln(1 - eta*alpha) ~ 1/(eta*alpha) steps, and the run is
// stable only for 0 < eta*alpha < 2. With alpha = 0 (plain Hebb) W grows without bound.
// After every 64th step (kFlushEvery, counted by the circuit however the steps are
// grouped into calls) entries with |W_ij| < 2^-500 become +0.0 (flush_tiny.hpp).
//
// Response to an input: the fixed point of r = x + W r, r = (I - W)^-1 x. The
// iteration converges only when the spectral radius rho(W) < 1; with W = C/alpha
// that means alpha > lambda_1. Directions with eigenvalue mu of W are amplified by
// 1/(1 - mu): shared signals (large eigenvalues) are boosted, private noise is not.
#pragma once

#include <Eigen/Dense>
#include <string>
#include <vector>

namespace hebbian {

struct RecurrentParams {
    double eta = 0.01;   // learning rate per step (> 0)
    double alpha = 1.0;  // decay rate (>= 0); eta*alpha must stay below 2
};

std::string validate(const RecurrentParams& params);

class RecurrentCircuit {
public:
    explicit RecurrentCircuit(const RecurrentParams& params, int inputs);

    const RecurrentParams& params() const { return params_; }
    const Eigen::MatrixXd& weights() const { return w_; }

    // Learns from the batch X (N x B): W <- (1 - eta*alpha) W + eta <x x^T>.
    // Returns an empty string on success; on divergence the reason, with W unchanged.
    std::string learn(const Eigen::MatrixXd& x, double divergence_limit);

    // Learns S = X.cols() / batch consecutive steps, step s from columns
    // s*batch .. s*batch + batch - 1. The update does not depend on W, so the S
    // steps are one scaled symmetric rank-(S*batch) update, exact up to rounding:
    //     W_{t+S} = k^S W_t + (eta/batch) sum_s k^(S-1-s) sum_{b in step s} x_b x_b^T,  k = 1 - eta*alpha.
    // When the magnitude bound cannot rule out divergence inside the block, the
    // steps run one by one through learn(), so divergence stops at the same step.
    struct StepsDone {
        int steps = 0;       // learning steps applied
        std::string reason;  // empty, or why step `steps + 1` was refused
    };
    // The block is split where the count of steps reaches a multiple of kFlushEvery, and
    // the flush of tiny weights runs there, as learn() runs it after such a step.
    StepsDone learn_steps(const Eigen::MatrixXd& x, int batch, double divergence_limit);

    // Learning steps taken so far (the count behind the flush of tiny weights).
    long long steps() const { return steps_; }

private:
    // One step of learn(), without the count.
    std::string learn_step(const Eigen::MatrixXd& x, double divergence_limit);
    // Counts one step taken, and flushes tiny weights when the count is a multiple of kFlushEvery.
    void count_step();

    RecurrentParams params_;
    Eigen::MatrixXd w_, step_batch_;
    double magnitude_bound_ = 0.0;  // an upper bound on max |W_ij|, kept without reading W
    long long steps_ = 0;           // learning steps taken; every kFlushEvery-th flushes tiny weights
    std::vector<double> coefficients_;  // c_b of the symmetric update (scratch)
    std::vector<double> packed_;        // the symmetric update's packed copies of X (scratch)
};

// The response operator (I - W)^-1 of a symmetric W, from its eigendecomposition.
class RecurrentResponse {
public:
    explicit RecurrentResponse(const Eigen::MatrixXd& weights);

    double spectral_radius() const { return radius_; }
    // True when rho(W) < 1, i.e. r = x + W r settles to a finite response.
    bool defined() const { return radius_ < 1.0; }
    // One sentence for the reader when the response is not defined.
    std::string why_undefined() const;
    // r = (I - W)^-1 x; call only when defined().
    Eigen::VectorXd apply(const Eigen::VectorXd& x) const;

private:
    Eigen::MatrixXd vectors_;
    Eigen::VectorXd gains_;  // 1 / (1 - mu_i)
    double radius_ = 0.0;
};

}  // namespace hebbian
