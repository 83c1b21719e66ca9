// Input sources (see source.hpp for the models).
#include "source.hpp"

#include <cmath>

namespace hebbian {

namespace {

constexpr double kPi = 3.14159265358979323846;

bool positive_finite(double v) { return std::isfinite(v) && v > 0.0; }

// A random N x N rotation: modified Gram-Schmidt on a Gaussian matrix, written
// as scalar loops in a fixed order so native and wasm agree to the bit.
Eigen::MatrixXd random_rotation(int n, Rng& rng) {
    Eigen::MatrixXd q(n, n);
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) q(i, j) = rng.normal();
    for (int j = 0; j < n; ++j) {
        for (int p = 0; p < j; ++p) {
            double dot = 0.0;
            for (int i = 0; i < n; ++i) dot += q(i, p) * q(i, j);
            for (int i = 0; i < n; ++i) q(i, j) -= dot * q(i, p);
        }
        double norm2 = 0.0;
        for (int i = 0; i < n; ++i) norm2 += q(i, j) * q(i, j);
        const double inv = 1.0 / std::sqrt(norm2);
        for (int i = 0; i < n; ++i) q(i, j) *= inv;
    }
    return q;
}

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

}  // namespace

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
    }
    return "unknown source kind";
}

int input_count(const SourceParams& p) {
    if (p.kind == SourceKind::Gaussian2D) return 2;
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
            break;
        }
        case SourceKind::Spectrum: {
            const Eigen::VectorXd lambda = spectrum_of(p);
            mixing_ = random_rotation(p.inputs, rng) * lambda.cwiseSqrt().asDiagonal();
            break;
        }
        case SourceKind::Latent: {
            mixing_.resize(p.inputs, p.signals);
            const double scale = std::sqrt(p.signal_variance);
            for (int j = 0; j < p.signals; ++j)
                for (int i = 0; i < p.inputs; ++i) mixing_(i, j) = scale * rng.normal();
            noise_sd_ = std::sqrt(p.noise_variance);
            break;
        }
        case SourceKind::Dataset: {
            rows_ = p.data;
            const Eigen::MatrixXd& d = *rows_;
            const Eigen::VectorXd column_mean = d.colwise().mean().transpose();
            row_shift_ = Eigen::VectorXd::Constant(d.cols(), p.baseline);
            if (p.centre) row_shift_ -= column_mean;
            mean_ = column_mean + row_shift_;
            const Eigen::MatrixXd centred = d.rowwise() - column_mean.transpose();
            covariance_ = centred.transpose() * centred / static_cast<double>(d.rows());
            return;
        }
    }
    const int n = static_cast<int>(mixing_.rows());
    mean_ = Eigen::VectorXd::Constant(n, p.baseline);
    covariance_ = mixing_ * mixing_.transpose();
    covariance_.diagonal().array() += noise_sd_ * noise_sd_;
    z_.resize(mixing_.cols());
}

void InputSource::sample(Rng& rng, Eigen::VectorXd& x, Eigen::VectorXd* latent) {
    if (rows_) {
        const auto row = static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(rows_->rows())));
        x = rows_->row(row).transpose() + row_shift_;
        return;
    }
    for (Eigen::Index j = 0; j < z_.size(); ++j) z_(j) = rng.normal();
    x = mean_;
    // x_i += sum_j A_ij z_j, accumulated in j order for every i (no reductions).
    for (Eigen::Index j = 0; j < z_.size(); ++j) x += mixing_.col(j) * z_(j);
    if (noise_sd_ > 0.0)
        for (Eigen::Index i = 0; i < x.size(); ++i) x(i) += noise_sd_ * rng.normal();
    if (latent) *latent = z_;
}

}  // namespace hebbian
