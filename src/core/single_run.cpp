// The theory of one run (derivations in single_run.hpp).
#include "single_run.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "portable_math.hpp"
#include "random.hpp"

namespace hebbian {

namespace {

constexpr int kExplicitComponents = 4;
constexpr int kGridPoints = 48;
constexpr double kQuantileLow = 0.05, kQuantileHigh = 0.95;
// Rescale a linear run (hebb, decay) when its weights leave [1e-100, 1e100].
constexpr double kRescaleAbove = 1e100, kRescaleBelow = 1e-100;

// The p-quantile of `values` (sorted in place), linear between order statistics.
double quantile_of_sorted(const std::vector<double>& sorted, double p) {
    const double at = p * static_cast<double>(sorted.size() - 1);
    const size_t below = static_cast<size_t>(std::floor(at));
    const size_t above = std::min(below + 1, sorted.size() - 1);
    const double frac = at - static_cast<double>(below);
    if (frac == 0.0 || sorted[above] == sorted[below]) return sorted[below];
    return sorted[below] + frac * (sorted[above] - sorted[below]);
}

Quantiles quantiles_of(std::vector<double>& values) {
    std::sort(values.begin(), values.end());
    return {quantile_of_sorted(values, kQuantileLow), quantile_of_sorted(values, 0.5),
            quantile_of_sorted(values, kQuantileHigh)};
}

// Steps at which the quantiles are kept: 0, then denser early (quadratic spacing) up to the horizon.
std::vector<double> grid_steps(long long horizon) {
    std::vector<double> grid{0.0};
    for (int g = 1; g <= kGridPoints; ++g) {
        const double f = static_cast<double>(g) / kGridPoints;
        const double step = std::max(1.0, std::round(static_cast<double>(horizon) * f * f));
        if (step > grid.back()) grid.push_back(step);
    }
    return grid;
}

// Chi-square with `dof` degrees of freedom from a standard normal z (Wilson and Hilferty).
double chi_square_from_normal(double dof, double z) {
    if (dof <= 0.0) return 0.0;
    const double c = 2.0 / (9.0 * dof);
    const double base = std::max(0.0, 1.0 - c + z * std::sqrt(c));
    return dof * base * base * base;
}

// Interpolates the quantiles kept at the grid steps (clamped at both ends).
Quantiles interpolate(const std::vector<double>& grid, const std::vector<Quantiles>& kept, double steps) {
    if (steps <= grid.front()) return kept.front();
    if (steps >= grid.back()) return kept.back();
    const size_t above = static_cast<size_t>(std::upper_bound(grid.begin(), grid.end(), steps) - grid.begin());
    const size_t below = above - 1;
    const double f = (steps - grid[below]) / (grid[above] - grid[below]);
    auto mix = [f](double a, double b) { return a + f * (b - a); };
    return {mix(kept[below].low, kept[above].low), mix(kept[below].typical, kept[above].typical),
            mix(kept[below].high, kept[above].high)};
}

// The samples of the reduced model, projected on the top m components (u) with the rest of
// each sample split into its projection on the bulk weights (s) and an orthogonal part (p).
class ReducedSamples {
public:
    ReducedSamples(const FeedforwardForecastSetup& setup, int m) : m_(m) {
        const PrincipalComponents& pcs = *setup.components;
        const Eigen::Index n = pcs.values.size();
        bulk_dims_ = static_cast<int>(n) - m;
        sd_.resize(m);
        for (int i = 0; i < m; ++i) sd_(i) = std::sqrt(std::max(pcs.values(i), 0.0));
        if (bulk_dims_ > 0)
            bulk_variance_ = std::max(0.0, pcs.values.tail(bulk_dims_).sum() / bulk_dims_);
        if (setup.rows) {
            // The rows minus the offset o, without a copy: V^T (x - o) and |x - o|^2 = |x|^2 - 2 x.o + |o|^2.
            const Eigen::MatrixXd& rows = *setup.rows;
            const Eigen::MatrixXd basis = pcs.vectors.leftCols(m);
            projected_ = basis.transpose() * rows;
            Eigen::VectorXd norm2 = rows.colwise().squaredNorm().transpose();
            if (setup.offset.size() == rows.rows()) {
                projected_.colwise() -= basis.transpose() * setup.offset;
                norm2 += (setup.offset.squaredNorm() - 2.0 * (rows.transpose() * setup.offset).array()).matrix();
            }
            residual2_ = (norm2 - projected_.colwise().squaredNorm().transpose()).cwiseMax(0.0);
        }
    }
    int bulk_dims() const { return bulk_dims_; }
    // Normal numbers one sample needs from the stream.
    int normals() const { return rows() ? (bulk_dims_ > 0 ? 1 : 0) : m_ + (bulk_dims_ > 0 ? 1 : 0); }
    // Fills u (m) and returns s and p (bulk) for one sample, from `z` (normals()) and rng (a row).
    void draw(Rng& rng, const double* z, double* u, double& s, double& p) const {
        if (rows()) {
            const Eigen::Index row = static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(projected_.cols())));
            for (int i = 0; i < m_; ++i) u[i] = projected_(i, row);
            if (bulk_dims_ > 0) {
                const double r2 = residual2_(row);
                s = std::sqrt(r2 / bulk_dims_) * z[0];
                p = std::max(0.0, r2 - s * s);
            } else {
                s = p = 0.0;
            }
            return;
        }
        for (int i = 0; i < m_; ++i) u[i] = sd_(i) * z[i];
        if (bulk_dims_ > 0) {
            s = std::sqrt(bulk_variance_) * z[m_];
            p = bulk_variance_ * (bulk_dims_ - 1);
        } else {
            s = p = 0.0;
        }
    }
    // (v_1 . x)^2 of one sample.
    double pc1_square(Rng& rng, double z) const {
        if (rows()) {
            const Eigen::Index row = static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(projected_.cols())));
            return projected_(0, row) * projected_(0, row);
        }
        return sd_(0) * sd_(0) * z * z;
    }

