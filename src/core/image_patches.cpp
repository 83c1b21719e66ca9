// Patches of a grey image as samples, with their exact moments (see image_patches.hpp).
#include "image_patches.hpp"

#include <algorithm>
#include <cmath>

#include "block_covariance.hpp"
#include "portable_math.hpp"

namespace hebbian {

namespace {

// The patches of one accumulation block of the enumerated moments.
constexpr int kBlockPatches = 256;

// Summed-area table of an image-sized array of values: T(x, y) = sum of value(u, v) over
// u < x, v < y, stored with row stride width + 1; a rectangle's sum is four look-ups.
class SummedArea {
public:
    SummedArea(int width, int height)
        : stride_(width + 1), table_(static_cast<size_t>(width + 1) * static_cast<size_t>(height + 1), 0.0) {}
    // T(x + 1, y + 1) for x = 0 .. width - 1 (the sums up to and including row y), and the
    // same for the rows up to y - 1: filling row(y) needs row_above(y).
    double* row(int y) { return table_.data() + static_cast<size_t>(y + 1) * static_cast<size_t>(stride_) + 1; }
    const double* row_above(int y) const { return table_.data() + static_cast<size_t>(y) * static_cast<size_t>(stride_) + 1; }
    // Sum over x0 <= u < x0 + w, y0 <= v < y0 + h.
    double rectangle(int x0, int y0, int w, int h) const {
        const auto at = [this](int x, int y) { return table_[static_cast<size_t>(y) * static_cast<size_t>(stride_) + static_cast<size_t>(x)]; };
        return ((at(x0 + w, y0 + h) - at(x0, y0 + h)) - at(x0 + w, y0)) + at(x0, y0);
    }

private:
    int stride_;
    std::vector<double> table_;
};

}  // namespace

std::string validate(const PatchParams& p) {
    if (p.side < kMinPatchSide || p.side > kMaxPatchSide)
        return "patch side must be between " + std::to_string(kMinPatchSide) + " and " + std::to_string(kMaxPatchSide) +
               " pixels";
    if (!std::isfinite(p.window_sigma) || p.window_sigma < 0.0)
        return "window_sigma must be a finite number of pixels >= 0 (0 for no window)";
    return "";
}

std::string validate(const GreyImage& image, const PatchParams& params) {
    const std::string why = validate(params);
    if (!why.empty()) return why;
    if (image.width < 1 || image.height < 1 || image.width > kMaxImageExtent || image.height > kMaxImageExtent)
        return "image width and height must be between 1 and " + std::to_string(kMaxImageExtent) + " pixels";
    if (image.pixels.size() != static_cast<size_t>(image.width) * static_cast<size_t>(image.height))
        return "image pixels must hold width x height = " + std::to_string(image.width) + " x " +
               std::to_string(image.height) + " values";
    if (image.width < params.side || image.height < params.side)
        return "the image (" + std::to_string(image.width) + " x " + std::to_string(image.height) +
               ") is smaller than the patch side " + std::to_string(params.side);
    for (double v : image.pixels)
        if (!(std::fabs(v) <= kMaxPixelMagnitude))
            return "image pixels must all be finite numbers within +-1e100";  // kMaxPixelMagnitude
    const auto [lowest, highest] = std::minmax_element(image.pixels.begin(), image.pixels.end());
    if (*lowest == *highest) return "the image is constant: its patches carry no signal";
    return "";
}

PatchSource::PatchSource(GreyImage image, const PatchParams& params)
    : image_(std::move(image)), params_(params), error_(validate(image_, params_)) {
    if (!error_.empty()) return;
    const int p = params_.side;
    positions_x_ = image_.width - p + 1;
    positions_y_ = image_.height - p + 1;
    if (params_.window_sigma > 0.0) {
        // w(i, j) = exp(-((i - c)^2 + (j - c)^2) / (2 sigma^2)), c = (p - 1) / 2
        const double centre = 0.5 * (p - 1), two_variance = 2.0 * params_.window_sigma * params_.window_sigma;
        window_.resize(static_cast<size_t>(p * p));
        for (int j = 0; j < p; ++j)
            for (int i = 0; i < p; ++i) {
                const double dx = i - centre, dy = j - centre;
                window_[static_cast<size_t>(j * p + i)] = portable_exp(-(dx * dx + dy * dy) / two_variance);
            }
    }
    if (params_.unit_norm)
        enumerated_moments();
    else
        linear_moments();
}

PixelPoint PatchSource::top_left(int position) const {
    if (position < 0 || position >= position_count()) return {};
    return {position % positions_x_, position / positions_x_};
}

void PatchSource::write_patch(int position, double* out) const {
    const int p = params_.side, n = p * p;
    const int x0 = position % positions_x_, y0 = position / positions_x_;
    // Copy the p rows of p pixels.
    const double* corner = image_.pixels.data() + static_cast<size_t>(y0) * static_cast<size_t>(image_.width) + x0;
    for (int j = 0; j < p; ++j) {
        const double* row = corner + static_cast<size_t>(j) * static_cast<size_t>(image_.width);
        for (int i = 0; i < p; ++i) out[j * p + i] = row[i];
    }
    // 1. r - mean(r), the mean taken as r_0 + mean(r - r_0) so that a patch of one grey
    //    level becomes exactly zero (and stays zero under unit_norm, not rounding noise
    //    blown up to length 1).
    if (params_.remove_mean) {
        const double first = out[0];
        double sum = 0.0;
        for (int k = 0; k < n; ++k) sum += out[k] - first;
        const double mean = first + sum / n;
        for (int k = 0; k < n; ++k) out[k] -= mean;
    }
    // 2. w .* r
    if (!window_.empty())
        for (int k = 0; k < n; ++k) out[k] *= window_[static_cast<size_t>(k)];
    // 3. r / |r|, unless r = 0
    if (params_.unit_norm) {
        double squares = 0.0;
        for (int k = 0; k < n; ++k) squares += out[k] * out[k];
        if (squares > 0.0) {
            const double length = std::sqrt(squares);
            for (int k = 0; k < n; ++k) out[k] /= length;
        }
    }
}

void PatchSource::patch_at(int position, Eigen::Ref<Eigen::VectorXd> out) const {
    if (position < 0 || position >= position_count() || out.size() != dim()) {
        out.setZero();
        return;
    }
    write_patch(position, out.data());
}

void PatchSource::sample_block(Rng& rng, Eigen::MatrixXd& x, int* positions) const {
    x.resize(dim(), x.cols());
    if (dim() == 0) return;
    const auto count = static_cast<std::uint64_t>(position_count());
    for (Eigen::Index b = 0; b < x.cols(); ++b) {
        const int position = static_cast<int>(rng.below(count));
        write_patch(position, x.col(b).data());
        if (positions) positions[b] = position;
    }
}

void PatchSource::linear_moments() {
    // Raw patches r(a) = I(pos + a) over the P positions pos, a = (i, j) in the patch. With the
    // image centred, J = I - Ibar (the covariance does not move, and the sums stay small):
    //     m_J(a)  = (1/P) sum_pos J(pos + a)                       a rectangle of J
    //     S(a, b) = (1/P) sum_pos J(pos + a) J(pos + b)            a rectangle of the product
    //             = (1/P) sum_{u in a + positions} J(u) J(u + d),  d = b - a,
    // so each displacement d needs one summed-area table of J(u) J(u + d), and
    //     C_raw(a, b) = S(a, b) - m_J(a) m_J(b),   mean_raw(a) = Ibar + m_J(a).
    const int p = params_.side, n = p * p, width = image_.width, height = image_.height;
    const int pw = positions_x_, ph = positions_y_;
    const double count = static_cast<double>(pw) * static_cast<double>(ph);
    double image_mean = 0.0;
    for (double v : image_.pixels) image_mean += v;
    image_mean /= static_cast<double>(image_.pixels.size());
    // J with p - 1 columns of zeros on either side and p - 1 rows below, so that J(u + d) reads
    // zero off the image for every displacement.
    const int pad = p - 1, padded_width = width + 2 * pad;
    std::vector<double> padded(static_cast<size_t>(padded_width) * static_cast<size_t>(height + pad), 0.0);
    const auto padded_row = [&](int y) { return padded.data() + static_cast<size_t>(y) * static_cast<size_t>(padded_width) + pad; };
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) padded_row(y)[x] = image_.pixels[static_cast<size_t>(y) * static_cast<size_t>(width) + x] - image_mean;

