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
constexpr int kExtensionPoints = 12;
// Relaxation times 1 / (eta lambda_1) of the norm a horizon must span for Oja's and hetero's band to hold past it.
constexpr double kNormRelaxations = 4.0;  // grid points added each time the horizon grows
constexpr double kQuantileLow = 0.05, kQuantileHigh = 0.95;
// Rescale a linear run (hebb, decay) when |w| leaves [1e-100, 1e100].
constexpr double kRescaleAbove = 1e200, kRescaleBelow = 1e-200;  // on |w|^2

// The p-quantile of `values` (reordered in place), linear between order statistics.
double quantile_of(std::vector<double>& values, double p) {
    const double at = p * static_cast<double>(values.size() - 1);
    const auto below = static_cast<std::ptrdiff_t>(std::floor(at));
    std::nth_element(values.begin(), values.begin() + below, values.end());
    const double low = values[static_cast<size_t>(below)];
    const double frac = at - static_cast<double>(below);
    if (frac == 0.0 || below + 1 >= static_cast<std::ptrdiff_t>(values.size())) return low;
    // The next order statistic is the smallest of the values above it.
    const double high = *std::min_element(values.begin() + below + 1, values.end());
    return high == low ? low : low + frac * (high - low);
}

Quantiles quantiles_of(std::vector<double>& values) {
    const double low = quantile_of(values, kQuantileLow), typical = quantile_of(values, 0.5);
    return {low, typical, quantile_of(values, kQuantileHigh)};
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
    double bulk_variance() const { return bulk_variance_; }
    // One sample for each of `runs` runs: u (m x runs, component-major), s and p (runs).
    void draw(Rng& rng, int runs, std::vector<double>& z, double* u, double* s, double* p) const {
        const size_t count = static_cast<size_t>(runs);
        if (rows()) {
            if (bulk_dims_ > 0) rng.fill_normal(z.data(), count);
            for (size_t r = 0; r < count; ++r) {
                const Eigen::Index row =
                    static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(projected_.cols())));
                for (int i = 0; i < m_; ++i) u[static_cast<size_t>(i) * count + r] = projected_(i, row);
                if (bulk_dims_ > 0) {
                    const double r2 = residual2_(row);
                    s[r] = std::sqrt(r2 / bulk_dims_) * z[r];
                    p[r] = std::max(0.0, r2 - s[r] * s[r]);
                } else {
                    s[r] = p[r] = 0.0;
                }
            }
            return;
        }
        const int normals = m_ + (bulk_dims_ > 0 ? 1 : 0);
        rng.fill_normal(z.data(), count * static_cast<size_t>(normals));
        for (int i = 0; i < m_; ++i)
            for (size_t r = 0; r < count; ++r) u[static_cast<size_t>(i) * count + r] = sd_(i) * z[static_cast<size_t>(i) * count + r];
        const double bulk_sd = std::sqrt(bulk_variance_), rest = bulk_variance_ * (bulk_dims_ - 1);
        for (size_t r = 0; r < count; ++r) {
            s[r] = bulk_dims_ > 0 ? bulk_sd * z[static_cast<size_t>(m_) * count + r] : 0.0;
            p[r] = bulk_dims_ > 0 ? rest : 0.0;
        }
    }
    // E[u_1^2 u_i^2], the variance of the noise u_i u_1 that pushes w off PC1 along component i
    // (lambda_1 lambda_i for a Gaussian source; the rows' own for data).
    double cross_moment(const Eigen::VectorXd& values, Eigen::Index i) const {
        if (!rows() || i >= m_) return values(0) * values(i);
        return (projected_.row(0).array().square() * projected_.row(i).array().square()).mean();
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

// Whether the runs' quantiles have stopped moving: those of log(1 - |cos|) and of log |w| at
// grid step `last` within a fifth of their band's width of those at the grid step nearest
// three quarters of it.
struct Settling {
    bool direction = false, norm = false;
};
Settling settled(const std::vector<double>& grid, size_t last, const std::vector<std::vector<double>>& log_norms,
                 const std::vector<std::vector<double>>& alignments) {
    size_t earlier = last;
    while (earlier > 0 && grid[earlier] > 0.75 * grid[last]) --earlier;
    auto close = [](std::vector<double> now, std::vector<double> before) {
        const Quantiles a = quantiles_of(now), b = quantiles_of(before);
        if (!std::isfinite(a.low) || !std::isfinite(a.high) || !std::isfinite(b.low) || !std::isfinite(b.high))
            return true;  // blown-up runs: nothing to wait for
        const double tolerance = 0.2 * (a.high - a.low) + 1e-12;
        return std::fabs(a.low - b.low) <= tolerance && std::fabs(a.high - b.high) <= tolerance &&
               std::fabs(a.typical - b.typical) <= tolerance;
    };
    auto misalignment = [](std::vector<double> cosines) {
        for (double& c : cosines) c = portable_log(std::max(1.0 - c, 1e-300));
        return cosines;
    };
    return {close(misalignment(alignments[last]), misalignment(alignments[earlier])),
            close(log_norms[last], log_norms[earlier])};
}

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
    long long horizon = static_cast<long long>(std::max(1.0, std::min(wanted, affordable)));
    grid_ = grid_steps(horizon);

    // The runs side by side: component i of run r at c[i * runs + r].
    constexpr int runs = kForecastRuns;
    constexpr size_t count = static_cast<size_t>(runs);
    Rng rng(setup.seed ^ 0x5851F42D4C957F2DULL);
    std::vector<double> c(count * m), b(count), log_scale(count, 0.0), log_norm0(count);
    {
        std::vector<double> z(count * (m + 1));
        rng.fill_normal(z.data(), z.size());
        for (size_t k = 0; k < count * m; ++k) c[k] = setup.init_scale * z[k];
        for (size_t r = 0; r < count; ++r)
            b[r] = samples.bulk_dims() > 0
                       ? setup.init_scale * std::sqrt(chi_square_from_normal(samples.bulk_dims(), z[count * m + r]))
                       : 0.0;
    }
    auto squared_norm = [&](size_t r) {
        double sum = b[r] * b[r];
        for (int i = 0; i < m; ++i) sum += c[static_cast<size_t>(i) * count + r] * c[static_cast<size_t>(i) * count + r];
        return sum;
    };
    auto log_norm = [&](size_t r) {
        const double sum = squared_norm(r);
        if (!(sum > 0.0)) return -std::numeric_limits<double>::infinity();
        if (!std::isfinite(sum)) return std::numeric_limits<double>::infinity();
        return log_scale[r] + 0.5 * portable_log(sum);
    };
    // Explosion: |w|^2 past this (in the run's current scale); infinity once it has exploded.
    std::vector<double> explosion_bar(count), explosion(count, std::numeric_limits<double>::infinity());
    for (size_t r = 0; r < count; ++r) {
        log_norm0[r] = log_norm(r);
        explosion_bar[r] = kExplosionFactor * kExplosionFactor * squared_norm(r);
    }

    std::vector<std::vector<double>> log_norms(grid_.size(), std::vector<double>(count)),
        alignments(grid_.size(), std::vector<double>(count));
    std::vector<double> z(count * (m + 1)), u(count * m), s(count), p(count), y(count);
    std::vector<double> pull(count * m), along(count), across(count), y2(count), y4(count), gain(count), sums(count);
    std::vector<char> stopped(count, 0);  // a nonlinear rule blown up: the run stops, as the real one does
    size_t next_grid = 0;
    for (long long t = 0;; ++t) {
        if (next_grid < grid_.size() && static_cast<double>(t) == grid_[next_grid]) {
            for (size_t r = 0; r < count; ++r) {
                const double sum = squared_norm(r);
                log_norms[next_grid][r] = stopped[r] ? std::numeric_limits<double>::infinity() : log_norm(r);
                if (!stopped[r]) alignments[next_grid][r] = sum > 0.0 ? std::fabs(c[r]) / std::sqrt(sum) : 0.0;
                else alignments[next_grid][r] = next_grid > 0 ? alignments[next_grid - 1][r] : 0.0;
            }
            ++next_grid;
        }
        if (t == horizon) {
            // Stationary yet? Otherwise go on by half the horizon while the budget allows.
            const double longer = std::max(static_cast<double>(horizon) + 1.0, std::floor(1.5 * static_cast<double>(horizon)));
            const Settling now = settled(grid_, next_grid - 1, log_norms, alignments);
            settled_ = now.direction;
            if ((settled_ && (linear || now.norm)) || longer > affordable) break;
            for (int g = 1; g <= kExtensionPoints; ++g) {
                const double step = std::round(static_cast<double>(horizon) +
                                               (longer - static_cast<double>(horizon)) * g / kExtensionPoints);
                if (step > grid_.back()) grid_.push_back(step);
            }
            log_norms.resize(grid_.size(), std::vector<double>(count));
            alignments.resize(grid_.size(), std::vector<double>(count));
            horizon = static_cast<long long>(longer);
        }
        std::fill(pull.begin(), pull.end(), 0.0);
        std::fill(along.begin(), along.end(), 0.0);
        std::fill(across.begin(), across.end(), 0.0);
        std::fill(y2.begin(), y2.end(), 0.0);
        std::fill(y4.begin(), y4.end(), 0.0);
        for (int j = 0; j < batch; ++j) {
            samples.draw(rng, runs, z, u.data(), s.data(), p.data());
            for (size_t r = 0; r < count; ++r) y[r] = b[r] * s[r];
            for (int i = 0; i < m; ++i)
                for (size_t r = 0; r < count; ++r) y[r] += c[static_cast<size_t>(i) * count + r] * u[static_cast<size_t>(i) * count + r];
            for (int i = 0; i < m; ++i)
                for (size_t r = 0; r < count; ++r) pull[static_cast<size_t>(i) * count + r] += y[r] * u[static_cast<size_t>(i) * count + r];
            for (size_t r = 0; r < count; ++r) {
                const double yy = y[r] * y[r];
                along[r] += y[r] * s[r];
                across[r] += yy * p[r];
                y2[r] += yy;
                y4[r] += yy * yy;
            }
        }
        // w' = a w + (eta / B) sum_j y_j x_j, with the rule's a (see the header).
        if (rule == Rule::Decay) std::fill(gain.begin(), gain.end(), 1.0 - eta * alpha);
        else if (rule == Rule::Oja) for (size_t r = 0; r < count; ++r) gain[r] = 1.0 - per_sample * y2[r];
        else if (rule == Rule::Heterosynaptic)
            for (size_t r = 0; r < count; ++r) gain[r] = 1.0 - per_sample * learning.beta * y4[r];
        else std::fill(gain.begin(), gain.end(), 1.0);
        for (int i = 0; i < m; ++i) {
            double* ci = &c[static_cast<size_t>(i) * count];
            const double* pi = &pull[static_cast<size_t>(i) * count];
            for (size_t r = 0; r < count; ++r) ci[r] = gain[r] * ci[r] + per_sample * pi[r];
        }
        if (samples.bulk_dims() > 0)
            for (size_t r = 0; r < count; ++r) {
                const double bulk_along = gain[r] * b[r] + per_sample * along[r];
                b[r] = std::sqrt(bulk_along * bulk_along + per_sample * per_sample * across[r]);
            }
        for (size_t r = 0; r < count; ++r) sums[r] = b[r] * b[r];
        for (int i = 0; i < m; ++i) {
            const double* ci = &c[static_cast<size_t>(i) * count];
            for (size_t r = 0; r < count; ++r) sums[r] += ci[r] * ci[r];
        }
        for (size_t r = 0; r < count; ++r) {
            const double sum = sums[r];
            // Most steps pass none of the checks below.
            if (sum <= explosion_bar[r] && sum <= kRescaleAbove && sum >= kRescaleBelow) continue;
            if (stopped[r]) continue;
            if (!std::isfinite(sum)) {
                stopped[r] = 1;
                continue;
            }
            if (sum > explosion_bar[r]) {
                explosion[r] = static_cast<double>(t + 1);
                explosion_bar[r] = std::numeric_limits<double>::infinity();
            }
            if (linear && (sum > kRescaleAbove || sum < kRescaleBelow) && sum > 0.0) {
                const double size = std::sqrt(sum);
                for (int i = 0; i < m; ++i) c[static_cast<size_t>(i) * count + r] /= size;
                b[r] /= size;
                log_scale[r] += portable_log(size);
                explosion_bar[r] /= sum;
            }
        }
    }
    // Oja's and hetero's norm band holds past the horizon once the horizon spans a few of the
    // norm's relaxation times; hebb's and decay's goes on as a random walk.
    norm_settled_ = linear || static_cast<double>(horizon) >= kNormRelaxations * norm_time;
    const double explosion_log = portable_log(kExplosionFactor);
    std::vector<double> final_growth(count);
    for (size_t r = 0; r < count; ++r) final_growth[r] = log_norms.back()[r] - log_norm0[r];
    log_norm_.resize(grid_.size());
    alignment_.resize(grid_.size());
    for (size_t g = 0; g < grid_.size(); ++g) {
        log_norm_[g] = quantiles_of(log_norms[g]);
        alignment_[g] = quantiles_of(alignments[g]);
    }

    // Past a horizon the budget cut short: each run's direction goes on by the mean field.
    // Component i's part of tan^2 = sum_i (c_i / c_1)^2 shrinks by the squared ratio of its
    // factor to PC1's, ((1 + eta (lambda_i - a)) / (1 + eta (lambda_1 - a)))^2 a step (a = alpha
    // for decay, 0 for hebb, lambda_1 at Oja's and hetero's fixed point; the bulk at lambda_b),
    // while the stationary floor (a draw of its scaled chi-square for each run) grows in as
    // the slowest part fades.
    if (!settled_) {
        const double a = rule == Rule::Decay ? alpha : (linear ? 0.0 : lambda1);
        const int parts = m - 1 + (samples.bulk_dims() > 0 ? 1 : 0);
        auto shrink_of = [&](double lambda) {
            const double ratio = std::fabs((1.0 + eta * (lambda - a)) / (1.0 + eta * (lambda1 - a)));
            return std::max(ratio * ratio, 1e-300);
        };
        shrinks_.clear();
        for (int i = 1; i < m; ++i) shrinks_.push_back(shrink_of(pcs.values(i)));
        if (samples.bulk_dims() > 0) shrinks_.push_back(shrink_of(samples.bulk_variance()));
        tan2_parts_.assign(static_cast<size_t>(parts) * count, 0.0);
        for (size_t r = 0; r < count; ++r) {
            const double c1 = c[r] * c[r];
            for (int k = 0; k < parts; ++k) {
                const double part = k < m - 1 ? c[static_cast<size_t>(k + 1) * count + r] : b[r];
                tan2_parts_[static_cast<size_t>(k) * count + r] =
                    stopped[r] || !(c1 > 0.0) ? std::numeric_limits<double>::infinity() : part * part / c1;
            }
        }
        Eigen::VectorXd weights(n - 1);
        for (Eigen::Index i = 1; i < n; ++i)
            weights(i - 1) = misalignment_weight(pcs.values, i, eta) * samples.cross_moment(pcs.values, i) /
                             (pcs.values(0) * pcs.values(i) * batch);
        const double mean = weights.sum(), variance = 2.0 * weights.squaredNorm();
        floor_draws_.resize(count);
        std::vector<double> zf(count);
        rng.fill_normal(zf.data(), count);
        for (size_t r = 0; r < count; ++r) floor_draws_[r] = scaled_chi_square_quantile(mean, variance, zf[r]);
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
        for (size_t r = 0; r < count; ++r) {
            double& when = explosion[r];
            if (std::isinf(when) && drift_ > 0.0 && std::isfinite(final_growth[r]))
                when = static_cast<double>(horizon) + (explosion_log - final_growth[r]) / drift_;
        }
    }
    const Quantiles window = quantiles_of(explosion);
    if (std::isfinite(window.typical)) explosion_ = window;
}

