// The AVX2 versions of the dispatched kernels (kernel_table.hpp): four doubles per
// __m256d, no FMA, used when the processor has AVX2.
//
// Every output element sees the operations of the two-lane code in kernels.cpp in
// the same order, so the results are bit-identical to the SSE2 and wasm back ends;
// only which elements are computed together changes. scale_add and max_abs take four
// elements at a time; gemv keeps up to 32 entries of y in registers across all
// columns (each still adds its columns in order from 0.0); the symmetric update's
// register tile grows from 4 x 4 to 8 x 4; the Sanger step takes sixteen inputs per
// pass down the outputs; gemv_transposed's partial sums by row mod 4 fill one __m256d
// per column, eight columns a pass. dot_and_max_abs keeps the two-lane code's eight
// partial sums (two __m256d hold its s0, s1 and s2, s3) and its reduction.
//
// This file is compiled with -mavx2 on x86-64 only (never -mfma: a fused multiply-add
// rounds once where the two-lane code rounds twice). It includes no standard header:
// an inline function from one (std::vector, std::max, ...) could be emitted here with
// AVX2 instructions and picked by the linker for the baseline files as well.
#include "kernel_table.hpp"
#include "random_lane.hpp"

#include <immintrin.h>

namespace hebbian::kernels::avx2 {

namespace {

// Rows per panel of the symmetric update: a panel of X (rows x m) stays in L1.
constexpr int kPanelRows = 32;

inline double sum(__m128d v) { return _mm_cvtsd_f64(v) + _mm_cvtsd_f64(_mm_unpackhi_pd(v, v)); }

inline __m256d magnitude(__m256d v) { return _mm256_andnot_pd(_mm256_set1_pd(-0.0), v); }

// The larger lane of v, as the two-lane code picks it: lane0 < lane1 ? lane1 : lane0.
inline double larger_lane(__m128d v) {
    const double lane0 = _mm_cvtsd_f64(v), lane1 = _mm_cvtsd_f64(_mm_unpackhi_pd(v, v));
    return lane0 < lane1 ? lane1 : lane0;
}

// max(acc, v) per lane, keeping acc where v is NaN (maxpd returns its second operand then).
inline __m256d max_into(__m256d acc, __m256d v) { return _mm256_max_pd(v, acc); }

inline __m128d max_halves(__m256d v) { return _mm_max_pd(_mm256_extractf128_pd(v, 1), _mm256_castpd256_pd128(v)); }

}  // namespace

double dot_and_max_abs(const double* a, const double* b, int n, double* b_max) {
    __m256d low = _mm256_setzero_pd(), high = low, m_low = low, m_high = low;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256d b_low = _mm256_loadu_pd(b + i), b_high = _mm256_loadu_pd(b + i + 4);
        low = _mm256_add_pd(low, _mm256_mul_pd(_mm256_loadu_pd(a + i), b_low));
        high = _mm256_add_pd(high, _mm256_mul_pd(_mm256_loadu_pd(a + i + 4), b_high));
        m_low = max_into(m_low, magnitude(b_low));
        m_high = max_into(m_high, magnitude(b_high));
    }
    __m128d s0 = _mm256_castpd256_pd128(low);
    __m128d m0 = max_halves(max_into(m_low, m_high));
    for (; i + 2 <= n; i += 2) {
        const __m128d b0 = _mm_loadu_pd(b + i);
        s0 = _mm_add_pd(s0, _mm_mul_pd(_mm_loadu_pd(a + i), b0));
        m0 = _mm_max_pd(_mm_andnot_pd(_mm_set1_pd(-0.0), b0), m0);
    }
    const __m128d s1 = _mm256_extractf128_pd(low, 1);
    const __m128d s2 = _mm256_castpd256_pd128(high), s3 = _mm256_extractf128_pd(high, 1);
    double total = sum(_mm_add_pd(_mm_add_pd(s0, s1), _mm_add_pd(s2, s3)));
    double largest = larger_lane(m0);
    if (i < n) {
        total += a[i] * b[i];
        if (largest < __builtin_fabs(b[i])) largest = __builtin_fabs(b[i]);
    }
    *b_max = largest;
    return total;
}

