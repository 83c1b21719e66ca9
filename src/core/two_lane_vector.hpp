// The two-lane double vector V that the kernels of kernels.cpp are written against,
// for three targets: WebAssembly SIMD (wasm_simd128.h, with -msimd128), SSE2 natively
// on x86-64, and plain scalar pairs elsewhere.
//
// V offers only lane-wise +, -, *, |.|, compare and select (flush_below: tiny lanes to
// +0, flush_tiny.hpp), plus loads, stores and lane shuffles (and U, two 64-bit integer
// lanes, only adds, bitwise operations and shifts, for the random-number kernels), so the
// three targets round identically: a kernel written with V gives the same bits natively
// and in wasm (the core builds with -ffp-contract=off, so nothing fuses a multiply and an
// add). Included by kernels.cpp only.
#pragma once

#include <cmath>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hebbian::kernels::two_lane {

#if defined(__wasm_simd128__)
constexpr const char* kName = "wasm-simd128";
struct V {
    v128_t v;
};
struct Mask {
    v128_t m;
};
inline V load(const double* p) { return {wasm_v128_load(p)}; }
inline void store(double* p, V a) { wasm_v128_store(p, a.v); }
inline V splat(double s) { return {wasm_f64x2_splat(s)}; }
inline V splat_load(const double* p) { return {wasm_v128_load64_splat(p)}; }
inline V operator+(V a, V b) { return {wasm_f64x2_add(a.v, b.v)}; }
inline V operator-(V a, V b) { return {wasm_f64x2_sub(a.v, b.v)}; }
inline V operator*(V a, V b) { return {wasm_f64x2_mul(a.v, b.v)}; }
// |a| as a bitwise and with a mask the caller keeps in a register: V8 compiles f64x2.abs
// to an andpd that loads its mask from memory at every use, an extra load per vector.
inline V sign_clear_mask() { return {wasm_i64x2_splat(0x7fffffffffffffffLL)}; }
inline V clear_sign(V a, V mask) { return {wasm_v128_and(a.v, mask.v)}; }
// (acc < v) ? v : acc per lane: a NaN in v leaves acc.
inline V max_into(V acc, V v) { return {wasm_f64x2_pmax(acc.v, v.v)}; }
// 0.0 in the lanes where |a| < threshold (a's sign cleared by mask), else a's bits:
// the flush of tiny weights (flush_tiny.hpp), one compare and one and-not, no branch.
inline V flush_below(V a, V threshold, V mask) {
    return {wasm_v128_andnot(a.v, wasm_f64x2_lt(wasm_v128_and(a.v, mask.v), threshold.v))};
}
inline Mask all_set() { return {wasm_i64x2_splat(-1)}; }
inline Mask equal(V a, V b) { return {wasm_f64x2_eq(a.v, b.v)}; }
inline Mask operator&(Mask a, Mask b) { return {wasm_v128_and(a.m, b.m)}; }
inline bool all(Mask a) { return wasm_i64x2_all_true(a.m); }
inline double lane0(V a) { return wasm_f64x2_extract_lane(a.v, 0); }
inline double lane1(V a) { return wasm_f64x2_extract_lane(a.v, 1); }
inline V unpack_lo(V a, V b) { return {wasm_i64x2_shuffle(a.v, b.v, 0, 2)}; }
inline V unpack_hi(V a, V b) { return {wasm_i64x2_shuffle(a.v, b.v, 1, 3)}; }
inline V make(double lane0, double lane1) { return {wasm_f64x2_make(lane0, lane1)}; }
// Bit i set when lane i of a < b.
inline int less_bits(V a, V b) {
    const int halves = static_cast<int>(wasm_i32x4_bitmask(wasm_f64x2_lt(a.v, b.v)));
    return (halves & 1) | ((halves >> 1) & 2);
}
struct U {
    v128_t v;
};
inline U load(const unsigned long long* p) { return {wasm_v128_load(p)}; }
inline void store(unsigned long long* p, U a) { wasm_v128_store(p, a.v); }
inline U splat_bits(unsigned long long s) { return {wasm_i64x2_splat(static_cast<long long>(s))}; }
inline U operator+(U a, U b) { return {wasm_i64x2_add(a.v, b.v)}; }
inline U operator^(U a, U b) { return {wasm_v128_xor(a.v, b.v)}; }
inline U operator|(U a, U b) { return {wasm_v128_or(a.v, b.v)}; }
inline U operator&(U a, U b) { return {wasm_v128_and(a.v, b.v)}; }
template <int k>
inline U shift_left(U a) { return {wasm_i64x2_shl(a.v, k)}; }
template <int k>
inline U shift_right(U a) { return {wasm_u64x2_shr(a.v, k)}; }
inline unsigned long long lane0(U a) { return static_cast<unsigned long long>(wasm_i64x2_extract_lane(a.v, 0)); }
inline unsigned long long lane1(U a) { return static_cast<unsigned long long>(wasm_i64x2_extract_lane(a.v, 1)); }
inline V as_doubles(U a) { return {a.v}; }
inline U as_bits(V a) { return {a.v}; }
#elif defined(__SSE2__)
constexpr const char* kName = "sse2";
struct V {
    __m128d v;
};
struct Mask {
    __m128d m;
};
inline V load(const double* p) { return {_mm_loadu_pd(p)}; }
inline void store(double* p, V a) { _mm_storeu_pd(p, a.v); }
inline V splat(double s) { return {_mm_set1_pd(s)}; }
inline V splat_load(const double* p) { return {_mm_load1_pd(p)}; }
inline V operator+(V a, V b) { return {_mm_add_pd(a.v, b.v)}; }
inline V operator-(V a, V b) { return {_mm_sub_pd(a.v, b.v)}; }
inline V operator*(V a, V b) { return {_mm_mul_pd(a.v, b.v)}; }
inline V sign_clear_mask() { return {_mm_castsi128_pd(_mm_set1_epi64x(0x7fffffffffffffffLL))}; }
inline V clear_sign(V a, V mask) { return {_mm_and_pd(a.v, mask.v)}; }
// (acc < v) ? v : acc per lane: maxpd returns its second operand on NaN.
inline V max_into(V acc, V v) { return {_mm_max_pd(v.v, acc.v)}; }
inline V flush_below(V a, V threshold, V mask) {
    return {_mm_andnot_pd(_mm_cmplt_pd(_mm_and_pd(a.v, mask.v), threshold.v), a.v)};
}
inline Mask all_set() { return {_mm_castsi128_pd(_mm_set1_epi32(-1))}; }
inline Mask equal(V a, V b) { return {_mm_cmpeq_pd(a.v, b.v)}; }
inline Mask operator&(Mask a, Mask b) { return {_mm_and_pd(a.m, b.m)}; }
inline bool all(Mask a) { return _mm_movemask_pd(a.m) == 3; }
inline double lane0(V a) { return _mm_cvtsd_f64(a.v); }
inline double lane1(V a) { return _mm_cvtsd_f64(_mm_unpackhi_pd(a.v, a.v)); }
inline V unpack_lo(V a, V b) { return {_mm_unpacklo_pd(a.v, b.v)}; }
inline V unpack_hi(V a, V b) { return {_mm_unpackhi_pd(a.v, b.v)}; }
inline V make(double lane0, double lane1) { return {_mm_set_pd(lane1, lane0)}; }
inline int less_bits(V a, V b) { return _mm_movemask_pd(_mm_cmplt_pd(a.v, b.v)); }
struct U {
    __m128i v;
};
inline U load(const unsigned long long* p) { return {_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))}; }
inline void store(unsigned long long* p, U a) { _mm_storeu_si128(reinterpret_cast<__m128i*>(p), a.v); }
inline U splat_bits(unsigned long long s) { return {_mm_set1_epi64x(static_cast<long long>(s))}; }
inline U operator+(U a, U b) { return {_mm_add_epi64(a.v, b.v)}; }
inline U operator^(U a, U b) { return {_mm_xor_si128(a.v, b.v)}; }
inline U operator|(U a, U b) { return {_mm_or_si128(a.v, b.v)}; }
inline U operator&(U a, U b) { return {_mm_and_si128(a.v, b.v)}; }
template <int k>
inline U shift_left(U a) { return {_mm_slli_epi64(a.v, k)}; }
template <int k>
inline U shift_right(U a) { return {_mm_srli_epi64(a.v, k)}; }
inline unsigned long long lane0(U a) { return static_cast<unsigned long long>(_mm_cvtsi128_si64(a.v)); }
inline unsigned long long lane1(U a) {
    return static_cast<unsigned long long>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(a.v, a.v)));
}
inline V as_doubles(U a) { return {_mm_castsi128_pd(a.v)}; }
inline U as_bits(V a) { return {_mm_castpd_si128(a.v)}; }
#else
constexpr const char* kName = "scalar";
struct V {
    double a, b;
};
struct Mask {
    bool a, b;
};
inline V load(const double* p) { return {p[0], p[1]}; }
inline void store(double* p, V v) { p[0] = v.a, p[1] = v.b; }
inline V splat(double s) { return {s, s}; }
inline V splat_load(const double* p) { return {*p, *p}; }
inline V operator+(V x, V y) { return {x.a + y.a, x.b + y.b}; }
inline V operator-(V x, V y) { return {x.a - y.a, x.b - y.b}; }
inline V operator*(V x, V y) { return {x.a * y.a, x.b * y.b}; }
inline V sign_clear_mask() { return {0.0, 0.0}; }
inline V clear_sign(V x, V) { return {std::fabs(x.a), std::fabs(x.b)}; }
inline V max_into(V acc, V v) { return {acc.a < v.a ? v.a : acc.a, acc.b < v.b ? v.b : acc.b}; }
inline V flush_below(V x, V threshold, V) {
    return {std::fabs(x.a) < threshold.a ? 0.0 : x.a, std::fabs(x.b) < threshold.b ? 0.0 : x.b};
}
inline Mask all_set() { return {true, true}; }
inline Mask equal(V x, V y) { return {x.a == y.a, x.b == y.b}; }
inline Mask operator&(Mask x, Mask y) { return {x.a && y.a, x.b && y.b}; }
inline bool all(Mask m) { return m.a && m.b; }
inline double lane0(V v) { return v.a; }
inline double lane1(V v) { return v.b; }
inline V unpack_lo(V x, V y) { return {x.a, y.a}; }
inline V unpack_hi(V x, V y) { return {x.b, y.b}; }
inline V make(double lane0, double lane1) { return {lane0, lane1}; }
inline int less_bits(V x, V y) { return (x.a < y.a ? 1 : 0) | (x.b < y.b ? 2 : 0); }
struct U {
    unsigned long long a, b;
};
inline U load(const unsigned long long* p) { return {p[0], p[1]}; }
inline void store(unsigned long long* p, U v) { p[0] = v.a, p[1] = v.b; }
inline U splat_bits(unsigned long long s) { return {s, s}; }
inline U operator+(U x, U y) { return {x.a + y.a, x.b + y.b}; }
inline U operator^(U x, U y) { return {x.a ^ y.a, x.b ^ y.b}; }
inline U operator|(U x, U y) { return {x.a | y.a, x.b | y.b}; }
inline U operator&(U x, U y) { return {x.a & y.a, x.b & y.b}; }
template <int k>
inline U shift_left(U x) { return {x.a << k, x.b << k}; }
template <int k>
inline U shift_right(U x) { return {x.a >> k, x.b >> k}; }
inline unsigned long long lane0(U x) { return x.a; }
inline unsigned long long lane1(U x) { return x.b; }
inline V as_doubles(U x) {
    V v;
    __builtin_memcpy(&v.a, &x.a, 8), __builtin_memcpy(&v.b, &x.b, 8);
    return v;
}
inline U as_bits(V v) {
    U x;
    __builtin_memcpy(&x.a, &v.a, 8), __builtin_memcpy(&x.b, &v.b, 8);
    return x;
}
#endif

// lane 0 + lane 1.
inline double sum(V a) { return lane0(a) + lane1(a); }

}  // namespace hebbian::kernels::two_lane