Quantiles FeedforwardForecast::norm(double steps) const {
    if (grid_.empty()) return {};
    const double beyond = steps - grid_.back();
    if (!norm_settled_ && beyond > 0.0) {
        const double none = std::numeric_limits<double>::quiet_NaN();
        return {none, none, none};
    }
    Quantiles q = interpolate(grid_, log_norm_, steps);
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
    const double beyond = steps - grid_.back();
    if (settled_ || beyond <= 0.0) return interpolate(grid_, alignment_, steps);
    const size_t count = floor_draws_.size();
    std::vector<double> faded(shrinks_.size());
    double slowest = 0.0;
    for (size_t k = 0; k < shrinks_.size(); ++k) {
        faded[k] = portable_exp(beyond * portable_log(shrinks_[k]));
        slowest = std::max(slowest, faded[k]);
    }
    std::vector<double> cosines(count);
    for (size_t r = 0; r < count; ++r) {
        double tan2 = floor_draws_[r] * (1.0 - slowest);
        for (size_t k = 0; k < faded.size(); ++k) tan2 += tan2_parts_[k * count + r] * faded[k];
        cosines[r] = std::isfinite(tan2) ? 1.0 / std::sqrt(1.0 + tan2) : 0.0;
    }
    return quantiles_of(cosines);
}