private:
    bool rows() const { return projected_.cols() > 0; }
    int m_;
    int bulk_dims_ = 0;
    double bulk_variance_ = 0.0;
    Eigen::VectorXd sd_;
    Eigen::MatrixXd projected_;  // m x rows
    Eigen::VectorXd residual2_;  // per row
};

// One run of the reduced model: the explicit components c, the bulk norm b, and a log scale
// (hebb and decay are linear in w, so their state is kept rescaled).
struct ReducedRun {
    double c[kExplicitComponents] = {0, 0, 0, 0};
    double b = 0.0;
    double log_scale = 0.0;
    double log_norm() const {
        double sum = b * b;
        for (double ci : c) sum += ci * ci;
        if (!(sum > 0.0)) return -std::numeric_limits<double>::infinity();
        if (!std::isfinite(sum)) return std::numeric_limits<double>::infinity();
        return log_scale + 0.5 * portable_log(sum);
    }
    double alignment() const {
        double sum = b * b;
        for (double ci : c) sum += ci * ci;
        return sum > 0.0 ? std::fabs(c[0]) / std::sqrt(sum) : 0.0;
    }
};

}  // namespace

FeedforwardForecast::FeedforwardForecast(const FeedforwardForecastSetup& setup) {
    const FeedforwardParams& learning = setup.learning;
    Rule rule = learning.rule;
    if (rule == Rule::Sanger) rule = Rule::Oja;  // Sanger's first row learns exactly as Oja
    if (rule == Rule::Bcm || (rule == Rule::Heterosynaptic && learning.w_ref != 0.0)) return;
    const PrincipalComponents& pcs = *setup.components;
    const Eigen::Index n = pcs.values.size();
    if (n < 1 || !(pcs.values(0) > 0.0)) return;
    const int m = static_cast<int>(std::min<Eigen::Index>(n, kExplicitComponents));
    const ReducedSamples samples(setup, m);
    const double eta = learning.eta, lambda1 = pcs.values(0);
    const int batch = setup.batch;
    const double per_sample = eta / batch;
    const bool linear = rule == Rule::Hebb || rule == Rule::Decay;
    const double alpha = rule == Rule::Decay ? learning.alpha : 0.0;

    // The horizon: a few relaxation times of the norm and of the direction, within the budget.
    const double gap = n > 1 ? lambda1 - pcs.values(1) : lambda1;
    const double norm_time = 1.0 / (eta * lambda1);
    const double direction_time = gap > 0.0 ? 1.0 / (eta * gap) : std::numeric_limits<double>::infinity();
    const double wanted = std::max(8.0 * norm_time, direction_time * (2.0 + 0.5 * portable_log(n / eta + 1.0)));
    const double affordable = kForecastBudget / (double(kForecastRuns) * batch * (m + 2));
    const long long horizon = static_cast<long long>(std::max(1.0, std::min(wanted, affordable)));
    grid_ = grid_steps(horizon);

    Rng rng(setup.seed ^ 0x5851F42D4C957F2DULL);
    const int normals_per_sample = samples.normals();
    std::vector<double> z(static_cast<size_t>(std::max(1, batch * normals_per_sample)));
    std::vector<double> u(static_cast<size_t>(batch) * m), s(static_cast<size_t>(batch)), p(static_cast<size_t>(batch)),
        y(static_cast<size_t>(batch));
    std::vector<std::vector<double>> log_norms(grid_.size(), std::vector<double>(kForecastRuns)),
        alignments(grid_.size(), std::vector<double>(kForecastRuns));
    std::vector<double> explosion(kForecastRuns, std::numeric_limits<double>::infinity());
    std::vector<double> final_growth(kForecastRuns);
    const double explosion_log = portable_log(kExplosionFactor);

    for (int r = 0; r < kForecastRuns; ++r) {
        ReducedRun run;
        double w0[kExplicitComponents + 1];
        rng.fill_normal(w0, static_cast<size_t>(m + 1));
        for (int i = 0; i < m; ++i) run.c[i] = setup.init_scale * w0[i];
        if (samples.bulk_dims() > 0)
            run.b = setup.init_scale * std::sqrt(chi_square_from_normal(samples.bulk_dims(), w0[m]));
        const double log_norm0 = run.log_norm();
        size_t next_grid = 0;
        for (long long t = 0; t <= horizon; ++t) {
            if (next_grid < grid_.size() && static_cast<double>(t) == grid_[next_grid]) {
                log_norms[next_grid][static_cast<size_t>(r)] = run.log_norm();
                alignments[next_grid][static_cast<size_t>(r)] = run.alignment();
                ++next_grid;
            }
            if (t == horizon) break;
            if (normals_per_sample > 0) rng.fill_normal(z.data(), z.size());
            double mean_y2 = 0.0, mean_y4 = 0.0;
            for (int j = 0; j < batch; ++j) {
                double* uj = &u[static_cast<size_t>(j) * m];
                samples.draw(rng, &z[static_cast<size_t>(j * normals_per_sample)], uj, s[j], p[j]);
                double yj = run.b * s[j];
                for (int i = 0; i < m; ++i) yj += run.c[i] * uj[i];
                y[j] = yj;
                mean_y2 += yj * yj;
                mean_y4 += yj * yj * yj * yj;
            }
            mean_y2 /= batch;
            mean_y4 /= batch;
            double a = 1.0;
            if (rule == Rule::Decay) a = 1.0 - eta * alpha;
            else if (rule == Rule::Oja) a = 1.0 - eta * mean_y2;
            else if (rule == Rule::Heterosynaptic) a = 1.0 - eta * learning.beta * mean_y4;
            double along = a * run.b, across = 0.0;
            double next[kExplicitComponents];
            for (int i = 0; i < m; ++i) next[i] = a * run.c[i];
            for (int j = 0; j < batch; ++j) {
                const double* uj = &u[static_cast<size_t>(j) * m];
                for (int i = 0; i < m; ++i) next[i] += per_sample * y[j] * uj[i];
                along += per_sample * y[j] * s[j];
                across += per_sample * per_sample * y[j] * y[j] * p[j];
            }
            for (int i = 0; i < m; ++i) run.c[i] = next[i];
            run.b = std::sqrt(along * along + across);
            const double norm_now = run.log_norm();
            if (!std::isfinite(norm_now)) break;  // a nonlinear rule blown up: the run stops, as the real one does
            if (std::isinf(explosion[static_cast<size_t>(r)]) && norm_now - log_norm0 > explosion_log)
                explosion[static_cast<size_t>(r)] = static_cast<double>(t + 1);
            if (linear) {
                const double size = portable_exp(norm_now - run.log_scale);
                if (size > kRescaleAbove || size < kRescaleBelow) {
                    for (int i = 0; i < m; ++i) run.c[i] /= size;
                    run.b /= size;
                    run.log_scale += portable_log(size);
                }
            }
        }
        for (size_t g = next_grid; g < grid_.size(); ++g) {  // stopped early: blown up
            log_norms[g][static_cast<size_t>(r)] = std::numeric_limits<double>::infinity();
            alignments[g][static_cast<size_t>(r)] = alignments[next_grid ? next_grid - 1 : 0][static_cast<size_t>(r)];
        }
        final_growth[static_cast<size_t>(r)] = log_norms.back()[static_cast<size_t>(r)] - log_norm0;
    }
    log_norm_.resize(grid_.size());
    alignment_.resize(grid_.size());
    for (size_t g = 0; g < grid_.size(); ++g) {
        log_norm_[g] = quantiles_of(log_norms[g]);
        alignment_[g] = quantiles_of(alignments[g]);
    }

    // Past the horizon, hebb and decay: log |w| as a random walk with the PC1 factor's drift.
    if (linear) {
        random_walk_ = true;
        Rng moments_rng(setup.seed ^ 0x2545F4914F6CDD1DULL);
        constexpr int kDraws = 8192;
        std::vector<double> zz(static_cast<size_t>(batch));
        double sum = 0.0, sum2 = 0.0;
        for (int d = 0; d < kDraws; ++d) {
            moments_rng.fill_normal(zz.data(), zz.size());
            double q = 0.0;
            for (int j = 0; j < batch; ++j) q += samples.pc1_square(moments_rng, zz[static_cast<size_t>(j)]);
            const double factor = std::fabs(1.0 + eta * (q / batch - alpha));
            const double step = factor > 0.0 ? portable_log(factor) : -745.0;
            sum += step;
            sum2 += step * step;
        }
        drift_ = sum / kDraws;
        step_variance_ = std::max(0.0, sum2 / kDraws - drift_ * drift_);
        // Runs that have not exploded by the horizon do so when their drift carries them there.
        for (int r = 0; r < kForecastRuns; ++r) {
            double& when = explosion[static_cast<size_t>(r)];
            if (std::isinf(when) && drift_ > 0.0 && std::isfinite(final_growth[static_cast<size_t>(r)]))
                when = static_cast<double>(horizon) + (explosion_log - final_growth[static_cast<size_t>(r)]) / drift_;
        }
    }
    const Quantiles window = quantiles_of(explosion);
    if (std::isfinite(window.typical)) explosion_ = window;
}

