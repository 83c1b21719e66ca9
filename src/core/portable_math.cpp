// Portable logarithm, exponential, sine and cosine (see portable_math.hpp).
#include "portable_math.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace hebbian {

namespace {

constexpr double kSqrtHalf = 0.70710678118654752440;
constexpr double kInvLn2 = 1.44269504088896340736;
// ln 2 split so that e * kLn2Hi is exact for |e| < 2^11.
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
// 1 / j! for j = 0..18, each divided once from the last at compile time.
struct InverseFactorials {
    double value[19];
    constexpr InverseFactorials() : value{} {
        value[0] = 1.0;
        for (int j = 1; j < 19; ++j) value[j] = value[j - 1] / j;
    }
};
constexpr InverseFactorials kInverseFactorial;

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

double portable_exp(double t) {
    if (t < -745.2) return 0.0;
    // exp(t) = 2^k exp(r), k = round(t / ln 2), |r| <= ln 2 / 2 + tiny.
    const double k = std::floor(t * kInvLn2 + 0.5);
    const double r = (t - k * kLn2Hi) - k * kLn2Lo;
    // Taylor series of exp(r) to r^18 (the remainder is below 1e-20 for |r| < 0.35) as
    // its even and odd halves in s = r^2, two independent Horner chains:
    //     exp(r) = sum_m s^m / (2m)!  +  r sum_m s^m / (2m + 1)!
    const double* c = kInverseFactorial.value;
    const double s = r * r;
    double even = c[18], odd = c[17];
    for (int m = 8; m >= 0; --m) even = even * s + c[2 * m];
    for (int m = 7; m >= 0; --m) odd = odd * s + c[2 * m + 1];
    const double series = even + r * odd;
    // 2^k as a double built from its exponent bits while k is in the normal range.
    if (k < -1022.0 || k > 1023.0) return std::ldexp(series, static_cast<int>(k));
    const auto exponent_bits = static_cast<std::uint64_t>(static_cast<int>(k) + 1023) << 52;
    double scale = 0.0;
    std::memcpy(&scale, &exponent_bits, sizeof scale);
    return series * scale;
}

namespace {

// pi/2 split in three: the first two parts hold 33 significant bits each, so q * part
// is exact for |q| < 2^20, and the three together carry pi/2 to about 2^-123.
constexpr double kHalfPi1 = 0x1.921fb544p+0;
constexpr double kHalfPi2 = 0x1.0b4611a6p-34;
constexpr double kHalfPi3 = 0x1.3198a2e037073p-69;
constexpr double kTwoOverPi = 0x1.45f306dc9c883p-1;

}  // namespace

SineCosine portable_sin_cos(double x) {
    if (!(std::fabs(x) <= 1e6)) return {std::nan(""), std::nan("")};
    // x = q pi/2 + r with |r| <= pi/4 (plus a hair): Cody and Waite's reduction, exact
    // term by term while |q| < 2^20.
    const double q = std::floor(x * kTwoOverPi + 0.5);
    const double r = ((x - q * kHalfPi1) - q * kHalfPi2) - q * kHalfPi3;
    // Taylor series in s = r^2: the first terms left out, r^19/19! and r^20/20!, are
    // below 1e-19 for |r| < 0.79.
    //     sin r = r - r s (1/3! - s (1/5! - ... - s/17!))
    //     cos r = 1 - s (1/2! - s (1/4! - ... - s/18!))
    const double* c = kInverseFactorial.value;
    const double s = r * r;
    double odd = c[17], even = c[18];
    for (int m = 7; m >= 1; --m) odd = c[2 * m + 1] - s * odd;
    for (int m = 8; m >= 1; --m) even = c[2 * m] - s * even;
    const double sine = r - (r * s) * odd;
    const double cosine = 1.0 - s * even;
    // Back to x by the quadrant q mod 4.
    switch (static_cast<long long>(q) & 3) {
        case 0: return {sine, cosine};
        case 1: return {cosine, -sine};
        case 2: return {-sine, -cosine};
        default: return {-cosine, sine};
    }
}

}  // namespace hebbian
