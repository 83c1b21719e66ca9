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

#include <cstdint>

#include "portable_math.hpp"

namespace hebbian {

class Rng {
public:
    explicit Rng(std::uint64_t seed = 1);

    std::uint64_t next_u64();
    // Uniform in [0, 1) with 53 random bits.
    double uniform();
    // Uniform integer in [0, n), n > 0.
    std::uint64_t below(std::uint64_t n);
    // Standard normal N(0, 1): one 64-bit draw for about 99% of the samples.
    double normal();

private:
    double normal_slow_path(std::uint64_t bits);

    std::uint64_t s_[4];
};

}  // namespace hebbian