    SummedArea table(width, height);
    const auto fill_table = [&](const auto& value) {  // with the values value(x, y)
        for (int y = 0; y < height; ++y) {
            double* sums = table.row(y);
            const double* above = table.row_above(y);
            double running = 0.0;
            for (int x = 0; x < width; ++x) {
                running += value(x, y);
                sums[x] = above[x] + running;
            }
        }
    };
    fill_table([&](int x, int y) { return padded_row(y)[x]; });
    Eigen::VectorXd centred_mean(n);
    for (int j = 0; j < p; ++j)
        for (int i = 0; i < p; ++i) centred_mean(j * p + i) = table.rectangle(i, j, pw, ph) / count;

    Eigen::MatrixXd raw(n, n);
    // Displacements d = (dx, dy) with dy > 0, or dy = 0 and dx >= 0; the others are their mirror
    // images, C_raw(b, a) = C_raw(a, b).
    for (int dy = 0; dy < p; ++dy)
        for (int dx = dy == 0 ? 0 : 1 - p; dx < p; ++dx) {
            fill_table([&](int x, int y) { return padded_row(y)[x] * padded_row(y + dy)[x + dx]; });
            for (int j = 0; j + dy < p; ++j)
                for (int i = std::max(0, -dx); i < p && i + dx < p; ++i) {
                    const int a = j * p + i, b = (j + dy) * p + i + dx;
                    const double value = table.rectangle(i, j, pw, ph) / count - centred_mean(a) * centred_mean(b);
                    raw(a, b) = value;
                    raw(b, a) = value;
                }
        }
    mean_ = centred_mean.array() + image_mean;

