// Analysis that runs next to the simulation: the ground truth each rule is
// compared with, and the closed-form predictions of the theory.
//
// Feedforward, mean field. Averaging dW = eta*(y x^T - alpha W) over the inputs
// gives w_{t+1} = (I + eta (C - alpha I)) w_t, so
//     w_t = sum_i (1 + eta (lambda_i - alpha))^t (v_i . w_0) v_i .
// Plain Hebb is alpha = 0: |w| grows like (1 + eta lambda_1)^t. With decay the
// direction turns to PC1 (the largest factor wins) whatever alpha is, while the
// norm shrinks when alpha > lambda_1, holds when alpha = lambda_1 and grows when
// alpha < lambda_1: the norm stays bounded only if alpha >= lambda_1.
//
// Recurrent. With k = 1 - eta alpha, W_t = k^t W_0 + eta sum_s k^s <x x^T>_(t-1-s),
// so the mean obeys alpha W_t - C = k^t (alpha W_0 - C): the relative Frobenius
// error decays by |k| per step. Sampling noise sets a floor: each entry has
// variance eta^2/(1 - k^2) Var(x_i x_j)/B, and for Gaussian inputs
// Var(x_i x_j) = C_ii C_jj + C_ij^2, so at steady state
//     E|alpha W - C|_F^2 / |C|_F^2 = eta alpha / (B (2 - eta alpha)) ((tr C)^2 + |C|_F^2) / |C|_F^2 .
// The expected error at step t combines both: sqrt((k^t e_0)^2 + floor^2 (1 - k^(2t))).
#pragma once

#include <Eigen/Dense>
#include <string>

namespace hebbian {

// Eigendecomposition of a symmetric matrix with eigenvalues in descending order
// and the matching unit eigenvectors as columns (Eigen's SelfAdjointEigenSolver).
struct PrincipalComponents {
    Eigen::VectorXd values;
    Eigen::MatrixXd vectors;
};
PrincipalComponents principal_components(const Eigen::MatrixXd& covariance);

// |a . b| / (|a| |b|), and 0 when either vector is zero.
double abs_cosine(const Eigen::VectorXd& a, const Eigen::VectorXd& b);

// How well the row space of W (k x N) matches the span of the orthonormal
// columns of V (N x k): the mean squared cosine of the principal angles, in [0, 1].
double subspace_alignment(const Eigen::MatrixXd& weights, const Eigen::MatrixXd& basis);

// |estimate - truth|_F / |truth|_F (and |estimate|_F when truth is zero).
double relative_frobenius_error(const Eigen::MatrixXd& estimate, const Eigen::MatrixXd& truth);
// The same from precomputed norms: distance = |estimate - truth|_F, scale = |truth|_F
// (distance / scale, or the bare distance when the truth is zero).
double relative_error(double distance, double scale);

enum class DecayRegime { NormShrinks, NormHolds, NormGrows };
// alpha within relative_tolerance of lambda_1 counts as "at".
DecayRegime decay_regime(double alpha, double lambda1, double relative_tolerance = 1e-3);
// One sentence for the reader, e.g. "alpha < lambda_1: the norm grows, the direction still turns to PC1".
std::string describe_regime(double alpha, double lambda1);

// Hebb plus the heterosynaptic term, dw = eta (y x - beta w y^4) (w_ref = 0): on Gaussian
// inputs E[y^4] = 3 (w^T C w)^2, so the fixed point C w = beta E[y^4] w is w = +-|w| PC1
// with beta 3 lambda_1^2 |w|^4 = lambda_1, i.e. |w| = (3 beta lambda_1)^(-1/4).
double heterosynaptic_fixed_norm(double beta, double lambda1);

// The same for the recurrent circuit: W settles at C/alpha either way (for
// 0 < eta*alpha < 2), but its response (I - W)^-1 x exists only when alpha > lambda_1.
std::string describe_recurrent_regime(double alpha, double lambda1);

// log |w_t| of the mean-field trajectory above (alpha = 0 for plain Hebb). Returns
// -infinity only when w_0 has no component along any eigenvector.
double predicted_log_norm(const PrincipalComponents& pcs, const Eigen::VectorXd& initial_weights, double eta,
                          double alpha, double steps);

// |cos(w_t, PC1)| of the same mean-field trajectory: the PC1 part
// |v_1 . w_0| |1 + eta (lambda_1 - alpha)|^t over |w_t|, computed in logs so that it stays
// finite when |w_t| overflows. The direction turns to PC1 whatever alpha is.
double predicted_alignment(const PrincipalComponents& pcs, const Eigen::VectorXd& initial_weights, double eta,
                           double alpha, double steps);

// The steady-state noise floor of |alpha W - C|_F / |C|_F for Gaussian inputs,
// B samples averaged per step (see above); 0 when eta*alpha is outside (0, 2).
double recurrent_noise_floor(const Eigen::MatrixXd& covariance, double eta, double alpha, int batch);

// Expected relative error of alpha W after `steps`, from initial_error at step 0 (see above).
double predicted_relative_error(double initial_error, double noise_floor, double eta, double alpha, double steps);

// Steps for the recurrent mean to close 1 - 1/e of its gap: -1 / ln|1 - eta alpha|.
double recurrent_time_constant(double eta, double alpha);

// Running mean and covariance (Welford), population form.
class RunningCovariance {
public:
    explicit RunningCovariance(int dim = 0);
    void add(const Eigen::VectorXd& x);
    long long count() const { return count_; }
    const Eigen::VectorXd& mean() const { return mean_; }
    Eigen::MatrixXd covariance() const;

private:
    long long count_ = 0;
    Eigen::VectorXd mean_, delta_;
    Eigen::MatrixXd scatter_;
};

}  // namespace hebbian
