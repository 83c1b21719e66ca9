// The theory of one run: what a single run does and how far it may stray, beside the
// mean field (the average of many runs) that analysis.hpp computes.
//
// Every prediction here is a band: the 5%, 50% and 95% quantiles over runs that differ
// only in their initial weights and their samples (the source's model held fixed). The
// median is the "typical run"; 90% of runs lie between the other two.
//
// Feedforward (hebb, decay, oja, hetero with w_ref = 0; Sanger's first row is Oja's).
// In the eigenbasis of C (x -> u_i = v_i . x, w -> c_i = v_i . w) all four rules are
//     w' = a w + (eta / B) sum_j y_j x_j,   y_j = w . x_j,
// with a = 1 (hebb), 1 - eta alpha (decay), 1 - eta <y^2> (oja), 1 - eta beta <y^4> (hetero),
// <.> the mean over the batch of B samples. A single run of that update is simulated on
// a reduced model: the top m <= 4 components exactly, and the other N - m directions as one
// isotropic bulk of variance lambda_b = (tr C - lambda_1 - ... - lambda_m) / (N - m) per
// direction, tracked by its norm b = |w_bulk|. A sample's bulk part splits into its
// projection s_j on w_bulk / b and an orthogonal rest of squared norm p_j, so
//     c_i' = a c_i + (eta / B) sum_j y_j u_ij
//     b'^2 = (a b + (eta / B) sum_j y_j s_j)^2 + (eta / B)^2 sum_j y_j^2 p_j ,
// with y_j = sum_i c_i u_ij + b s_j (the cross terms between the rest of different samples
// are dropped: they average out over N - m - 1 directions). For a Gaussian source
// u_ij = sqrt(lambda_i) z, s_j = sqrt(lambda_b) z and p_j = lambda_b (N - m - 1), which is
// exact for N <= m and for an isotropic bulk. For a data set or a picture, the samples are
// its own rows (projected, and their residual norm r_j^2 split as s_j = r_j z / sqrt(N - m),
// p_j = r_j^2 - s_j^2): no Gaussian assumption, but the bulk is taken as isotropic.
// The initial weights are init_scale times standard normals: c_i(0) normal, b(0) the norm
// of N - m of them (Wilson and Hilferty's cube-root normal for the chi-square).
//
// kForecastRuns runs of this model are simulated by reset, up to a horizon of a few
// relaxation times (1 / (eta (lambda_1 - lambda_2)) for the direction, 1 / (eta lambda_1)
// for the norm), bounded by kForecastBudget sample-coordinates. The quantiles of |w| and of
// |cos(w, PC1)| = |c_1| / |w| are kept on a grid of steps and interpolated between them.
// Past the horizon:
//   - hebb and decay: log |w| is a random walk once w lies along PC1 (SINGLE_RUN_THEORY.md):
//     each step multiplies the PC1 part by m = 1 + eta (<u_1^2> - alpha), so the drift and
//     the variance per step are E log|m| and Var log|m|, taken over the source's own PC1
//     projections (lambda_1 z^2 for a Gaussian source, the rows' (v_1 . x)^2 for data). The
//     median moves by the drift, and the band's half-width grows as
//     sqrt(w_H^2 + 1.645^2 Var log|m| (t - H)), w_H the half-width at the horizon H (in logs).
//   - oja and hetero: the norm has a fixed point; the band at the horizon is its stationary
//     spread and stays as it is. When the budget ends the horizon before four relaxation
//     times 1 / (eta lambda_1) of the norm (a small eta: the receptive view's 0.0002), there
//     is no band past it (NaN).
//   - the direction: 1 - cos^2 settles at a noise floor of order eta. When the quantiles have
//     settled by the horizon they stay. When the budget cut the horizon short, each run goes
//     on by the mean field: the part of its tan^2 = 1/cos^2 - 1 along component i shrinks by
//     ((1 + eta (lambda_i - a)) / (1 + eta (lambda_1 - a)))^2 a step (a = alpha for decay, 0 for
//     hebb, lambda_1 at Oja's and hetero's fixed point; the bulk at lambda_b), and the
//     stationary floor grows in as the slowest part fades. The floor is
//     tan^2 ~ sum_{i>1} rho_i z_i^2 with rho_i = (eta / 2B) E[u_1^2 u_i^2] / (lambda_1 - lambda_i)
//     (the linearised update's stationary variance of c_i / c_1; E[u_1^2 u_i^2] = lambda_1 lambda_i
//     for a Gaussian source, oja_misalignment_floor, and the rows' own for data), whose
//     quantiles are those of a scaled chi-square.
// Where it stops holding: a horizon cut by the budget before the relaxation (very small eta
// with a large batch), a data set whose bulk is far from isotropic (the norm's band before
// alignment), large eta (oja's fixed point itself moves), and hetero with w_ref != 0 (no band).
//
// Recurrent (decay, alpha > 0). With k = 1 - eta alpha and W_0 = 0,
//     alpha W_t - C = -k^t C + eta alpha sum_{s<t} k^s (X_{t-1-s} - C),
// X the batch's second moment. The sum is a sum of many independent terms: for Gaussian
// inputs it is nearly a Gaussian symmetric matrix with Cov(M_ij, M_kl) = g (C_ik C_jl + C_il C_jk),
// g = eta alpha (1 - k^(2t)) / ((2 - eta alpha) B). In the eigenbasis of C,
//     |alpha W_t - C|_F^2 = g sum_{a != b} lambda_a lambda_b z_ab^2 + sum_a lambda_a^2 (sqrt(2 g) z_a - k^t)^2 ,
// a weighted sum of chi-squares with mean  g ((tr C)^2 + |C|_F^2) + k^(2t) |C|_F^2  and variance
// 4 g^2 (|C|_F^4 + sum lambda^4) + 8 g k^(2t) sum lambda^4. Its quantiles are those of a scaled
// chi-square with that mean and variance (Satterthwaite), by Wilson and Hilferty's formula.
// For a data set the mean's sampling term uses the rows' own E|x|^4 - |C|_F^2 instead of the
// Gaussian (tr C)^2 + |C|_F^2 (for a Gaussian source the two agree).
// Where it stops holding: eta alpha near 2 (few samples in the sum), heavy-tailed data (the
// variance keeps its Gaussian shape).
#pragma once