double max_abs(const double* x, int n) {
    __m256d m0 = _mm256_setzero_pd(), m1 = m0, unordered = m0;  // unordered: a lane saw a NaN
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256d v0 = _mm256_loadu_pd(x + i), v1 = _mm256_loadu_pd(x + i + 4);
        m0 = max_into(m0, magnitude(v0)), m1 = max_into(m1, magnitude(v1));
        unordered = _mm256_or_pd(unordered, _mm256_cmp_pd(v0, v1, _CMP_UNORD_Q));
    }
    for (; i + 4 <= n; i += 4) {
        const __m256d v0 = _mm256_loadu_pd(x + i);
        m0 = max_into(m0, magnitude(v0));
        unordered = _mm256_or_pd(unordered, _mm256_cmp_pd(v0, v0, _CMP_UNORD_Q));
    }
    if (_mm256_movemask_pd(unordered) != 0) return __builtin_nan("");
    double largest = larger_lane(max_halves(max_into(m0, m1)));
    for (; i < n; ++i) {
        if (__builtin_isnan(x[i])) return __builtin_nan("");
        if (largest < __builtin_fabs(x[i])) largest = __builtin_fabs(x[i]);
    }
    return largest;
}

void scale_add(double* w, double a, double b, const double* x, int n) {
    // w <- a w + b x, element by element.
    const __m256d va = _mm256_set1_pd(a), vb = _mm256_set1_pd(b);
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256d w0 = _mm256_loadu_pd(w + i), w1 = _mm256_loadu_pd(w + i + 4);
        const __m256d x0 = _mm256_loadu_pd(x + i), x1 = _mm256_loadu_pd(x + i + 4);
        _mm256_storeu_pd(w + i, _mm256_add_pd(_mm256_mul_pd(va, w0), _mm256_mul_pd(vb, x0)));
        _mm256_storeu_pd(w + i + 4, _mm256_add_pd(_mm256_mul_pd(va, w1), _mm256_mul_pd(vb, x1)));
    }
    for (; i + 4 <= n; i += 4)
        _mm256_storeu_pd(w + i, _mm256_add_pd(_mm256_mul_pd(va, _mm256_loadu_pd(w + i)),
                                              _mm256_mul_pd(vb, _mm256_loadu_pd(x + i))));
    for (; i + 2 <= n; i += 2)
        _mm_storeu_pd(w + i, _mm_add_pd(_mm_mul_pd(_mm256_castpd256_pd128(va), _mm_loadu_pd(w + i)),
                                        _mm_mul_pd(_mm256_castpd256_pd128(vb), _mm_loadu_pd(x + i))));
    if (i < n) w[i] = a * w[i] + b * x[i];
}

namespace {

// y(i .. i + 4 Vectors - 1) = sum_j A(i.., j) x_j, summed over j in order from 0.0
// (as the two-lane gemv sums), in registers.
template <int Vectors>
inline void gemv_rows(double* y, const double* a, int i, int cols, int ld, const double* x) {
    __m256d acc[Vectors];
    for (int v = 0; v < Vectors; ++v) acc[v] = _mm256_setzero_pd();
    const double* column = a + i;
    for (int j = 0; j < cols; ++j, column += ld) {
        const __m256d xj = _mm256_broadcast_sd(x + j);
        for (int v = 0; v < Vectors; ++v)
            acc[v] = _mm256_add_pd(acc[v], _mm256_mul_pd(_mm256_loadu_pd(column + 4 * v), xj));
    }
    for (int v = 0; v < Vectors; ++v) _mm256_storeu_pd(y + i + 4 * v, acc[v]);
}

}  // namespace

void gemv(double* y, const double* a, int rows, int cols, int ld, const double* x) {
    int i = 0;
    for (; i + 32 <= rows; i += 32) gemv_rows<8>(y, a, i, cols, ld, x);
    if (i + 16 <= rows) gemv_rows<4>(y, a, i, cols, ld, x), i += 16;
    if (i + 8 <= rows) gemv_rows<2>(y, a, i, cols, ld, x), i += 8;
    if (i + 4 <= rows) gemv_rows<1>(y, a, i, cols, ld, x), i += 4;
    for (; i < rows; ++i) {
        double acc = 0.0;
        for (int j = 0; j < cols; ++j) acc = acc + a[i + static_cast<long>(j) * ld] * x[j];
        y[i] = acc;
    }
}

