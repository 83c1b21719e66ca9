// Deterministic generator, logarithm and normal sampler (see random.hpp).
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

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

constexpr double kSqrtHalf = 0.70710678118654752440;
// ln 2 split so that e * kLn2Hi is exact for |e| < 2^11.
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;

}  // namespace

double portable_log(double x) {
    int exponent = 0;
    double m = std::frexp(x, &exponent);  // x = m * 2^exponent, m in [0.5, 1)
    if (m < kSqrtHalf) {
        m *= 2.0;
        exponent -= 1;
    }
    // log(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.1716: the series to s^23
    // leaves a relative error below 1e-19.
    const double s = (m - 1.0) / (m + 1.0);
    const double s2 = s * s;
    double series = 1.0 / 23.0;
    for (int odd = 21; odd >= 1; odd -= 2) series = series * s2 + 1.0 / odd;
    const double log_m = 2.0 * s * series;
    const double e = static_cast<double>(exponent);
    return e * kLn2Hi + (log_m + e * kLn2Lo);
}

Rng::Rng(std::uint64_t seed) {
    std::uint64_t state = seed;
    for (auto& word : s_) word = splitmix64(state);
}

std::uint64_t Rng::next_u64() {
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

double Rng::uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

std::uint64_t Rng::below(std::uint64_t n) {
    // Rejection sampling keeps the result exactly uniform.
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t r = next_u64();
    while (r >= limit) r = next_u64();
    return r % n;
}

double Rng::normal() {
    // Marsaglia polar method: for (u, v) uniform in the unit disc, s = u^2 + v^2,
    // u * sqrt(-2 ln s / s) and v * sqrt(-2 ln s / s) are independent N(0, 1).
    if (has_spare_) {
        has_spare_ = false;
        return spare_;
    }
    double u = 0.0, v = 0.0, s = 0.0;
    do {
        u = 2.0 * uniform() - 1.0;
        v = 2.0 * uniform() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double factor = std::sqrt(-2.0 * portable_log(s) / s);
    spare_ = v * factor;
    has_spare_ = true;
    return u * factor;
}

}  // namespace hebbian
