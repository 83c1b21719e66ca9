// The generator, the portable logarithm and the normal sampler.
#include <doctest.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "core/random.hpp"

using hebbian::Rng;

TEST_CASE("portable_log agrees with std::log to within 2 ulp") {
    Rng rng(7);
    for (int i = 0; i < 20000; ++i) {
        const double x = std::exp(1400.0 * rng.uniform() - 700.0);
        const double expected = std::log(x);
        const double got = hebbian::portable_log(x);
        CHECK(std::fabs(got - expected) <= 2.0 * std::fabs(std::nextafter(expected, 0.0) - expected) + 1e-300);
    }
    for (double x : {1.0, 0.5, 2.0, 1.0 - 1e-12, 1e-308, 1.7e308})
        CHECK(std::fabs(hebbian::portable_log(x) - std::log(x)) <= 4e-16 * std::fmax(1.0, std::fabs(std::log(x))));
}

TEST_CASE("normal samples have mean 0, variance 1 and the Gaussian one-sigma mass") {
    Rng rng(42);
    const int n = 400000;
    double sum = 0.0, sum2 = 0.0;
    int within_one_sigma = 0;
    for (int i = 0; i < n; ++i) {
        const double z = rng.normal();
        sum += z;
        sum2 += z * z;
        within_one_sigma += std::fabs(z) < 1.0;
    }
    const double mean = sum / n;
    CHECK(std::fabs(mean) < 0.01);
    CHECK(std::fabs(sum2 / n - mean * mean - 1.0) < 0.01);
    CHECK(static_cast<double>(within_one_sigma) / n == doctest::Approx(0.682689).epsilon(0.005));
}

TEST_CASE("below(n) is uniform over 0..n-1") {
    Rng rng(3);
    std::vector<int> counts(7, 0);
    const int n = 70000;
    for (int i = 0; i < n; ++i) counts[rng.below(7)]++;
    for (int c : counts) CHECK(std::abs(c - n / 7) < 400);  // about 4 standard deviations
}
