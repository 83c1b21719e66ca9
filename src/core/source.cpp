// Input sources (see source.hpp for the models).
#include "source.hpp"

#include <algorithm>
#include <cmath>

#include "kernels.hpp"

namespace hebbian {

namespace {

constexpr double kPi = 3.14159265358979323846;

bool positive_finite(double v) { return std::isfinite(v) && v > 0.0; }

Eigen::VectorXd spectrum_of(const SourceParams& p) {
    Eigen::VectorXd lambda(p.inputs);
    if (!p.eigenvalues.empty()) {
        for (int i = 0; i < p.inputs; ++i) lambda(i) = p.eigenvalues[static_cast<size_t>(i)];
        return lambda;
    }
    double value = p.lambda1;
    for (int i = 0; i < p.inputs; ++i, value *= p.ratio) lambda(i) = value;
    return lambda;
}

GeneratedImage generated_kind(SourceKind kind) {
    return kind == SourceKind::PinkNoise ? GeneratedImage::PinkNoise : GeneratedImage::DeadLeaves;
}

}  // namespace

bool image_source(SourceKind kind) {
    return kind == SourceKind::DeadLeaves || kind == SourceKind::PinkNoise || kind == SourceKind::Picture;
}

std::string validate(const SourceParams& p) {
    if (!std::isfinite(p.baseline)) return "baseline must be a finite number";
    switch (p.kind) {
        case SourceKind::Gaussian2D:
            if (!positive_finite(p.variance_major)) return "variance_major must be a positive number";
            if (!positive_finite(p.variance_minor)) return "variance_minor must be a positive number";
            if (!std::isfinite(p.angle_deg)) return "angle must be a finite number of degrees";
            return "";
        case SourceKind::Spectrum:
            if (p.inputs < 2 || p.inputs > kMaxInputs)
                return "inputs (N) must be between 2 and " + std::to_string(kMaxInputs);
            if (!p.eigenvalues.empty()) {
                if (static_cast<int>(p.eigenvalues.size()) != p.inputs)
                    return "eigenvalues must list exactly N = " + std::to_string(p.inputs) + " values";
                for (double v : p.eigenvalues)
                    if (!positive_finite(v)) return "eigenvalues must all be positive numbers";
                return "";
            }
            if (!positive_finite(p.lambda1)) return "lambda1 must be a positive number";
            if (!positive_finite(p.ratio) || p.ratio > 1.0) return "ratio must be in (0, 1]";
            if (!(p.lambda1 * std::pow(p.ratio, p.inputs - 1) > 0.0))
                return "lambda1 * ratio^(N-1) underflows to zero; raise ratio or lower N";
            return "";
        case SourceKind::Latent:
            if (p.inputs < 2 || p.inputs > kMaxInputs)
                return "inputs (N) must be between 2 and " + std::to_string(kMaxInputs);
            if (p.signals < 1 || p.signals > p.inputs) return "signals must be between 1 and N";
            if (!positive_finite(p.signal_variance)) return "signal_variance must be a positive number";
            if (!std::isfinite(p.noise_variance) || p.noise_variance < 0.0)
                return "noise_variance must be a number >= 0";
            return "";
        case SourceKind::Dataset:
            if (!p.data) return "the dataset source needs data";
            if (p.data->rows() < 2) return "the data set needs at least 2 rows";
            if (p.data->cols() < 2 || p.data->cols() > kMaxInputs)
                return "the data set needs between 2 and " + std::to_string(kMaxInputs) + " columns";
            if (!p.data->allFinite()) return "the data set contains a value that is not a finite number";
            return "";
        case SourceKind::DeadLeaves:
        case SourceKind::PinkNoise:
            if (std::string why = validate(p.patches); !why.empty()) return why;
            return validate_generated_side(generated_kind(p.kind), p.image_side);
        case SourceKind::Picture:
            if (!p.picture) return "the picture source needs a picture: load an image";
            return validate(*p.picture, p.patches);
    }
    return "unknown source kind";
}

int input_count(const SourceParams& p) {
    if (p.kind == SourceKind::Gaussian2D) return 2;
    if (image_source(p.kind)) return p.patches.side * p.patches.side;
    if (p.kind == SourceKind::Dataset && p.data) return static_cast<int>(p.data->cols());
    return p.inputs;
}

InputSource::InputSource(const SourceParams& p, Rng& rng) {
    switch (p.kind) {
        case SourceKind::Gaussian2D: {
            const double a = p.angle_deg * kPi / 180.0;
            const double c = std::cos(a), s = std::sin(a);
            const double major = std::sqrt(p.variance_major), minor = std::sqrt(p.variance_minor);
            mixing_.resize(2, 2);
            mixing_ << c * major, -s * minor, s * major, c * minor;
            latent_dim_ = 2;
            break;
        }
        case SourceKind::Spectrum: {
            scale_ = spectrum_of(p).cwiseSqrt();
            rotation_.emplace(p.inputs, rng);
            mixing_ = rotation_->matrix() * scale_.asDiagonal();
            break;
        }
        case SourceKind::Latent: {
            mixing_.resize(p.inputs, p.signals);
            const double scale = std::sqrt(p.signal_variance);
            for (int j = 0; j < p.signals; ++j)
                for (int i = 0; i < p.inputs; ++i) mixing_(i, j) = scale * rng.normal();
            noise_sd_ = std::sqrt(p.noise_variance);
            latent_dim_ = p.signals;
            break;
        }
        case SourceKind::Dataset: {
            const Eigen::MatrixXd& d = *p.data;
            const Eigen::VectorXd column_mean = d.colwise().mean().transpose();
            Eigen::VectorXd row_shift = Eigen::VectorXd::Constant(d.cols(), p.baseline);
            if (p.centre) row_shift -= column_mean;
            mean_ = column_mean + row_shift;
            samples_ = d.transpose();
            samples_.colwise() += row_shift;
            const Eigen::MatrixXd centred = d.rowwise() - column_mean.transpose();
            covariance_ = centred.transpose() * centred / static_cast<double>(d.rows());
            return;
        }
        case SourceKind::DeadLeaves:
        case SourceKind::PinkNoise:
        case SourceKind::Picture: {
            patches_.emplace(p.kind == SourceKind::Picture ? *p.picture : generate_image(generated_kind(p.kind), p.image_side, rng),
                             p.patches);
            baseline_ = p.baseline;
            mean_ = patches_->mean().array() + baseline_;
            covariance_ = patches_->covariance();
            return;
        }
    }
    const int n = static_cast<int>(mixing_.rows());
    baseline_ = p.baseline;
    mean_ = Eigen::VectorXd::Constant(n, p.baseline);
    covariance_ = mixing_ * mixing_.transpose();
    covariance_.diagonal().array() += noise_sd_ * noise_sd_;
}

void InputSource::sample_block(Rng& rng, Eigen::MatrixXd& x, Eigen::MatrixXd* latent, int* rows) {
    const Eigen::Index m = x.cols(), n = x.rows();
    if (patches_) {
        drawn_positions_.resize(static_cast<size_t>(m));
        patches_->sample_block(rng, x, drawn_positions_.data());
        if (baseline_ != 0.0) x.array() += baseline_;
        if (m > 0) last_position_ = drawn_positions_.back();
        if (rows) std::copy(drawn_positions_.begin(), drawn_positions_.end(), rows);
        return;
    }
    if (samples_.size() > 0) {
        // A data set: one uniform row a sample, copied whole (rows are stored as columns).
        // The block's rows are drawn first, so that each copy can ask for a row a few
        // samples ahead: a data set larger than the cache is then read at its bandwidth,
        // not at one memory latency a row.
        drawn_rows_.resize(static_cast<size_t>(m));
        draw_rows(rng, drawn_rows_.data(), m);
        for (Eigen::Index b = 0; b < m; ++b) {
            if (b + kRowsAhead < m) prefetch_row(drawn_rows_[static_cast<size_t>(b + kRowsAhead)]);
            x.col(b) = samples_.col(drawn_rows_[static_cast<size_t>(b)]);
        }
        if (rows) std::copy(drawn_rows_.begin(), drawn_rows_.end(), rows);
        return;
    }
    if (rotation_) {
        // Spectrum: x = mean + Q (sqrt(lambda) .* z), Q applied to the whole block at once.
        rng.fill_normal(x.data(), static_cast<std::size_t>(n * m));
        x.array().colwise() *= scale_.array();
        rotation_->apply(x.data(), static_cast<int>(m));
        x.colwise() += mean_;
        return;
    }
    // Gaussian2D and latent: sample b draws its k signals z, then (with noise) its N
    // private noises e, straight into its column:  x = mean + sum_j A_j z_j + sigma e.
    const Eigen::Index k = mixing_.cols();
    const bool noisy = noise_sd_ > 0.0;
    const double* mean = baseline_ == 0.0 ? nullptr : mean_.data();  // null: zero
    signals_.resize(k);
    for (Eigen::Index b = 0; b < m; ++b) {
        double* column = x.col(b).data();
        rng.fill_normal(signals_.data(), static_cast<std::size_t>(k));
        if (noisy) rng.fill_normal(column, static_cast<std::size_t>(n));
        kernels::latent_mix(column, mean, mixing_.data(), static_cast<int>(n), static_cast<int>(k),
                            signals_.data(), noisy ? noise_sd_ : 0.0, column, static_cast<int>(n));
        if (latent) latent->col(b) = signals_;
    }
}

void InputSource::draw_rows(Rng& rng, int* rows, Eigen::Index m) const {
    const auto count = static_cast<std::uint64_t>(samples_.cols());
    for (Eigen::Index b = 0; b < m; ++b) rows[b] = static_cast<int>(rng.below(count));
    for (Eigen::Index b = 0; b < std::min(kRowsAhead, m); ++b) prefetch_row(rows[b]);
}

void InputSource::prefetch_row(int row) const {
    constexpr Eigen::Index kLineDoubles = 8;
    const double* data = samples_.col(row).data();
    for (Eigen::Index i = 0; i < samples_.rows(); i += kLineDoubles) __builtin_prefetch(data + i);
}

void InputSource::sample(Rng& rng, Eigen::VectorXd& x, Eigen::VectorXd* latent) {
    one_sample_.resize(dim(), 1);
    Eigen::MatrixXd z(latent_dim(), 1);
    sample_block(rng, one_sample_, latent ? &z : nullptr);
    x = one_sample_.col(0);
    if (latent) *latent = z.col(0);
}

}  // namespace hebbian