    // The processing is x = D M r: M = I - 1 1^T / n removes the patch mean, D = diag(w) is the
    // window. M C M^T = C - 1 c^T - c 1^T + cbar 1 1^T, with c the column means of C and cbar
    // their mean.
    if (params_.remove_mean) {
        const Eigen::VectorXd column_mean = raw.colwise().mean().transpose();
        const double overall = column_mean.mean();
        for (int b = 0; b < n; ++b)
            for (int a = b; a < n; ++a) {
                const double value = ((raw(a, b) - column_mean(a)) - column_mean(b)) + overall;
                raw(a, b) = value;
                raw(b, a) = value;
            }
        mean_.array() -= mean_.mean();
    }
    if (!window_.empty()) {
        const Eigen::Map<const Eigen::VectorXd> w(window_.data(), n);
        raw = raw.cwiseProduct(w * w.transpose());
        mean_ = mean_.cwiseProduct(w);
    }
    covariance_ = std::move(raw);
}

void PatchSource::enumerated_moments() {
    // Every position's patch, added to a running mean and covariance a block at a time.
    const int n = params_.side * params_.side, positions = position_count();
    Eigen::MatrixXd block(n, kBlockPatches);
    BlockCovariance moments(n);
    for (int start = 0; start < positions; start += kBlockPatches) {
        const int m = std::min(kBlockPatches, positions - start);
        for (int b = 0; b < m; ++b) write_patch(start + b, block.col(b).data());
        moments.add(block.leftCols(m));
    }
    mean_ = moments.mean();
    covariance_ = moments.covariance();
}

}  // namespace hebbian