namespace {

// One column's end, as the two-lane column_total: the four partial sums by row mod 4
// (lo = rows 0, 1 and hi = rows 2, 3 of each group), a last pair into lo, lo + hi
// summed across lanes, then an odd last row.
inline double column_total(__m256d partial, const double* c, const double* x, int i, int rows) {
    __m128d lo = _mm256_castpd256_pd128(partial);
    if (i + 2 <= rows) lo = _mm_add_pd(lo, _mm_mul_pd(_mm_loadu_pd(c + i), _mm_loadu_pd(x + i))), i += 2;
    double total = sum(_mm_add_pd(lo, _mm256_extractf128_pd(partial, 1)));
    if (i < rows) total += c[i] * x[i];
    return total;
}

}  // namespace

void gemv_transposed(double* y, const double* a, int rows, int cols, int ld, const double* x) {
    // y_j = A(:, j) . x, four columns share each load of x.
    const int rows4 = rows - rows % 4;
    int j = 0;
    for (; j + 8 <= cols; j += 8) {
        // Eight columns a pass where there are eight (Sanger's k = 8): fewer loads of x.
        const double* c = a + static_cast<long>(j) * ld;
        __m256d p[8];
        for (int q = 0; q < 8; ++q) p[q] = _mm256_setzero_pd();
        for (int i = 0; i < rows4; i += 4) {
            const __m256d xv = _mm256_loadu_pd(x + i);
            for (int q = 0; q < 8; ++q)
                p[q] = _mm256_add_pd(p[q], _mm256_mul_pd(_mm256_loadu_pd(c + static_cast<long>(q) * ld + i), xv));
        }
        for (int q = 0; q < 8; ++q) y[j + q] = column_total(p[q], c + static_cast<long>(q) * ld, x, rows4, rows);
    }
    for (; j + 4 <= cols; j += 4) {
        const double* c0 = a + static_cast<long>(j) * ld;
        const double *c1 = c0 + ld, *c2 = c1 + ld, *c3 = c2 + ld;
        __m256d p0 = _mm256_setzero_pd(), p1 = p0, p2 = p0, p3 = p0;
        for (int i = 0; i < rows4; i += 4) {
            const __m256d xv = _mm256_loadu_pd(x + i);
            p0 = _mm256_add_pd(p0, _mm256_mul_pd(_mm256_loadu_pd(c0 + i), xv));
            p1 = _mm256_add_pd(p1, _mm256_mul_pd(_mm256_loadu_pd(c1 + i), xv));
            p2 = _mm256_add_pd(p2, _mm256_mul_pd(_mm256_loadu_pd(c2 + i), xv));
            p3 = _mm256_add_pd(p3, _mm256_mul_pd(_mm256_loadu_pd(c3 + i), xv));
        }
        y[j] = column_total(p0, c0, x, rows4, rows), y[j + 1] = column_total(p1, c1, x, rows4, rows);
        y[j + 2] = column_total(p2, c2, x, rows4, rows), y[j + 3] = column_total(p3, c3, x, rows4, rows);
    }
    for (; j < cols; ++j) {
        const double* c0 = a + static_cast<long>(j) * ld;
        __m256d p0 = _mm256_setzero_pd();
        for (int i = 0; i < rows4; i += 4) p0 = _mm256_add_pd(p0, _mm256_mul_pd(_mm256_loadu_pd(c0 + i), _mm256_loadu_pd(x + i)));
        y[j] = column_total(p0, c0, x, rows4, rows);
    }
}