#include <Eigen/Dense>
#include <limits>
#include <optional>
#include <vector>

#include "analysis.hpp"
#include "feedforward.hpp"

namespace hebbian {

// 5%, 50% and 95% quantiles of a quantity over single runs.
struct Quantiles {
    double low = 0.0, typical = 0.0, high = 0.0;
    bool contains(double value) const { return value >= low && value <= high; }
};

// The standard normal's 95% quantile: a 90% band is the median +- 1.645 sigma.
constexpr double kNormal95 = 1.6448536269514722;
// Runs of the reduced model simulated by reset.
constexpr int kForecastRuns = 256;
// Upper bound on runs x steps x batch x (coordinates + 1) simulated by reset.
constexpr double kForecastBudget = 1.5e6;
// The growth factor the appendix calls an explosion (|w_t| > 1000 |w_0|).
constexpr double kExplosionFactor = 1000.0;

// What the feedforward forecast needs to know of a run.
struct FeedforwardForecastSetup {
    FeedforwardParams learning;   // rule, eta, alpha, beta, w_ref
    int batch = 1;
    double init_scale = 0.1;
    const PrincipalComponents* components = nullptr;  // of the covariance as seen by the circuit
    // The data set's rows as the circuit sees them (N x rows), or null for a Gaussian source.
    const Eigen::MatrixXd* rows = nullptr;
    Eigen::VectorXd offset;        // subtracted from each row (empty: none)
    std::uint64_t seed = 1;
};

class FeedforwardForecast {
public:
    FeedforwardForecast() = default;
    // Simulates the reduced model (see above). Leaves the forecast empty for rules it does
    // not cover (bcm, hetero with w_ref != 0).
    explicit FeedforwardForecast(const FeedforwardForecastSetup& setup);

