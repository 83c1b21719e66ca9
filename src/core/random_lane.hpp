// One lane of the random-number kernels, in scalar code shared by every back end
// (kernels.cpp and kernels_avx2.cpp) for the elements past the last whole vector,
// and by Rng for its slow path. Like kernel_table.hpp it includes no standard header.
//
// The stream is four xoshiro256** generators (Blackman and Vigna 2018) side by side:
// word w of lane l at state[4 w + l], and round r of the stream gives lane l's next
// output at out[4 r + l]. Every multiplication of xoshiro256** is by 5 or 9, so it
// is a shift and an add, which every vector width has.
#pragma once

namespace hebbian::kernels {

using u64 = unsigned long long;

constexpr int kRandomLanes = 4;

inline u64 rotate_left(u64 x, int k) { return (x << k) | (x >> (64 - k)); }

// The next output of one xoshiro256** generator whose words are s[0], s[stride],
// s[2 stride], s[3 stride].
inline u64 xoshiro_next(u64* s, int stride) {
    u64& s0 = s[0];
    u64& s1 = s[stride];
    u64& s2 = s[2 * stride];
    u64& s3 = s[3 * stride];
    const u64 five = (s1 << 2) + s1;
    const u64 rotated = rotate_left(five, 7);
    const u64 result = (rotated << 3) + rotated;
    const u64 t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotate_left(s3, 45);
    return result;
}

inline double bits_to_double(u64 bits) {
    double d;
    __builtin_memcpy(&d, &bits, sizeof d);
    return d;
}

inline u64 double_to_bits(double d) {
    u64 bits;
    __builtin_memcpy(&bits, &d, sizeof bits);
    return bits;
}

// The ziggurat takes two normals from each 64-bit draw: its low 32 bits, then its high
// 32 bits. In each half, bits 0-8 pick one of the 512 layers, bit 9 is the sign and bits
// 10-31 a uniform of 22 bits. In a vector of whole draws the sign of the low half moves
// to a double's sign bit by a shift of 54 and that of the high half (bit 41) by 22; the
// uniforms land in the mantissa's top 22 bits (kUniformMantissa) by a shift of 20 (low)
// or 12 (high).
constexpr u64 kLayerMask = 0x1FF;
constexpr u64 kSignBit = 0x200;
constexpr int kSignShift = 54;
constexpr int kHighSignShift = 22;
constexpr int kLowUniformShift = 20;
constexpr int kHighUniformShift = 12;
constexpr u64 kUniformMantissa = 0x000FFFFC00000000ULL;
constexpr u64 kExponentOfOne = 0x3FF0000000000000ULL;

inline unsigned low_half(u64 draw) { return static_cast<unsigned>(draw); }
inline unsigned high_half(u64 draw) { return static_cast<unsigned>(draw >> 32); }

// The ziggurat's fast path for one 32-bit half (Marsaglia and Tsang 2000, Doornik 2005):
// bits 0-8 pick the layer i, bit 9 the sign, bits 10-31 a uniform u in [0, 1) (22 bits,
// exact); x = u x_i is inside the density for sure when u < x_(i+1) / x_i. layers holds
// x_i and x_(i+1) / x_i at [2 i] and [2 i + 1]. Writes +-x and returns whether it is
// accepted there. The vector kernels compute the same bits from whole draws.
inline bool ziggurat_lane(unsigned half, const double* layers, double* out) {
    const u64 bits = half;
    const double u = bits_to_double(((bits << kLowUniformShift) & kUniformMantissa) | kExponentOfOne) - 1.0;
    const double* layer = layers + 2 * (bits & kLayerMask);
    const double x = u * layer[0];
    *out = bits_to_double(double_to_bits(x) ^ ((bits & kSignBit) << kSignShift));
    return u < layer[1];
}

// The normals' accepted-bit masks of a vector of draws: bit j of low_halves (resp.
// high_halves) for draw j's low (high) half, spread to bits 2 j (2 j + 1).
// Four draws at most: the masks have 4 bits.
inline int interleave_halves(int low_halves, int high_halves) {
    constexpr int kSpread[16] = {0, 1, 4, 5, 16, 17, 20, 21, 64, 65, 68, 69, 80, 81, 84, 85};  // bit j to bit 2 j
    return kSpread[low_halves] | kSpread[high_halves] << 1;
}

// The rejections among `lanes` normals from i whose accepted ones are the bits of
// `inside`, appended to rejected[count...]; returns the new count.
inline int note_rejections(int inside, int lanes, int i, int* rejected, int count) {
    if (inside != (1 << lanes) - 1)
        for (int lane = 0; lane < lanes; ++lane)
            if (!(inside & (1 << lane))) rejected[count++] = i + lane;
    return count;
}

// ziggurat_lane for the draws w..words-1 past the last whole vector (normals 2 w onwards);
// returns the new count.
inline int ziggurat_tail(const u64* bits, int w, int words, const double* layers, double* out, int* rejected,
                         int count) {
    for (; w < words; ++w) {
        if (!ziggurat_lane(low_half(bits[w]), layers, out + 2 * w)) rejected[count++] = 2 * w;
        if (!ziggurat_lane(high_half(bits[w]), layers, out + 2 * w + 1)) rejected[count++] = 2 * w + 1;
    }
    return count;
}

}  // namespace hebbian::kernels
