// Dead-leaves and 1/f^2 images (see image_generators.hpp).
#include "image_generators.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "portable_math.hpp"

namespace hebbian {

namespace {

constexpr double kTwoPi = 6.283185307179586476925;

bool power_of_two(int n) { return n > 0 && (n & (n - 1)) == 0; }

// In-place radix-2 decimation-in-time FFT of the n complex values (re[k], im[k]), n a
// power of two:  X_f = sum_k x_k exp(-2 pi i f k / n).
// The inverse transform (times n) is the same with re and im swapped on the way in and out.
class Fourier {
public:
    explicit Fourier(int n) : n_(n), cos_(static_cast<size_t>(n / 2)), sin_(static_cast<size_t>(n / 2)) {
        for (int k = 0; k < n / 2; ++k) {
            const SineCosine t = portable_sin_cos(kTwoPi * k / n);
            cos_[static_cast<size_t>(k)] = t.cos;
            sin_[static_cast<size_t>(k)] = t.sin;
        }
    }

    void transform(double* re, double* im) const {
        for (int i = 1, j = 0; i < n_; ++i) {  // bit-reversed order
            int bit = n_ >> 1;
            for (; j & bit; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) {
                std::swap(re[i], re[j]);
                std::swap(im[i], im[j]);
            }
        }
        for (int length = 2; length <= n_; length *= 2) {
            const int half = length / 2, twiddle_step = n_ / length;
            for (int start = 0; start < n_; start += length)
                for (int k = 0; k < half; ++k) {
                    // (u, v) -> (u + w v, u - w v), w = exp(-2 pi i k / length)
                    const double wr = cos_[static_cast<size_t>(k * twiddle_step)];
                    const double wi = -sin_[static_cast<size_t>(k * twiddle_step)];
                    const int u = start + k, v = start + k + half;
                    const double vr = re[v] * wr - im[v] * wi, vi = re[v] * wi + im[v] * wr;
                    re[v] = re[u] - vr;
                    im[v] = im[u] - vi;
                    re[u] += vr;
                    im[u] += vi;
                }
        }
    }

