// Deterministic random numbers for the simulation core.
//
// The same seed must give the same sample stream in the native build (libstdc++)
// and the WebAssembly build (libc++). std::normal_distribution and std::log differ
// between those libraries, so this file carries its own generator (xoshiro256**,
// seeded through SplitMix64), its own logarithm built from IEEE-exact operations
// only (frexp, +, -, *, /), and its own normal sampler (Marsaglia's polar method).
// The core is compiled with -ffp-contract=off so no fused multiply-add can change
// a rounding on one platform only.
#pragma once

#include <cstdint>

namespace hebbian {

// log(x) for finite x > 0, accurate to about one ulp, identical on every IEEE-754
// platform because it uses only correctly rounded operations.
double portable_log(double x);

class Rng {
public:
    explicit Rng(std::uint64_t seed = 1);

    std::uint64_t next_u64();
    // Uniform in [0, 1) with 53 random bits.
    double uniform();
    // Uniform integer in [0, n), n > 0.
    std::uint64_t below(std::uint64_t n);
    // Standard normal N(0, 1).
    double normal();

private:
    std::uint64_t s_[4];
    bool has_spare_ = false;
    double spare_ = 0.0;
};

}  // namespace hebbian
