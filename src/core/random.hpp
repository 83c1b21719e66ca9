// Deterministic random numbers for the simulation core.
//
// The same seed must give the same sample stream in the native build (libstdc++)
// and the WebAssembly build (libc++). std::normal_distribution and std::log differ
// between those libraries, so this file carries its own generator (xoshiro256**,
// seeded through SplitMix64) and its own normal sampler (a 256-layer ziggurat whose
// tables and rare slow paths use portable_math's log and exp). The core is compiled
// with -ffp-contract=off so no fused multiply-add can change a rounding on one
// platform only.
#pragma once

#include <cstddef>
#include <cstdint>

#include "portable_math.hpp"

namespace hebbian {

// The ziggurat of Marsaglia and Tsang (2000), in Doornik's form (2005): the area
// under the half density f(x) = exp(-x^2 / 2) is cut into 256 layers of equal
// area. Layer i spans [0, x_i); layer 0 is the bottom strip plus the tail.
struct Ziggurat {
    static constexpr int kLayers = 256;
    double x[kLayers + 1];
    double inner_ratio[kLayers];  // x_(i+1) / x_i: below it a point is inside f for sure
};

class Rng {
public:
    explicit Rng(std::uint64_t seed = 1);

    std::uint64_t next_u64() {
        // xoshiro256** (Blackman and Vigna).
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return unit_from_bits(next_u64()); }
    // Uniform integer in [0, n), n > 0.
    std::uint64_t below(std::uint64_t n);
    // The next n values of normal() (resp. next_u64()), in order.
    void fill_normal(double* out, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) out[i] = normal();
    }
    void fill_u64(std::uint64_t* out, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) out[i] = next_u64();
    }
    // Standard normal N(0, 1): one 64-bit draw for about 99% of the samples.
    double normal() {
        // Bits 0-7 pick the layer, bit 8 the sign, bits 11-63 the uniform u; u x_i with
        // u < x_(i+1) / x_i lies inside every layer above, so inside f.
        const std::uint64_t bits = next_u64();
        const int layer = static_cast<int>(bits & 0xFF);
        const double u = unit_from_bits(bits);
        if (u < ziggurat_->inner_ratio[layer]) {
            const double x = u * ziggurat_->x[layer];
            return (bits & 0x100) ? -x : x;
        }
        return normal_slow_path(bits);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static double unit_from_bits(std::uint64_t bits) { return static_cast<double>(bits >> 11) * 0x1.0p-53; }
    double normal_slow_path(std::uint64_t bits);

    std::uint64_t s_[4];
    const Ziggurat* ziggurat_;  // the tables, built once for all generators
};

}  // namespace hebbian