    bool empty() const { return grid_.empty(); }
    // |w_1| and |cos(w_1, PC1)| after `steps` steps (the norm NaN where there is no band; see above).
    Quantiles norm(double steps) const;
    Quantiles alignment(double steps) const;
    // The step at which |w| first passes kExplosionFactor |w_0| (none when most runs never do).
    const std::optional<Quantiles>& explosion_step() const { return explosion_; }
    // The last step simulated; beyond it the band follows the closed forms above.
    double horizon() const { return grid_.empty() ? 0.0 : grid_.back(); }

private:
    std::vector<double> grid_;                       // steps at which quantiles were kept
    std::vector<Quantiles> log_norm_, alignment_;    // log |w| and |cos| at each grid step
    bool random_walk_ = false;                       // hebb, decay: log |w| drifts past the horizon
    bool settled_ = true;                            // the direction's quantiles had stopped moving by the horizon
    bool norm_settled_ = true;                       // the norm's band holds past the horizon
    // Not settled: each run's parts of tan^2 at the horizon (component-major), each part's
    // factor a step, and each run's draw of the stationary floor.
    std::vector<double> tan2_parts_, shrinks_, floor_draws_;
    double drift_ = 0.0, step_variance_ = 0.0;       // of log |m| per step
    std::optional<Quantiles> explosion_;
};

// Component i's share of the stationary misalignment (below): (eta / 2) lambda_1 lambda_i / (lambda_1 - lambda_i).
double misalignment_weight(const Eigen::VectorXd& values, Eigen::Index i, double eta);

// 1 - cos^2(w, PC1) that Oja's rule settles at for small eta on inputs with eigenvalues
// `values` (descending): sum_{i>1} (eta / 2) lambda_1 lambda_i / (lambda_1 - lambda_i),
// the stationary variance of w's components off PC1 relative to its PC1 part, from the
// linearised update. Infinite when lambda_1 = lambda_2.
double oja_misalignment_floor(const Eigen::VectorXd& values, double eta);

// Sanger with k > 1 outputs: the stationary band of the subspace alignment (the mean squared
// cosine of the principal angles between W's rows and PCs 1..k). Row i settles on PC_i with a
// small part along each PC_j outside the subspace, of stationary variance
// rho_ij = (eta / 2B) E[u_i^2 u_j^2] / (lambda_i - lambda_j) (the linearised update, as for
// Oja's floor; E[u_i^2 u_j^2] = lambda_i lambda_j for a Gaussian source, the data's own
// otherwise), so 1 - alignment ~ (1/k) sum_{i<=k<j} rho_ij z_ij^2, a weighted sum of
// chi-squares (Satterthwaite). It holds once the rows have grown and turned into the
// subspace: from `start`, the steps for the mean field's growth from init_scale sqrt(N) to 1
// at rate eta lambda_k and its out-of-subspace part's fall to the floor at rate
// eta (lambda_k - lambda_{k+1}). Not before, and not for eigenvalues that tie
// across the subspace's edge (lambda_k = lambda_{k+1}: no band).
struct SubspaceForecast {
    Quantiles alignment;                                         // stationary 5-50-95%
    double start = std::numeric_limits<double>::infinity();     // the step it holds from
    bool empty() const { return !std::isfinite(start); }
};
SubspaceForecast subspace_forecast(const PrincipalComponents& components, int outputs, double eta, int batch,
                                   double init_scale, const Eigen::MatrixXd* rows, const Eigen::VectorXd& offset);

// The recurrent relative error |alpha W_t - C|_F / |C|_F of one run (see above).
struct RecurrentForecast {
    double eta = 0.0, alpha = 0.0;
    int batch = 1;
    double frobenius2 = 0.0;       // |C|_F^2
    double sampling2 = 0.0;        // Gaussian: (tr C)^2 + |C|_F^2; data: E|x|^4 - |C|_F^2
    double fourth = 0.0;           // sum of lambda^4
    Quantiles relative_error(double steps) const;
};
// Eigenvalues of C, and the data set's rows as seen (null for a Gaussian source).
RecurrentForecast recurrent_forecast(const Eigen::VectorXd& values, double eta, double alpha, int batch,
                                     const Eigen::MatrixXd* rows = nullptr, const Eigen::VectorXd* offset = nullptr);

// The p-quantile of a scaled chi-square with the given mean and variance (Satterthwaite;
// Wilson and Hilferty's cube-root normal approximation), z the standard normal quantile.
double scaled_chi_square_quantile(double mean, double variance, double z);

}  // namespace hebbian