namespace {

// (t0, t1, t2, t3) = the transpose of the 4 x 4 block whose columns are (a0, a1, a2, a3).
inline void transpose(__m256d a0, __m256d a1, __m256d a2, __m256d a3, __m256d t[4]) {
    const __m256d u0 = _mm256_unpacklo_pd(a0, a1), u1 = _mm256_unpackhi_pd(a0, a1);
    const __m256d u2 = _mm256_unpacklo_pd(a2, a3), u3 = _mm256_unpackhi_pd(a2, a3);
    t[0] = _mm256_permute2f128_pd(u0, u2, 0x20), t[1] = _mm256_permute2f128_pd(u1, u3, 0x20);
    t[2] = _mm256_permute2f128_pd(u0, u2, 0x31), t[3] = _mm256_permute2f128_pd(u1, u3, 0x31);
}

// W(i..i+3, j..j+3) <- beta W + A, where A's column q is aq, and its mirror.
inline void finish_block(double* w, int n, __m256d beta, __m256d a0, __m256d a1, __m256d a2, __m256d a3, int i,
                         int j) {
    double* lower = w + i + static_cast<long>(j) * n;
    double* const column[4] = {lower, lower + n, lower + 2L * n, lower + 3L * n};
    a0 = _mm256_add_pd(_mm256_mul_pd(beta, _mm256_loadu_pd(column[0])), a0);
    a1 = _mm256_add_pd(_mm256_mul_pd(beta, _mm256_loadu_pd(column[1])), a1);
    a2 = _mm256_add_pd(_mm256_mul_pd(beta, _mm256_loadu_pd(column[2])), a2);
    a3 = _mm256_add_pd(_mm256_mul_pd(beta, _mm256_loadu_pd(column[3])), a3);
    _mm256_storeu_pd(column[0], a0), _mm256_storeu_pd(column[1], a1);
    _mm256_storeu_pd(column[2], a2), _mm256_storeu_pd(column[3], a3);
    if (i == j) {
        // Diagonal block: its upper part takes the lower values, so W stays exactly symmetric.
        for (int r = 0; r < 4; ++r)
            for (int q = r + 1; q < 4; ++q) column[q][r] = column[r][q];
        return;
    }
    // W(j..j+3, i..i+3) is the transpose: same values, as W was symmetric before.
    __m256d t[4];
    transpose(a0, a1, a2, a3, t);
    double* upper = w + j + static_cast<long>(i) * n;
    for (int r = 0; r < 4; ++r) _mm256_storeu_pd(upper + static_cast<long>(r) * n, t[r]);
}

// The 8 x 4 register tile: W(i..i+7, j..j+3) <- beta W + sum_b X(i.., b) S(j.., b)
// and the mirror, eight accumulators (ab q: rows of group b, column j + q). x0 and
// x1 point at the packed row groups i / 4 and i / 4 + 1, sp at column group j / 4.
inline void update_tile_8x4(double* w, int n, __m256d beta, const double* x0, const double* x1, const double* sp,
                            int m, int i, int j) {
    __m256d a00 = _mm256_setzero_pd(), a01 = a00, a02 = a00, a03 = a00;
    __m256d a10 = a00, a11 = a00, a12 = a00, a13 = a00;
    for (int b = 0; b < 4 * m; b += 4) {
        const __m256d r0 = _mm256_loadu_pd(x0 + b), r1 = _mm256_loadu_pd(x1 + b);
        __m256d s = _mm256_broadcast_sd(sp + b);
        a00 = _mm256_add_pd(a00, _mm256_mul_pd(r0, s)), a10 = _mm256_add_pd(a10, _mm256_mul_pd(r1, s));
        s = _mm256_broadcast_sd(sp + b + 1);
        a01 = _mm256_add_pd(a01, _mm256_mul_pd(r0, s)), a11 = _mm256_add_pd(a11, _mm256_mul_pd(r1, s));
        s = _mm256_broadcast_sd(sp + b + 2);
        a02 = _mm256_add_pd(a02, _mm256_mul_pd(r0, s)), a12 = _mm256_add_pd(a12, _mm256_mul_pd(r1, s));
        s = _mm256_broadcast_sd(sp + b + 3);
        a03 = _mm256_add_pd(a03, _mm256_mul_pd(r0, s)), a13 = _mm256_add_pd(a13, _mm256_mul_pd(r1, s));
    }
    finish_block(w, n, beta, a00, a01, a02, a03, i, j);
    finish_block(w, n, beta, a10, a11, a12, a13, i + 4, j);
}

// The 4 x 4 tile, for a panel's last four rows.
inline void update_tile_4x4(double* w, int n, __m256d beta, const double* x0, const double* sp, int m, int i, int j) {
    __m256d a0 = _mm256_setzero_pd(), a1 = a0, a2 = a0, a3 = a0;
    for (int b = 0; b < 4 * m; b += 4) {
        const __m256d r0 = _mm256_loadu_pd(x0 + b);
        a0 = _mm256_add_pd(a0, _mm256_mul_pd(r0, _mm256_broadcast_sd(sp + b)));
        a1 = _mm256_add_pd(a1, _mm256_mul_pd(r0, _mm256_broadcast_sd(sp + b + 1)));
        a2 = _mm256_add_pd(a2, _mm256_mul_pd(r0, _mm256_broadcast_sd(sp + b + 2)));
        a3 = _mm256_add_pd(a3, _mm256_mul_pd(r0, _mm256_broadcast_sd(sp + b + 3)));
    }
    finish_block(w, n, beta, a0, a1, a2, a3, i, j);
}

}  // namespace

