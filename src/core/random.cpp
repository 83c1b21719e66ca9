// Deterministic generator and normal sampler (see random.hpp).
#include "random.hpp"

#include <cmath>

namespace hebbian {

namespace {

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// Tail start R and layer area V of the 256-layer ziggurat.
constexpr double kTailStart = 3.6541528853610088;
constexpr double kLayerArea = 0.00492867323399;

Ziggurat build_ziggurat() {
    Ziggurat z{};
    constexpr int kLayers = Ziggurat::kLayers;
    double f = portable_exp(-0.5 * kTailStart * kTailStart);
    z.x[0] = kLayerArea / f;  // the bottom strip plus the tail, as a box of the same area
    z.x[1] = kTailStart;
    z.x[kLayers] = 0.0;
    for (int i = 2; i < kLayers; ++i) {
        // Equal areas: x_i (f(x_i) - f(x_(i-1))) = V  =>  x_i = sqrt(-2 log(V / x_(i-1) + f(x_(i-1)))).
        z.x[i] = std::sqrt(-2.0 * portable_log(kLayerArea / z.x[i - 1] + f));
        f = portable_exp(-0.5 * z.x[i] * z.x[i]);
    }
    for (int i = 0; i < kLayers; ++i) z.inner_ratio[i] = z.x[i + 1] / z.x[i];
    return z;
}

const Ziggurat& ziggurat() {
    static const Ziggurat tables = build_ziggurat();
    return tables;
}

}  // namespace

Rng::Rng(std::uint64_t seed) : ziggurat_(&ziggurat()) {
    std::uint64_t state = seed;
    for (auto& word : s_) word = splitmix64(state);
}

std::uint64_t Rng::below(std::uint64_t n) {
    // Rejection sampling keeps the result exactly uniform.
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t r = next_u64();
    while (r >= limit) r = next_u64();
    return r % n;
}

double Rng::normal_slow_path(std::uint64_t bits) {
    const Ziggurat& z = *ziggurat_;
    for (;;) {
        const int layer = static_cast<int>(bits & 0xFF);
        const bool negative = (bits & 0x100) != 0;
        const double u = unit_from_bits(bits);
        if (u < z.inner_ratio[layer]) {
            const double x = u * z.x[layer];
            return negative ? -x : x;
        }
        if (layer == 0) {
            // Tail beyond R (Marsaglia 1964): x = -log(u1) / R, accept when -2 log(u2) >= x^2.
            double x = 0.0, y = 0.0;
            do {
                x = -portable_log(1.0 - uniform()) / kTailStart;
                y = -portable_log(1.0 - uniform());
            } while (2.0 * y < x * x);
            return negative ? -(kTailStart + x) : kTailStart + x;
        }
        // Wedge between f(x_i) and f(x_(i+1)): accept x when a uniform height under the
        // layer falls below f(x), measured relative to f(x_i) and f(x_(i+1)).
        const double x = u * z.x[layer];
        const double f_outer = portable_exp(-0.5 * (z.x[layer] * z.x[layer] - x * x));          // f(x_i) / f(x)
        const double f_inner = portable_exp(-0.5 * (z.x[layer + 1] * z.x[layer + 1] - x * x));  // f(x_(i+1)) / f(x)
        if (f_outer + uniform() * (f_inner - f_outer) < 1.0) return negative ? -x : x;
        bits = next_u64();
    }
}

}  // namespace hebbian
