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

// The ziggurat's 512 layers: bits 0-8 of a draw pick the layer, bit 9 the sign (moved to
// a double's sign bit by a shift of 54), bits 12-63 the uniform.
constexpr u64 kLayerMask = 0x1FF;
constexpr u64 kSignBit = 0x200;
constexpr int kSignShift = 54;

// The ziggurat's fast path for one 64-bit draw (Marsaglia and Tsang 2000, Doornik
// 2005): bits 0-8 pick the layer i, bit 9 the sign, bits 12-63 a uniform u in
// [0, 1) (52 bits, exact); x = u x_i is inside the density for sure when
// u < x_(i+1) / x_i. layers holds x_i and x_(i+1) / x_i at [2 i] and [2 i + 1].
// Writes +-x and returns whether it is accepted there.
inline bool ziggurat_lane(u64 bits, const double* layers, double* out) {
    const double u = bits_to_double((bits >> 12) | 0x3FF0000000000000ULL) - 1.0;
    const double* layer = layers + 2 * (bits & kLayerMask);
    const double x = u * layer[0];
    *out = bits_to_double(double_to_bits(x) ^ ((bits & kSignBit) << kSignShift));
    return u < layer[1];
}

// The rejections of four draws from i whose accepted lanes are the bits of `inside`
// appended to rejected[count...]; returns the new count.
inline int note_rejections(int inside, int i, int* rejected, int count) {
    if (inside != 15)
        for (int lane = 0; lane < 4; ++lane)
            if (!(inside & (1 << lane))) rejected[count++] = i + lane;
    return count;
}

// ziggurat_lane for the draws i..n-1 past the last whole vector; returns the new count.
inline int ziggurat_tail(const u64* bits, int i, int n, const double* layers, double* out, int* rejected, int count) {
    for (; i < n; ++i)
        if (!ziggurat_lane(bits[i], layers, out + i)) rejected[count++] = i;
    return count;
}

}  // namespace hebbian::kernels