void symmetric_rank_tiles(double* w, int n, double beta, const double* xp, const double* sp, int m, int n4) {
    // W <- beta W + X diag(c) X^T on the lower triangle of 4 x 4 blocks, eight rows
    // (two blocks) per tile, a panel of rows at a time; each tile also writes its mirror.
    const long group = 4L * m;
    const __m256d vbeta = _mm256_set1_pd(beta);
    for (int i0 = 0; i0 < n4; i0 += kPanelRows) {
        const int i1 = i0 + kPanelRows < n4 ? i0 + kPanelRows : n4;
        for (int j = 0; j < i1; j += 4) {
            const double* s = sp + (j / 4) * group;
            int i = i0 > j ? i0 : j;
            for (; i + 8 <= i1; i += 8) {
                const double* x0 = xp + (i / 4) * group;
                update_tile_8x4(w, n, vbeta, x0, x0 + group, s, m, i, j);
            }
            if (i < i1) update_tile_4x4(w, n, vbeta, xp + (i / 4) * group, s, m, i, j);
        }
    }
}

namespace {

// One pass of sanger_rows down the outputs for the inputs at x (width vectors of four).
template <int width>
inline void sanger_block(double* w_next, const double* w, int k, int n, const double* x, const double* y,
                         const double* gain) {
    __m256d r[width];
    for (int v = 0; v < width; ++v) r[v] = _mm256_loadu_pd(x + 4 * v);
    for (int i = 0; i < k; ++i, w += n, w_next += n) {
        const __m256d yi = _mm256_broadcast_sd(y + i), gain_i = _mm256_broadcast_sd(gain + i);
        for (int v = 0; v < width; ++v) {
            // w_i <- w_i + (eta y_i) r_i,  r_i = r_(i-1) - y_i w_i,  r_(-1) = x
            const __m256d wv = _mm256_loadu_pd(w + 4 * v);
            r[v] = _mm256_sub_pd(r[v], _mm256_mul_pd(yi, wv));
            _mm256_storeu_pd(w_next + 4 * v, _mm256_add_pd(wv, _mm256_mul_pd(gain_i, r[v])));
        }
    }
}

}  // namespace

void sanger_rows(double* w_next, const double* w, int k, int n, int n4, const double* x, const double* y,
                 const double* gain) {
    // Down the outputs i the running residual r = x_j - sum_{l <= i} y_l W(l, j)
    // updates W(i, j). Sixteen inputs at a time (four vectors: four independent chains
    // of subtractions hide each other's latency), then groups of four.
    int j = 0;
    for (; j + 16 <= n4; j += 16) sanger_block<4>(w_next + j, w + j, k, n, x + j, y, gain);
    for (; j < n4; j += 4) sanger_block<1>(w_next + j, w + j, k, n, x + j, y, gain);
}

namespace {

template <int k>
inline __m256i rotate_left(__m256i x) {
    return _mm256_or_si256(_mm256_slli_epi64(x, k), _mm256_srli_epi64(x, 64 - k));
}

}  // namespace