double misalignment_weight(const Eigen::VectorXd& values, Eigen::Index i, double eta) {
    const double gap = values(0) - values(i);
    if (!(gap > 0.0)) return std::numeric_limits<double>::infinity();
    return 0.5 * eta * values(0) * values(i) / gap;
}

double oja_misalignment_floor(const Eigen::VectorXd& values, double eta) {
    double floor = 0.0;
    for (Eigen::Index i = 1; i < values.size(); ++i) floor += misalignment_weight(values, i, eta);
    return floor;
}

SubspaceForecast subspace_forecast(const PrincipalComponents& pcs, int k, double eta, int batch, double init_scale,
                                   const Eigen::MatrixXd* rows, const Eigen::VectorXd& offset) {
    const Eigen::Index n = pcs.values.size();
    SubspaceForecast forecast;
    if (k < 2 || k >= n) return forecast;
    const double edge = pcs.values(k - 1) - pcs.values(k);
    if (!(edge > 0.0) || !(pcs.values(k - 1) > 0.0)) return forecast;
    // E[u_i^2 u_j^2] from the data's rows (evenly spaced, at most kMomentWork / N^2 of them), or Gaussian.
    Eigen::MatrixXd cross = pcs.values.head(k) * pcs.values.transpose();  // k x N
    constexpr double kMomentWork = 5.0e6;
    if (rows && rows->cols() > 0) {
        const Eigen::Index used = std::min<Eigen::Index>(rows->cols(), static_cast<Eigen::Index>(kMomentWork / double(n * n)));
        if (used >= 256) {
            Eigen::MatrixXd picked(n, used);
            for (Eigen::Index r = 0; r < used; ++r) picked.col(r) = rows->col(r * rows->cols() / used);
            if (offset.size() == n) picked.colwise() -= offset;
            const Eigen::MatrixXd squares = (pcs.vectors.transpose() * picked).array().square().matrix();  // N x used
            cross = squares.topRows(k) * squares.transpose() / static_cast<double>(used);
        }
    }
    double mean = 0.0, sum_squares = 0.0;
    for (int i = 0; i < k; ++i)
        for (Eigen::Index j = k; j < n; ++j) {
            const double rho = 0.5 * eta * cross(i, j) / ((pcs.values(i) - pcs.values(j)) * batch * k);
            mean += rho;
            sum_squares += rho * rho;
        }
    if (!(mean > 0.0)) return forecast;
    const double variance = 2.0 * sum_squares;
    forecast.alignment = {1.0 - scaled_chi_square_quantile(mean, variance, kNormal95),
                          1.0 - scaled_chi_square_quantile(mean, variance, 0.0),
                          1.0 - scaled_chi_square_quantile(mean, variance, -kNormal95)};
    const double growth = portable_log(std::max(M_E, 1.0 / (init_scale * init_scale * n))) / (eta * pcs.values(k - 1));
    const double turn = portable_log(std::max(M_E, 1.0 / mean)) / (eta * edge);
    forecast.start = growth + turn;
    return forecast;
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
