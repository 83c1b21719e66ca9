// The two-lane double vector V that the kernels of kernels.cpp are written against,
// for three targets: WebAssembly SIMD (wasm_simd128.h, with -msimd128), SSE2 natively
// on x86-64, and plain scalar pairs elsewhere.
//
// V offers only lane-wise +, -, *, |.|, compare and select, plus loads, stores and
// lane shuffles, so the three targets round identically: a kernel written with V
// gives the same bits natively and in wasm (the core builds with -ffp-contract=off,
// so nothing fuses a multiply and an add). Included by kernels.cpp only.
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
inline Mask all_set() { return {wasm_i64x2_splat(-1)}; }
inline Mask equal(V a, V b) { return {wasm_f64x2_eq(a.v, b.v)}; }
inline Mask operator&(Mask a, Mask b) { return {wasm_v128_and(a.m, b.m)}; }
inline bool all(Mask a) { return wasm_i64x2_all_true(a.m); }
inline double lane0(V a) { return wasm_f64x2_extract_lane(a.v, 0); }
inline double lane1(V a) { return wasm_f64x2_extract_lane(a.v, 1); }
inline V unpack_lo(V a, V b) { return {wasm_i64x2_shuffle(a.v, b.v, 0, 2)}; }
inline V unpack_hi(V a, V b) { return {wasm_i64x2_shuffle(a.v, b.v, 1, 3)}; }
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
inline Mask all_set() { return {_mm_castsi128_pd(_mm_set1_epi32(-1))}; }
inline Mask equal(V a, V b) { return {_mm_cmpeq_pd(a.v, b.v)}; }
inline Mask operator&(Mask a, Mask b) { return {_mm_and_pd(a.m, b.m)}; }
inline bool all(Mask a) { return _mm_movemask_pd(a.m) == 3; }
inline double lane0(V a) { return _mm_cvtsd_f64(a.v); }
inline double lane1(V a) { return _mm_cvtsd_f64(_mm_unpackhi_pd(a.v, a.v)); }
inline V unpack_lo(V a, V b) { return {_mm_unpacklo_pd(a.v, b.v)}; }
inline V unpack_hi(V a, V b) { return {_mm_unpackhi_pd(a.v, b.v)}; }
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
inline Mask all_set() { return {true, true}; }
inline Mask equal(V x, V y) { return {x.a == y.a, x.b == y.b}; }
inline Mask operator&(Mask x, Mask y) { return {x.a && y.a, x.b && y.b}; }
inline bool all(Mask m) { return m.a && m.b; }
inline double lane0(V v) { return v.a; }
inline double lane1(V v) { return v.b; }
inline V unpack_lo(V x, V y) { return {x.a, y.a}; }
inline V unpack_hi(V x, V y) { return {x.b, y.b}; }
#endif

// lane 0 + lane 1.
inline double sum(V a) { return lane0(a) + lane1(a); }

}  // namespace hebbian::kernels::two_lane