void random_rounds(u64* state, u64* out, int rounds) {
    // The four lanes of each word in one vector.
    __m256i* words = reinterpret_cast<__m256i*>(state);
    __m256i s0 = _mm256_loadu_si256(words), s1 = _mm256_loadu_si256(words + 1), s2 = _mm256_loadu_si256(words + 2),
            s3 = _mm256_loadu_si256(words + 3);
    for (int r = 0; r < rounds; ++r) {
        // xoshiro256**: result = rotl(s1 * 5, 7) * 9, then the state's xors and rotation.
        const __m256i rotated = rotate_left<7>(_mm256_add_epi64(_mm256_slli_epi64(s1, 2), s1));
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + kRandomLanes * r),
                            _mm256_add_epi64(_mm256_slli_epi64(rotated, 3), rotated));
        const __m256i t = _mm256_slli_epi64(s1, 17);
        s2 = _mm256_xor_si256(s2, s0);
        s3 = _mm256_xor_si256(s3, s1);
        s1 = _mm256_xor_si256(s1, s2);
        s0 = _mm256_xor_si256(s0, s3);
        s2 = _mm256_xor_si256(s2, t);
        s3 = rotate_left<45>(s3);
    }
    _mm256_storeu_si256(words, s0), _mm256_storeu_si256(words + 1, s1), _mm256_storeu_si256(words + 2, s2),
        _mm256_storeu_si256(words + 3, s3);
}

int ziggurat_normals(const u64* bits, int words, const double* layers, double* out, int* rejected) {
    // ziggurat_lane four draws (eight normals) at a time: the four low halves in one vector
    // and the four high halves in another, each half's layer entry (x_i, x_(i+1) / x_i)
    // loaded as one pair and the pairs transposed into widths and ratios; the stores
    // interleave the halves back into draw order.
    const __m256i mantissa = _mm256_set1_epi64x(static_cast<long long>(kUniformMantissa)),
                  exponent_of_one = _mm256_set1_epi64x(static_cast<long long>(kExponentOfOne)),
                  low_sign = _mm256_set1_epi64x(kSignBit), high_sign = _mm256_set1_epi64x(kSignBit << 32);
    const __m256d one = _mm256_set1_pd(1.0);
    const auto uniform = [&](__m256i shifted) {
        return _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(_mm256_and_si256(shifted, mantissa), exponent_of_one)),
                             one);
    };
    const auto layer = [&](u64 index) { return _mm_loadu_pd(layers + 2 * (index & kLayerMask)); };
    int count = 0, w = 0;
    for (; w + 4 <= words; w += 4) {
        const u64* draw = bits + w;
        const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(draw));
        const __m256d u_low = uniform(_mm256_slli_epi64(b, kLowUniformShift)),
                      u_high = uniform(_mm256_srli_epi64(b, kHighUniformShift));
        const __m256d low_even = _mm256_set_m128d(layer(draw[2]), layer(draw[0])),
                      low_odd = _mm256_set_m128d(layer(draw[3]), layer(draw[1])),
                      high_even = _mm256_set_m128d(layer(draw[2] >> 32), layer(draw[0] >> 32)),
                      high_odd = _mm256_set_m128d(layer(draw[3] >> 32), layer(draw[1] >> 32));
        const __m256d x_low = _mm256_mul_pd(u_low, _mm256_unpacklo_pd(low_even, low_odd)),
                      x_high = _mm256_mul_pd(u_high, _mm256_unpacklo_pd(high_even, high_odd));
        const __m256d low = _mm256_xor_pd(
                          x_low, _mm256_castsi256_pd(_mm256_slli_epi64(_mm256_and_si256(b, low_sign), kSignShift))),
                      high = _mm256_xor_pd(
                          x_high, _mm256_castsi256_pd(_mm256_slli_epi64(_mm256_and_si256(b, high_sign), kHighSignShift)));
        const __m256d first = _mm256_unpacklo_pd(low, high), second = _mm256_unpackhi_pd(low, high);
        _mm256_storeu_pd(out + 2 * w, _mm256_permute2f128_pd(first, second, 0x20));
        _mm256_storeu_pd(out + 2 * w + 4, _mm256_permute2f128_pd(first, second, 0x31));
        const int inside_low = _mm256_movemask_pd(_mm256_cmp_pd(u_low, _mm256_unpackhi_pd(low_even, low_odd), _CMP_LT_OQ)),
                  inside_high =
                      _mm256_movemask_pd(_mm256_cmp_pd(u_high, _mm256_unpackhi_pd(high_even, high_odd), _CMP_LT_OQ));
        count = note_rejections(interleave_halves(inside_low, inside_high), 8, 2 * w, rejected, count);
    }
    return ziggurat_tail(bits, w, words, layers, out, rejected, count);
}

const KernelTable kTable{"avx2", HEBBIAN_KERNEL_ADDRESSES};

}  // namespace hebbian::kernels::avx2
