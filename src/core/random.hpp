// Deterministic random numbers for the simulation core.
//
// The same seed must give the same sample stream in the native build (libstdc++)
// and the WebAssembly build (libc++). std::normal_distribution and std::log differ
// between those libraries, so this file carries its own generator and its own
// normal sampler, vectorised and bit-identical on every back end of kernels.hpp:
//
//   the stream   four xoshiro256** generators (Blackman and Vigna 2018) side by side,
//                seeded through SplitMix64, drawn 256 numbers at a time by the SIMD
//                kernel random_rounds into a buffer; the stream is their outputs in
//                round order (lane 0, 1, 2, 3 of round 0, then of round 1, ...);
//   normals      two normal numbers from each draw of the stream, from its low 32 bits
//                and then its high 32 bits: a 512-layer ziggurat (Marsaglia and Tsang
//                2000, in Doornik's form 2005) with a 22-bit uniform, whose fast path
//                runs vectorised (ziggurat_normals); the rare halves it does not accept
//                (about 1 in 125) finish on a slow path that takes any further random
//                numbers from a fifth, separate xoshiro256** generator, so the normal
//                numbers stay two per draw of the stream, in order. After an odd count
//                the draw's high half waits for the next normal number; any other
//                request drops it and reads the next draw.
//
// So the values do not depend on how a caller groups its requests: fill_normal(out, n)
// gives the same numbers as n calls of normal(), and any mix of next_u64(), uniform(),
// below() and normal() calls reads the one stream in order. The core is compiled with
// -ffp-contract=off so no fused multiply-add can change a rounding on one platform only.
#pragma once

#include <cstddef>
#include <cstdint>

namespace hebbian {

// The ziggurat's tables: the area under the half density f(x) = exp(-x^2 / 2) cut
// into 512 layers of equal area; layer i spans [0, x_i), layer 0 is the bottom strip
// plus the tail.
struct Ziggurat {
    static constexpr int kLayers = 512;
    double x[kLayers + 1];
    double layers[2 * kLayers];  // x_i and x_(i+1) / x_i (below it a point is inside f for sure)
    double f[kLayers + 1];       // f(x_i)
};

// The tables, built once for all generators.
const Ziggurat& ziggurat_tables();

// Whether the point (|x|, height) of layer i's wedge (1 <= i < 512, x_(i+1) <= |x| < x_i,
// f(x_i) <= height <= f(x_(i+1))) lies under f: height < f(x) as portable_exp computes f,
// decided by bounding lines wherever they can.
bool wedge_contains(const Ziggurat& z, int layer, double x, double height);

class Rng {
public:
    explicit Rng(std::uint64_t seed = 1);

    std::uint64_t next_u64() {
        has_waiting_half_ = false;
        if (next_ == kBufferSize) refill();
        return buffer_[next_++];
    }
    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }
    // Uniform integer in [0, n), n > 0, exactly (Lemire's multiply-and-reject for n < 2^32).
    std::uint64_t below(std::uint64_t n);
    // Standard normal N(0, 1).
    double normal() {
        double x;
        fill_normal(&x, 1);
        return x;
    }
    // The next n values of normal() (resp. next_u64()), in order.
    void fill_normal(double* out, std::size_t n);
    void fill_u64(std::uint64_t* out, std::size_t n);

private:
    static constexpr int kLanes = 4;
    static constexpr int kBufferSize = 256;  // 64 rounds of the four generators

    void refill();
    std::uint64_t slow_u64();
    double slow_uniform() { return static_cast<double>(slow_u64() >> 11) * 0x1.0p-53; }
    // The normal number of one 32-bit half: the ziggurat's fast path, else its tail or wedge.
    double normal_of_half(unsigned half);

    unsigned long long lanes_[4 * kLanes];  // word w of lane l at [4 w + l]
    unsigned long long slow_[4];            // the slow path's own generator
    unsigned long long buffer_[kBufferSize];
    int next_ = kBufferSize;                // the next unread entry of buffer_
    bool has_waiting_half_ = false;         // an odd count of normals left waiting_half_ unread
    unsigned waiting_half_ = 0;             // the high 32 bits of the last draw
    const Ziggurat* ziggurat_;              // the tables, built once for all generators
};

}  // namespace hebbian