Quantiles FeedforwardForecast::norm(double steps) const {
    if (grid_.empty()) return {};
    Quantiles q = interpolate(grid_, log_norm_, steps);
    const double beyond = steps - grid_.back();
    if (random_walk_ && beyond > 0.0) {
        const double spread = kNormal95 * kNormal95 * step_variance_ * beyond;
        const double low = q.typical - q.low, high = q.high - q.typical;
        q.typical += drift_ * beyond;
        q.low = q.typical - std::sqrt(low * low + spread);
        q.high = q.typical + std::sqrt(high * high + spread);
    }
    return {portable_exp(q.low), portable_exp(q.typical), portable_exp(q.high)};
}

Quantiles FeedforwardForecast::alignment(double steps) const {
    if (grid_.empty()) return {};
    return interpolate(grid_, alignment_, steps);
}

double oja_misalignment_floor(const Eigen::VectorXd& values, double eta) {
    double floor = 0.0;
    for (Eigen::Index i = 1; i < values.size(); ++i) {
        const double gap = values(0) - values(i);
        if (!(gap > 0.0)) return std::numeric_limits<double>::infinity();
        floor += 0.5 * eta * values(0) * values(i) / gap;
    }
    return floor;
}

RecurrentForecast recurrent_forecast(const Eigen::VectorXd& values, double eta, double alpha, int batch,
                                     const Eigen::MatrixXd* rows, const Eigen::VectorXd* offset) {
    RecurrentForecast f;
    f.eta = eta;
    f.alpha = alpha;
    f.batch = batch;
    f.frobenius2 = values.squaredNorm();
    f.fourth = values.array().square().square().sum();
    const double trace = values.sum();
    f.sampling2 = trace * trace + f.frobenius2;
    if (rows && rows->cols() > 0) {
        double fourth_moment = 0.0;  // E |x|^4 over the rows
        for (Eigen::Index r = 0; r < rows->cols(); ++r) {
            const double norm2 =
                offset && offset->size() == rows->rows() ? (rows->col(r) - *offset).squaredNorm() : rows->col(r).squaredNorm();
            fourth_moment += norm2 * norm2;
        }
        f.sampling2 = std::max(0.0, fourth_moment / static_cast<double>(rows->cols()) - f.frobenius2);
    }
    return f;
}

