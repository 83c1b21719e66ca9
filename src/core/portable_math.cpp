// Portable logarithm and exponential (see portable_math.hpp).
#include "portable_math.hpp"

#include <cmath>

namespace hebbian {

namespace {

constexpr double kSqrtHalf = 0.70710678118654752440;
constexpr double kInvLn2 = 1.44269504088896340736;
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

double portable_exp(double t) {
    if (t < -745.2) return 0.0;
    // exp(t) = 2^k exp(r), k = round(t / ln 2), |r| <= ln 2 / 2 + tiny.
    const double k = std::floor(t * kInvLn2 + 0.5);
    const double r = (t - k * kLn2Hi) - k * kLn2Lo;
    // Taylor series of exp(r) to r^18: the remainder is below 1e-20 for |r| < 0.35.
    double series = 1.0;
    for (int term = 18; term >= 1; --term) series = 1.0 + series * r / term;
    return std::ldexp(series, static_cast<int>(k));
}

}  // namespace hebbian
