// The feedforward (many-to-one) circuit: k output neurons y = W x learning from
// N inputs with one of six Hebbian rules. W is k x N, one row per output, stored
// row by row (WeightMatrix), so each output's weights are contiguous.
//
//   hebb    dW = eta * y x^T                        plain Hebb: |w| grows like (1 + eta*lambda_1)^t
//   decay   dW = eta * (y x^T - alpha*W)            Hebb with linear decay: the fixed point
//                                                   satisfies C w = alpha w, so w turns to PC1; the
//                                                   norm shrinks, holds or grows as alpha is above,
//                                                   at or below lambda_1
//   oja     dw_i = eta * y_i (x - y_i w_i)          Oja: |w| -> 1 and w -> +-PC1 (each row alone)
//   sanger  dW = eta * (y x^T - LT[y y^T] W)        Sanger's GHA: row i -> +-PC_i (LT = lower triangle)
//   bcm     dw_i = eta * y_i (y_i - theta_i) x      BCM; the threshold slides towards <y_i^2>:
//           dtheta_i = theta_rate * (y_i^2 - theta_i)  selective for one input pattern
//   hetero  dw_i = eta * (y_i x - beta (w_i - w_ref) y_i^4)
//                                                   Hebb plus the heterosynaptic term of Zenke,
//                                                   Agnes and Gerstner (Nat. Commun. 2015, in the
//                                                   rate form of Zenke and Gerstner, Phil. Trans.
//                                                   R. Soc. B 2017): an active output moves every
//                                                   synapse towards w_ref, silent inputs included,
//                                                   so the total strength cannot run away; with
//                                                   w_ref = 0 and Gaussian inputs, w -> +-PC1 with
//                                                   |w| = (3 beta lambda_1)^(-1/4)
//
// A step takes a batch of B samples (columns of X) and applies the mean update,
// with W held fixed inside the batch; B = 1 is the usual online rule. The online
// step of hebb, decay, oja and bcm with one output, and of sanger, runs on the SIMD
// kernels of kernels.hpp; the other cases compute y = W x there too and the update
// with Eigen. After every 64th step (kFlushEvery, counted by the circuit) the weights
// and BCM thresholds with |value| < 2^-500 become +0.0 (flush_tiny.hpp), so the weights
// of a constant input decay to exactly 0 instead of into the slow subnormal range.
#pragma once

#include <Eigen/Dense>
#include <string>

namespace hebbian {

enum class Rule { Hebb, Decay, Oja, Sanger, Bcm, Heterosynaptic };

using WeightMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct FeedforwardParams {
    Rule rule = Rule::Decay;     // learning rule (see the table above)
    int outputs = 1;             // number of output neurons k (1..N)
    double eta = 0.01;           // learning rate per step (> 0)
    double alpha = 1.0;          // decay rate of the decay rule (>= 0); unused by the others
    double theta_rate = 0.1;     // BCM: rate at which theta tracks <y^2>, in (0, 1]
    double beta = 1.0;           // hetero: strength of the heterosynaptic term (>= 0)
    double w_ref = 0.0;          // hetero: the weight the heterosynaptic term pulls towards
};

std::string validate(const FeedforwardParams& params, int inputs);

class FeedforwardCircuit {
public:
    // Weights start as init_scale * N(0,1) entries drawn by the caller; theta starts at 0.
    FeedforwardCircuit(const FeedforwardParams& params, WeightMatrix initial_weights);

    const FeedforwardParams& params() const { return params_; }
    const WeightMatrix& weights() const { return w_; }
    const Eigen::VectorXd& threshold() const { return theta_; }
    // Outputs y = W x of the last sample of the last batch.
    const Eigen::VectorXd& last_output() const { return y_last_; }

    // Learns from the batch X (N x B): one step, then the flush of tiny weights when the
    // count of steps learnt reaches a multiple of kFlushEvery. Returns an empty string on
    // success; on divergence returns the reason and leaves W and theta at their last
    // finite values (the step does not count).
    std::string learn(const Eigen::Ref<const Eigen::MatrixXd>& x, double divergence_limit);

    // Learning steps taken so far (the count behind the flush of tiny weights).
    long long steps() const { return steps_; }

private:
    // One learning step on the path that fits the rule, k and B.
    std::string learn_step(const Eigen::Ref<const Eigen::MatrixXd>& x, double divergence_limit);
    // The online step of hebb, decay, oja or bcm with k = 1; false when it cannot vouch
    // for the result (then the general step decides).
    bool learn_single(const Eigen::Ref<const Eigen::MatrixXd>& x, double divergence_limit);
    std::string learn_sanger(const Eigen::Ref<const Eigen::MatrixXd>& x, double divergence_limit);
    std::string learn_general(const Eigen::Ref<const Eigen::MatrixXd>& x, double divergence_limit);

    FeedforwardParams params_;
    WeightMatrix w_, w_next_, dw_;
    Eigen::MatrixXd y_;
    Eigen::VectorXd theta_, theta_next_, y_last_, gain_;
    double magnitude_bound_;  // an upper bound on max |W_ij| (infinity when unknown)
    long long steps_ = 0;     // learning steps taken; every kFlushEvery-th flushes tiny weights
};

}  // namespace hebbian