double scaled_chi_square_quantile(double mean, double variance, double z) {
    if (!(variance > 0.0)) return mean;
    const double dof = 2.0 * mean * mean / variance;
    const double scale = variance / (2.0 * mean);
    return scale * chi_square_from_normal(dof, z);
}

Quantiles RecurrentForecast::relative_error(double steps) const {
    const double rate = eta * alpha;
    if (!(rate > 0.0 && rate < 2.0) || !(frobenius2 > 0.0)) return {};
    const double keep = std::fabs(1.0 - rate);
    const double keep2 = keep > 0.0 ? portable_exp(2.0 * steps * portable_log(keep)) : 0.0;
    const double g = rate * (1.0 - keep2) / ((2.0 - rate) * batch);
    const double mean = (g * sampling2 + keep2 * frobenius2) / frobenius2;
    const double variance =
        (4.0 * g * g * (frobenius2 * frobenius2 + fourth) + 8.0 * g * keep2 * fourth) / (frobenius2 * frobenius2);
    return {std::sqrt(scaled_chi_square_quantile(mean, variance, -kNormal95)),
            std::sqrt(scaled_chi_square_quantile(mean, variance, 0.0)),
            std::sqrt(scaled_chi_square_quantile(mean, variance, kNormal95))};
}

}  // namespace hebbian
