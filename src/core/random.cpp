// Deterministic generator and normal sampler (see random.hpp).
#include "random.hpp"

#include <algorithm>
#include <cmath>

#include "kernels.hpp"
#include "portable_math.hpp"
#include "random_lane.hpp"

namespace hebbian {

namespace {

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// Tail start R and layer area V of the 512-layer ziggurat: R solves the equal-area
// recursion below with f(x_512) = 1 (the fast path then accepts 99.2% of the draws).
constexpr double kTailStart = 3.852046150368391;
constexpr double kLayerArea = 0.002456766351541357;
// Heights this close to a wedge's bounding lines go to the exponential (its error and the
// lines' are below 1e-14).
constexpr double kBoundMargin = 1e-12;

Ziggurat build_ziggurat() {
    Ziggurat z{};
    constexpr int kLayers = Ziggurat::kLayers;
    double f = portable_exp(-0.5 * kTailStart * kTailStart);
    z.x[0] = kLayerArea / f;  // the bottom strip plus the tail, as a box of the same area
    z.x[1] = kTailStart;
    z.f[0] = 0.0;
    z.f[1] = f;
    z.x[kLayers] = 0.0;
    z.f[kLayers] = 1.0;
    for (int i = 2; i < kLayers; ++i) {
        // Equal areas: x_i (f(x_i) - f(x_(i-1))) = V  =>  x_i = sqrt(-2 log(V / x_(i-1) + f(x_(i-1)))).
        z.x[i] = std::sqrt(-2.0 * portable_log(kLayerArea / z.x[i - 1] + f));
        f = portable_exp(-0.5 * z.x[i] * z.x[i]);
        z.f[i] = f;
    }
    for (int i = 0; i < kLayers; ++i) z.layers[2 * i] = z.x[i], z.layers[2 * i + 1] = z.x[i + 1] / z.x[i];
    return z;
}

}  // namespace

const Ziggurat& ziggurat_tables() {
    static const Ziggurat tables = build_ziggurat();
    return tables;
}

bool wedge_contains(const Ziggurat& z, int layer, double x, double height) {
    // Below 1, f is concave, so it lies above the chord through the layer's corners and
    // below its tangents there; beyond 1 it is convex, the other way round. kBoundMargin
    // covers the roundings of the lines and of portable_exp, so every decision the lines
    // make is the one the exponential would make.
    const double m = std::fabs(x), outer = z.x[layer], inner = z.x[layer + 1];
    const double chord = z.f[layer] + (z.f[layer + 1] - z.f[layer]) * ((outer - m) / (outer - inner));
    // f(p) + f'(p) (m - p) with f'(p) = -p f(p), at both corners.
    const double tangent_outer = z.f[layer] * (1.0 - outer * (m - outer));
    const double tangent_inner = z.f[layer + 1] * (1.0 - inner * (m - inner));
    if (outer <= 1.0) {
        if (height < chord - kBoundMargin) return true;
        if (height > std::min(tangent_outer, tangent_inner) + kBoundMargin) return false;
    } else if (inner >= 1.0) {
        if (height > chord + kBoundMargin) return false;
        if (height < std::max(tangent_outer, tangent_inner) - kBoundMargin) return true;
    }
    return height < portable_exp(-0.5 * (x * x));
}

Rng::Rng(std::uint64_t seed) : ziggurat_(&ziggurat_tables()) {
    std::uint64_t state = seed;
    for (auto& word : lanes_) word = splitmix64(state);
    for (auto& word : slow_) word = splitmix64(state);
}

void Rng::refill() {
    kernels::random_rounds(lanes_, buffer_, kBufferSize / kLanes);
    next_ = 0;
}

std::uint64_t Rng::slow_u64() { return kernels::xoshiro_next(slow_, 1); }

std::uint64_t Rng::below(std::uint64_t n) {
    if (n <= 0xFFFFFFFFULL) {
        // Lemire (2019): the high half of r n for a 32-bit r, redrawn while the low half
        // falls in the 2^32 mod n values that would favour some results.
        std::uint64_t product = (next_u64() >> 32) * n;
        auto low = static_cast<std::uint32_t>(product);
        if (low < n) {
            const std::uint32_t threshold = static_cast<std::uint32_t>(0x100000000ULL % n);
            while (low < threshold) {
                product = (next_u64() >> 32) * n;
                low = static_cast<std::uint32_t>(product);
            }
        }
        return product >> 32;
    }
    // Rejection sampling keeps the result exactly uniform.
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t r = next_u64();
    while (r >= limit) r = next_u64();
    return r % n;
}

void Rng::fill_u64(std::uint64_t* out, std::size_t n) {
    has_waiting_half_ = false;
    while (n > 0) {
        if (next_ == kBufferSize) refill();
        const std::size_t m = std::min(n, static_cast<std::size_t>(kBufferSize - next_));
        for (std::size_t i = 0; i < m; ++i) out[i] = buffer_[static_cast<std::size_t>(next_) + i];
        next_ += static_cast<int>(m);
        out += m;
        n -= m;
    }
}

void Rng::fill_normal(double* out, std::size_t n) {
    if (n > 0 && has_waiting_half_) {
        has_waiting_half_ = false;
        *out++ = normal_of_half(waiting_half_);
        --n;
    }
    int rejected[2 * kBufferSize];
    while (n >= 2) {
        if (next_ == kBufferSize) refill();
        const int words = static_cast<int>(std::min(n / 2, static_cast<std::size_t>(kBufferSize - next_)));
        const unsigned long long* bits = buffer_ + next_;
        const int count = kernels::ziggurat_normals(bits, words, ziggurat_->layers, out, rejected);
        for (int r = 0; r < count; ++r) {
            const unsigned long long draw = bits[rejected[r] / 2];
            out[rejected[r]] = normal_of_half(rejected[r] % 2 ? kernels::high_half(draw) : kernels::low_half(draw));
        }
        next_ += words;
        out += 2 * words;
        n -= 2 * static_cast<std::size_t>(words);
    }
    if (n == 1) {
        const std::uint64_t draw = next_u64();
        *out = normal_of_half(kernels::low_half(draw));
        waiting_half_ = kernels::high_half(draw);
        has_waiting_half_ = true;
    }
}

double Rng::normal_of_half(unsigned half) {
    const Ziggurat& z = *ziggurat_;
    for (;;) {
        double x = 0.0;
        if (kernels::ziggurat_lane(half, z.layers, &x)) return x;
        const int layer = static_cast<int>(half & kernels::kLayerMask);
        const bool negative = (half & kernels::kSignBit) != 0;
        if (layer == 0) {
            // Tail beyond R (Marsaglia 1964): t = -log(u1) / R, accept when -2 log(u2) >= t^2.
            double t = 0.0, y = 0.0;
            do {
                t = -portable_log(1.0 - slow_uniform()) / kTailStart;
                y = -portable_log(1.0 - slow_uniform());
            } while (2.0 * y < t * t);
            return negative ? -(kTailStart + t) : kTailStart + t;
        }
        // Wedge between f(x_i) and f(x_(i+1)): accept |x| when a uniform height in the
        // layer, between f(x_i) and f(x_(i+1)), falls below f(x).
        const double height = z.f[layer] + slow_uniform() * (z.f[layer + 1] - z.f[layer]);
        if (wedge_contains(z, layer, x, height)) return x;
        half = kernels::high_half(slow_u64());
    }
}

}  // namespace hebbian
