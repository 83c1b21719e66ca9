// The generator, the portable logarithm and exponential, and the normal sampler.
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "core/portable_math.hpp"
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

TEST_CASE("portable_exp agrees with std::exp to within 4 ulp") {
    Rng rng(8);
    for (int i = 0; i < 20000; ++i) {
        const double t = 1400.0 * rng.uniform() - 700.0;
        const double expected = std::exp(t);
        CHECK(std::fabs(hebbian::portable_exp(t) - expected) <= 4.0 * std::fabs(std::nextafter(expected, 0.0) - expected));
    }
    CHECK(hebbian::portable_exp(0.0) == 1.0);
    CHECK(hebbian::portable_exp(-800.0) == 0.0);
}

TEST_CASE("normal samples follow the Gaussian distribution function, tails included") {
    // Kolmogorov-Smirnov distance to Phi over 10^6 samples, and the mass beyond 3 and 4 sigma
    // (the ziggurat's tail and wedges are rare paths that a mean and variance would not see).
    Rng rng(11);
    const int n = 1000000;
    std::vector<double> z(n);
    for (double& v : z) v = rng.normal();
    std::sort(z.begin(), z.end());
    double ks = 0.0;
    for (int i = 0; i < n; ++i) {
        const double phi = 0.5 * std::erfc(-z[static_cast<size_t>(i)] / std::sqrt(2.0));
        ks = std::fmax(ks, std::fmax(std::fabs(phi - double(i) / n), std::fabs(phi - double(i + 1) / n)));
    }
    CHECK(ks < 1.63 / std::sqrt(double(n)));  // the 1% critical value
    auto beyond = [&](double t) {
        return static_cast<double>(std::count_if(z.begin(), z.end(), [t](double v) { return std::fabs(v) > t; }));
    };
    for (double t : {3.0, 3.6541528853610088, 4.0, 4.5}) {
        CAPTURE(t);
        const double expected = n * std::erfc(t / std::sqrt(2.0));
        CHECK(std::fabs(beyond(t) - expected) < 4.0 * std::sqrt(expected));
    }
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