    // The 2-D transform of an n x n array stored row by row: rows, then columns (each column
    // copied out, transformed and copied back, so that the transform runs on contiguous memory).
    void transform_2d(double* re, double* im) const {
        const auto n = static_cast<size_t>(n_);
        for (size_t row = 0; row < n; ++row) transform(re + row * n, im + row * n);
        std::vector<double> column_re(n), column_im(n);
        for (size_t column = 0; column < n; ++column) {
            for (size_t k = 0; k < n; ++k) column_re[k] = re[k * n + column], column_im[k] = im[k * n + column];
            transform(column_re.data(), column_im.data());
            for (size_t k = 0; k < n; ++k) re[k * n + column] = column_re[k], im[k * n + column] = column_im[k];
        }
    }

private:
    int n_;
    std::vector<double> cos_, sin_;  // cos and sin of 2 pi k / n, k < n / 2
};

}  // namespace

void standardise(GreyImage& image) {
    std::vector<double>& pixels = image.pixels;
    if (pixels.empty()) return;
    const double count = static_cast<double>(pixels.size());
    double sum = 0.0;
    for (double v : pixels) sum += v;
    const double mean = sum / count;
    double squares = 0.0;
    for (double& v : pixels) {
        v -= mean;
        squares += v * v;
    }
    const double sd = std::sqrt(squares / count);
    if (sd > 0.0)
        for (double& v : pixels) v /= sd;
}

std::string validate_generated_side(GeneratedImage kind, int side) {
    if (side < kMinGeneratedSide || side > kMaxGeneratedSide)
        return "image side must be between " + std::to_string(kMinGeneratedSide) + " and " +
               std::to_string(kMaxGeneratedSide) + " pixels";
    if (kind == GeneratedImage::PinkNoise && !power_of_two(side))
        return "image side must be a power of two for pink noise (64, 128, 256 or 512)";
    return "";
}

GreyImage generate_image(GeneratedImage kind, int side, Rng& rng) {
    return kind == GeneratedImage::DeadLeaves ? dead_leaves_image(side, rng) : pink_noise_image(side, rng);
}

GreyImage dead_leaves_image(int side, Rng& rng) {
    if (!validate_generated_side(GeneratedImage::DeadLeaves, side).empty()) return {};
    // Leaves are drawn front to back: each new disc lies behind all earlier ones and paints
    // only the pixels still uncovered, until none is left. This is the picture seen from
    // above after infinitely many falls (the last leaf to fall is the first drawn here).
    // Centres are uniform over the canvas widened by r_max on every side, so leaves cross
    // the border as they would inside a larger picture.
    const double r_min = 1.0, r_max = side / 4.0, margin = r_max, span = side + 2.0 * margin;
    // Radius density ~ r^-3 on [r_min, r_max]: F(r) = (r_min^-2 - r^-2) / (r_min^-2 - r_max^-2),
    // inverted: r = 1 / sqrt(r_min^-2 - u (r_min^-2 - r_max^-2)), u uniform.
    const double inv_min2 = 1.0 / (r_min * r_min), inv_range = inv_min2 - 1.0 / (r_max * r_max);
    GreyImage image{side, side, std::vector<double>(static_cast<size_t>(side) * static_cast<size_t>(side), 0.0)};
    std::vector<char> covered(image.pixels.size(), 0);
    size_t uncovered = image.pixels.size();
    while (uncovered > 0) {
        // Each leaf reads four uniforms in this order: grey level, centre x, centre y, radius.
        const double grey = rng.uniform();
        const double cx = span * rng.uniform() - margin, cy = span * rng.uniform() - margin;
        const double r = 1.0 / std::sqrt(inv_min2 - rng.uniform() * inv_range);
        // Pixel (x, y) has its centre at (x + 1/2, y + 1/2) and lies in the disc when that
        // centre does.
        const int x_lo = std::max(0, static_cast<int>(std::ceil(cx - r - 0.5)));
        const int x_hi = std::min(side - 1, static_cast<int>(std::floor(cx + r - 0.5)));
        const int y_lo = std::max(0, static_cast<int>(std::ceil(cy - r - 0.5)));
        const int y_hi = std::min(side - 1, static_cast<int>(std::floor(cy + r - 0.5)));
        for (int y = y_lo; y <= y_hi; ++y) {
            const double dy = y + 0.5 - cy;
            for (int x = x_lo; x <= x_hi; ++x) {
                const double dx = x + 0.5 - cx;
                const size_t k = static_cast<size_t>(y) * static_cast<size_t>(side) + static_cast<size_t>(x);
                if (covered[k] || dx * dx + dy * dy > r * r) continue;
                covered[k] = 1;
                image.pixels[k] = grey;
                --uncovered;
            }
        }
    }
    standardise(image);
    return image;
}

GreyImage pink_noise_image(int side, Rng& rng) {
    if (!validate_generated_side(GeneratedImage::PinkNoise, side).empty()) return {};
    // Power spectrum 1/f^2 means amplitude 1/f: the transform of white noise, times
    // 1/|f| with |f| = sqrt(fx^2 + fy^2) over signed frequencies (f and n - f alike), and 0
    // at f = 0. The gain is even in f, so the filtered spectrum keeps the Hermitian
    // symmetry of a real image and the inverse transform is real (its imaginary part,
    // rounding only, is dropped).
    const size_t count = static_cast<size_t>(side) * static_cast<size_t>(side);
    std::vector<double> re(count), im(count, 0.0);
    rng.fill_normal(re.data(), count);
    const Fourier fourier(side);
    fourier.transform_2d(re.data(), im.data());
    for (int fy = 0; fy < side; ++fy) {
        const double ky = std::min(fy, side - fy);
        for (int fx = 0; fx < side; ++fx) {
            const double kx = std::min(fx, side - fx);
            const double frequency = std::sqrt(kx * kx + ky * ky);
            const double gain = frequency > 0.0 ? 1.0 / frequency : 0.0;
            const size_t k = static_cast<size_t>(fy) * static_cast<size_t>(side) + static_cast<size_t>(fx);
            re[k] *= gain;
            im[k] *= gain;
        }
    }
    fourier.transform_2d(im.data(), re.data());  // the inverse (times n^2), by swapping re and im
    GreyImage image{side, side, std::move(re)};
    standardise(image);
    return image;
}

}  // namespace hebbian
