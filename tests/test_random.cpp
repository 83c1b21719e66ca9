// The generator, the portable logarithm and exponential, and the normal sampler.
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
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
    for (double t : {3.0, 3.852046150368391, 4.0, 4.5}) {
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

TEST_CASE("a wedge's bounding lines make the decisions the exponential makes") {
    // Every layer's wedge, at uniform points and at heights within 1e-13 of the density,
    // against the plain test height < f(x).
    const hebbian::Ziggurat& z = hebbian::ziggurat_tables();
    Rng rng(77);
    for (int layer = 1; layer < hebbian::Ziggurat::kLayers; ++layer) {
        CAPTURE(layer);
        const double inner = z.x[layer + 1], outer = z.x[layer];
        for (int i = 0; i < 400; ++i) {
            const double x = (inner + rng.uniform() * (outer - inner)) * (i % 2 ? -1.0 : 1.0);
            const double f = hebbian::portable_exp(-0.5 * (x * x));
            const double near = f * (1.0 + (rng.uniform() - 0.5) * 2e-13);
            const double anywhere = z.f[layer] + rng.uniform() * (z.f[layer + 1] - z.f[layer]);
            for (double height : {near, anywhere}) REQUIRE(hebbian::wedge_contains(z, layer, x, height) == (height < f));
        }
    }
}

TEST_CASE("below(n) is uniform over 0..n-1") {
    Rng rng(3);
    std::vector<int> counts(7, 0);
    const int n = 70000;
    for (int i = 0; i < n; ++i) counts[rng.below(7)]++;
    for (int c : counts) CHECK(std::abs(c - n / 7) < 400);  // about 4 standard deviations
}

namespace {

// xoshiro256** as its authors publish it (Blackman and Vigna, xoshiro256starstar.c),
// with its multiplications: the independent reference for the four lanes.
struct ReferenceXoshiro {
    std::uint64_t s[4];
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t next() {
        const std::uint64_t result = rotl(s[1] * 5, 7) * 9;
        const std::uint64_t t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = rotl(s[3], 45);
        return result;
    }
};

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

}  // namespace

TEST_CASE("the stream is four xoshiro256** generators seeded by SplitMix64, read round by round") {
    // Lane l's words are SplitMix64 outputs 4 w + l (w = 0..3) of the seed.
    const std::uint64_t seed = 2024;
    std::uint64_t state = seed, words[16];
    for (std::uint64_t& word : words) word = splitmix64(state);
    ReferenceXoshiro lanes[4];
    for (int l = 0; l < 4; ++l)
        for (int w = 0; w < 4; ++w) lanes[l].s[w] = words[4 * w + l];
    Rng rng(seed);
    for (int round = 0; round < 1000; ++round)
        for (ReferenceXoshiro& lane : lanes) REQUIRE(rng.next_u64() == lane.next());
}

TEST_CASE("the numbers do not depend on how the requests are grouped") {
    // Two normal numbers per draw of the stream: mixed requests read the same stream.
    Rng one_by_one(9), grouped(9), mixed(9);
    std::vector<double> expected(5000);
    for (double& v : expected) v = one_by_one.normal();
    std::vector<double> blocks(expected.size());
    for (size_t at = 0, size = 1; at < blocks.size(); at += size, size = size * 3 % 997 + 1)
        grouped.fill_normal(blocks.data() + at, std::min(size, blocks.size() - at));
    CHECK(std::memcmp(blocks.data(), expected.data(), expected.size() * sizeof(double)) == 0);

    Rng reference(9);
    std::vector<std::uint64_t> draws(3000);
    reference.fill_u64(draws.data(), draws.size());
    for (size_t i = 0; i < draws.size(); i += 3) {
        CHECK(mixed.next_u64() == draws[i]);
        std::uint64_t two[2];
        mixed.fill_u64(two, 2);
        CHECK(two[0] == draws[i + 1]);
        CHECK(two[1] == draws[i + 2]);
    }
}

TEST_CASE("normals take a draw's low half, then its high half; another request drops a waiting half") {
    Rng normals(21), draws(21), mixed(21);
    std::vector<double> expected(8);
    normals.fill_normal(expected.data(), expected.size());  // draws 0 to 3, two normals each
    std::uint64_t words[3];
    draws.fill_u64(words, 3);
    const double first = mixed.normal();  // draw 0, low half; its high half waits
    CHECK(mixed.next_u64() == words[1]);  // drops draw 0's high half
    const double second = mixed.normal();  // draw 2, low half
    const double third = mixed.normal();   // draw 2, high half
    double fourth = 0.0;
    mixed.fill_normal(&fourth, 1);  // draw 3, low half
    CHECK(std::memcmp(&first, &expected[0], sizeof first) == 0);
    CHECK(std::memcmp(&second, &expected[4], sizeof second) == 0);
    CHECK(std::memcmp(&third, &expected[5], sizeof third) == 0);
    CHECK(std::memcmp(&fourth, &expected[6], sizeof fourth) == 0);
    CHECK(first != expected[1]);
}

TEST_CASE("below(n) is uniform for a large n too, and 0 for n = 1") {
    Rng rng(5);
    CHECK(rng.below(1) == 0);
    // n above 2^32 takes the 64-bit path: the top and bottom halves of [0, n) are equally likely.
    const std::uint64_t n = 3ULL << 40;
    int low_half = 0;
    const int draws = 40000;
    for (int i = 0; i < draws; ++i) {
        const std::uint64_t r = rng.below(n);
        REQUIRE(r < n);
        low_half += r < n / 2;
    }
    CHECK(std::abs(low_half - draws / 2) < 4 * 100);  // 4 standard deviations
}
