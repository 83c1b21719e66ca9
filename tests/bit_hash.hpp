// A hash of doubles' bit patterns, for golden tests: equal hashes mean equal bits, so the
// native and the wasm suite can check one stream against the same number.
#pragma once

#include <cstdint>
#include <cstring>

namespace hebbian::testing {

// FNV-1a over the IEEE-754 bit patterns of the values, each as 8 bytes least significant first.
struct BitHash {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    void add(double v) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &v, sizeof bits);
        for (int i = 0; i < 8; ++i) {
            h ^= (bits >> (8 * i)) & 0xFF;
            h *= 0x100000001b3ULL;
        }
    }
};

}  // namespace hebbian::testing
