// The two-lane kernels and the public entry points of kernels.hpp.
//
// The two-lane versions of the dispatched kernels (kernel_table.hpp) and their
// helpers are written once against the vector V of two_lane_vector.hpp, using only
// its lane-wise operations, so wasm SIMD, SSE2 and scalar pairs round identically;
// odd tails are done in scalar code shared by all back ends. The entry points call
// the dispatched kernels through the table in use: two_lane::kTable here, or
// avx2::kTable (kernels_avx2.cpp) where the processor has AVX2.
#include "kernels.hpp"

#include <cmath>
#include <limits>

#include "flush_tiny.hpp"
#include "kernel_table.hpp"
#include "random_lane.hpp"
#include "two_lane_vector.hpp"

namespace hebbian::kernels {

namespace two_lane {

namespace {

// Rows per panel of the symmetric update: a panel of X (rows x m) stays in L1.
constexpr int kPanelRows = 32;

// The end of one column of gemv_transposed: the rows past the last group of four
// (a pair into lo, then an odd one), and the reduction (lo + hi) summed across lanes.
inline double column_total(V lo, V hi, const double* c, const double* x, int i, int rows) {
    if (i + 2 <= rows) lo = lo + load(c + i) * load(x + i), i += 2;
    double total = sum(lo + hi);
    if (i < rows) total += c[i] * x[i];
    return total;
}

// y(i .. i + 2 Vectors - 1) = sum_j A(i.., j) x_j, each row adding its columns in order
// from 0.0, in registers.
template <int Vectors>
inline void gemv_rows(double* y, const double* a, int i, int cols, int ld, const double* x) {
    V acc[Vectors];
    for (int v = 0; v < Vectors; ++v) acc[v] = splat(0.0);
    const double* column = a + i;
    for (int j = 0; j < cols; ++j, column += ld) {
        const V xj = splat_load(x + j);
        for (int v = 0; v < Vectors; ++v) acc[v] = acc[v] + load(column + 2 * v) * xj;
    }
    for (int v = 0; v < Vectors; ++v) store(y + i + 2 * v, acc[v]);
}

// y_q = A(:, q) . x for the Columns columns at a (leading dimension ld), as gemv_transposed sums.
template <int Columns>
inline void columns_dot(double* y, const double* a, int rows, int ld, const double* x) {
    const int rows4 = rows - rows % 4;
    V lo[Columns], hi[Columns];
    for (int q = 0; q < Columns; ++q) lo[q] = hi[q] = splat(0.0);
    for (int i = 0; i < rows4; i += 4) {
        const V x_lo = load(x + i), x_hi = load(x + i + 2);
        for (int q = 0; q < Columns; ++q) {
            const double* c = a + static_cast<long>(q) * ld + i;
            lo[q] = lo[q] + load(c) * x_lo, hi[q] = hi[q] + load(c + 2) * x_hi;
        }
    }
    for (int q = 0; q < Columns; ++q) y[q] = column_total(lo[q], hi[q], a + static_cast<long>(q) * ld, x, rows4, rows);
}

// W(i..i+3, j..j+3) <- beta W + sum_b X(i.., b) S(j.., b): the register tile of
// the symmetric update, eight two-lane accumulators. xp and sp are the packed
// four-row groups of X and S = X diag(c): element (r, b) at [4 b + r].
inline void update_tile(double* w, int n, V beta, const double* xp, const double* sp, int m, int i, int j) {
    V a00 = splat(0.0), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00, a30 = a00, a31 = a00;
    for (const double* const end = xp + 4 * m; xp != end; xp += 4, sp += 4) {
        const V lo = load(xp), hi = load(xp + 2);
        const V s0 = splat_load(sp), s1 = splat_load(sp + 1), s2 = splat_load(sp + 2), s3 = splat_load(sp + 3);
        a00 = a00 + lo * s0, a01 = a01 + hi * s0;
        a10 = a10 + lo * s1, a11 = a11 + hi * s1;
        a20 = a20 + lo * s2, a21 = a21 + hi * s2;
        a30 = a30 + lo * s3, a31 = a31 + hi * s3;
    }
    double* c0 = w + i + static_cast<long>(j) * n;
    double* c1 = c0 + n;
    double* c2 = c1 + n;
    double* c3 = c2 + n;
    a00 = beta * load(c0) + a00, a01 = beta * load(c0 + 2) + a01;
    a10 = beta * load(c1) + a10, a11 = beta * load(c1 + 2) + a11;
    a20 = beta * load(c2) + a20, a21 = beta * load(c2 + 2) + a21;
    a30 = beta * load(c3) + a30, a31 = beta * load(c3 + 2) + a31;
    store(c0, a00), store(c0 + 2, a01), store(c1, a10), store(c1 + 2, a11);
    store(c2, a20), store(c2 + 2, a21), store(c3, a30), store(c3 + 2, a31);
    if (i == j) {
        // Diagonal tile: its upper part takes the lower values, so W stays exactly symmetric.
        for (int r = 0; r < 4; ++r)
            for (int q = r + 1; q < 4; ++q) c0[r + static_cast<long>(q) * n] = c0[q + static_cast<long>(r) * n];
        return;
    }
    // W(j..j+3, i..i+3) is the transpose: same values, as W was symmetric before.
    double* u0 = w + j + static_cast<long>(i) * n;
    double* u1 = u0 + n;
    double* u2 = u1 + n;
    double* u3 = u2 + n;
    store(u0, unpack_lo(a00, a10)), store(u0 + 2, unpack_lo(a20, a30));
    store(u1, unpack_hi(a00, a10)), store(u1 + 2, unpack_hi(a20, a30));
    store(u2, unpack_lo(a01, a11)), store(u2 + 2, unpack_lo(a21, a31));
    store(u3, unpack_hi(a01, a11)), store(u3 + 2, unpack_hi(a21, a31));
}

// One pass of sanger_rows down the outputs for the inputs at x (width two-lane vectors).
template <int width>
inline void sanger_block(double* w_next, const double* w, int k, int n, const double* x, const double* y,
                         const double* gain) {
    V r[width];
    for (int v = 0; v < width; ++v) r[v] = load(x + 2 * v);
    for (int i = 0; i < k; ++i, w += n, w_next += n) {
        const V yi = splat_load(y + i), gain_i = splat_load(gain + i);
        for (int v = 0; v < width; ++v) {
            // w_i <- w_i + (eta y_i) r_i,  r_i = r_(i-1) - y_i w_i,  r_(-1) = x
            const V wv = load(w + 2 * v);
            r[v] = r[v] - yi * wv;
            store(w_next + 2 * v, wv + gain_i * r[v]);
        }
    }
}

}  // namespace

double dot_and_max_abs(const double* a, const double* b, int n, double* b_max) {
    // max |b| as one max of |b| per vector, |b| a bitwise and (see clear_sign in
    // two_lane_vector.hpp): on Zen 4 a
    // max, like an add, issues only on the two FP add pipes, so a max and a min per vector
    // (three add-pipe operations with the dot product's add) held the loop to 1.5 cycles a
    // vector. The pointers advance instead of an index (emscripten builds with LLVM's loop
    // strength reduction off): V8 then folds the offsets into the loads, no address arithmetic.
    V s0 = splat(0.0), s1 = s0, s2 = s0, s3 = s0, top0 = s0, top1 = s0;
    const V mask = sign_clear_mask();
    const double* const end8 = a + (n - n % 8);
    for (; a != end8; a += 8, b += 8) {
        const V b0 = load(b), b1 = load(b + 2), b2 = load(b + 4), b3 = load(b + 6);
        s0 = s0 + load(a) * b0;
        s1 = s1 + load(a + 2) * b1;
        s2 = s2 + load(a + 4) * b2;
        s3 = s3 + load(a + 6) * b3;
        top0 = max_into(max_into(top0, clear_sign(b0, mask)), clear_sign(b2, mask));
        top1 = max_into(max_into(top1, clear_sign(b1, mask)), clear_sign(b3, mask));
    }
    int rest = n % 8;
    for (; rest >= 2; rest -= 2, a += 2, b += 2) {
        const V b0 = load(b);
        s0 = s0 + load(a) * b0;
        top0 = max_into(top0, clear_sign(b0, mask));
    }
    double total = sum((s0 + s1) + (s2 + s3));
    const V m = max_into(top0, top1);
    double largest = lane0(m) < lane1(m) ? lane1(m) : lane0(m);
    if (rest > 0) {
        total += *a * *b;
        if (largest < std::fabs(*b)) largest = std::fabs(*b);
    }
    *b_max = largest;
    return total;
}

double max_abs(const double* x, int n) {
    const V mask = sign_clear_mask();
    V m0 = splat(0.0), m1 = m0;
    Mask numbers = all_set();  // v == v fails only for NaN
    int i = 0;
    for (; i + 4 <= n; i += 4) {
        const V v0 = load(x + i), v1 = load(x + i + 2);
        m0 = max_into(m0, clear_sign(v0, mask)), m1 = max_into(m1, clear_sign(v1, mask));
        numbers = numbers & equal(v0, v0) & equal(v1, v1);
    }
    for (; i + 2 <= n; i += 2) {
        const V v0 = load(x + i);
        m0 = max_into(m0, clear_sign(v0, mask));
        numbers = numbers & equal(v0, v0);
    }
    if (!all(numbers) || (i < n && std::isnan(x[i]))) return std::numeric_limits<double>::quiet_NaN();
    const V m = max_into(m0, m1);
    double largest = lane0(m) < lane1(m) ? lane1(m) : lane0(m);
    if (i < n && largest < std::fabs(x[i])) largest = std::fabs(x[i]);
    return largest;
}

void scale_add(double* w, double a, double b, const double* x, int n) {
    // 32 elements a pass (the inner loop unrolls), the pointers advancing: V8 emits each
    // wasm operation as an instruction of its own (no load folded into a multiply) and
    // adds a stack check and a few moves per pass; this loop is bound by instructions
    // issued per cycle, and the long pass spreads the per-pass ones.
    const V va = splat(a), vb = splat(b);
    double* const end32 = w + (n - n % 32);
    for (; w != end32; w += 32, x += 32)
        for (int k = 0; k < 32; k += 2) store(w + k, va * load(w + k) + vb * load(x + k));
    int rest = n % 32;
    for (; rest >= 2; rest -= 2, w += 2, x += 2) store(w, va * load(w) + vb * load(x));
    if (rest > 0) *w = a * *w + b * *x;
}

void gemv(double* y, const double* a, int rows, int cols, int ld, const double* x) {
    // y = sum_j A(:, j) x_j: sixteen rows of y at a time stay in registers across all
    // the columns (as the AVX2 gemv does with 32), so y is not reloaded and stored again
    // for every few columns.
    int i = 0;
    for (; i + 16 <= rows; i += 16) gemv_rows<8>(y, a, i, cols, ld, x);
    if (i + 8 <= rows) gemv_rows<4>(y, a, i, cols, ld, x), i += 8;
    if (i + 4 <= rows) gemv_rows<2>(y, a, i, cols, ld, x), i += 4;
    if (i + 2 <= rows) gemv_rows<1>(y, a, i, cols, ld, x), i += 2;
    if (i < rows) {
        double acc = 0.0;
        for (int j = 0; j < cols; ++j) acc = acc + a[i + static_cast<long>(j) * ld] * x[j];
        y[i] = acc;
    }
}

void gemv_transposed(double* y, const double* a, int rows, int cols, int ld, const double* x) {
    // y_j = A(:, j) . x with partial sums by row mod 4 (lo: rows 4t, 4t+1; hi: 4t+2,
    // 4t+3), so a 256-bit vector can hold one column's four. Three columns share each
    // load of x and keep six independent chains of adds going (two kept four); with four
    // columns V8 runs out of registers and spills accumulators.
    int j = 0;
    for (; j + 3 <= cols; j += 3) columns_dot<3>(y + j, a + static_cast<long>(j) * ld, rows, ld, x);
    if (j + 2 <= cols) columns_dot<2>(y + j, a + static_cast<long>(j) * ld, rows, ld, x), j += 2;
    if (j < cols) columns_dot<1>(y + j, a + static_cast<long>(j) * ld, rows, ld, x);
}

void symmetric_rank_tiles(double* w, int n, double beta, const double* xp, const double* sp, int m, int n4) {
    const size_t group = static_cast<size_t>(4) * static_cast<size_t>(m);
    const V vbeta = splat(beta);
    // Lower triangle of the 4 x 4 tiles, a panel of rows at a time; each tile also writes its mirror image.
    for (int i0 = 0; i0 < n4; i0 += kPanelRows) {
        const int i1 = i0 + kPanelRows < n4 ? i0 + kPanelRows : n4;
        for (int j = 0; j < i1; j += 4)
            for (int i = i0 > j ? i0 : j; i < i1; i += 4)
                update_tile(w, n, vbeta, xp + static_cast<size_t>(i / 4) * group, sp + static_cast<size_t>(j / 4) * group,
                            m, i, j);
    }
}

void sanger_rows(double* w_next, const double* w, int k, int n, int n4, const double* x, const double* y,
                 const double* gain) {
    // Down the outputs i the running residual r = x_j - sum_{l <= i} y_l W(l, j)
    // updates W(i, j). Eight inputs at a time (four vectors: four independent chains
    // of subtractions hide each other's latency), then four.
    int j = 0;
    for (; j + 8 <= n4; j += 8) sanger_block<4>(w_next + j, w + j, k, n, x + j, y, gain);
    if (j < n4) sanger_block<2>(w_next + j, w + j, k, n, x + j, y, gain);
}

void random_rounds(u64* state, u64* out, int rounds) {
    // Lanes 0-1 in the first vector of each word, lanes 2-3 in the second.
    U s0[2], s1[2], s2[2], s3[2];
    for (int h = 0; h < 2; ++h)
        s0[h] = load(state + 2 * h), s1[h] = load(state + 4 + 2 * h), s2[h] = load(state + 8 + 2 * h),
        s3[h] = load(state + 12 + 2 * h);
    for (int r = 0; r < rounds; ++r)
        for (int h = 0; h < 2; ++h) {
            // xoshiro256**: result = rotl(s1 * 5, 7) * 9, then the state's xors and rotation.
            const U five = shift_left<2>(s1[h]) + s1[h];
            const U rotated = shift_left<7>(five) | shift_right<57>(five);
            store(out + kRandomLanes * r + 2 * h, shift_left<3>(rotated) + rotated);
            const U t = shift_left<17>(s1[h]);
            s2[h] = s2[h] ^ s0[h];
            s3[h] = s3[h] ^ s1[h];
            s1[h] = s1[h] ^ s2[h];
            s0[h] = s0[h] ^ s3[h];
            s2[h] = s2[h] ^ t;
            s3[h] = shift_left<45>(s3[h]) | shift_right<19>(s3[h]);
        }
    for (int h = 0; h < 2; ++h)
        store(state + 2 * h, s0[h]), store(state + 4 + 2 * h, s1[h]), store(state + 8 + 2 * h, s2[h]),
            store(state + 12 + 2 * h, s3[h]);
}

namespace {

// ziggurat_lane for the four halves of the two draws at bits: each half's uniform moved
// into the mantissa of a double in [1, 2) minus 1, each half's layer entry (x_i,
// x_(i+1) / x_i) loaded as one pair, the sign bit xored in. The low halves (normals 0
// and 2) share one vector and the high halves (1 and 3) another; the stores interleave
// them. Returns a bit per normal accepted.
inline int ziggurat_two_draws(const u64* bits, const double* layers, double* out) {
    const U b = load(bits), mantissa = splat_bits(kUniformMantissa), one = splat_bits(kExponentOfOne);
    const V u_low = as_doubles((shift_left<kLowUniformShift>(b) & mantissa) | one) - splat(1.0);
    const V u_high = as_doubles((shift_right<kHighUniformShift>(b) & mantissa) | one) - splat(1.0);
    const V layer0 = load(layers + 2 * (bits[0] & kLayerMask)), layer1 = load(layers + 2 * ((bits[0] >> 32) & kLayerMask)),
            layer2 = load(layers + 2 * (bits[1] & kLayerMask)), layer3 = load(layers + 2 * ((bits[1] >> 32) & kLayerMask));
    const V x_low = u_low * unpack_lo(layer0, layer2), x_high = u_high * unpack_lo(layer1, layer3);
    const V low = as_doubles(as_bits(x_low) ^ shift_left<kSignShift>(b & splat_bits(kSignBit)));
    const V high = as_doubles(as_bits(x_high) ^ shift_left<kHighSignShift>(b & splat_bits(kSignBit << 32)));
    store(out, unpack_lo(low, high));
    store(out + 2, unpack_hi(low, high));
    return interleave_halves(less_bits(u_low, unpack_hi(layer0, layer2)), less_bits(u_high, unpack_hi(layer1, layer3)));
}

}  // namespace

int ziggurat_normals(const u64* bits, int words, const double* layers, double* out, int* rejected) {
    // Four draws (eight normals) a pass, one branch for the rare rejections.
    int count = 0, w = 0;
    for (; w + 4 <= words; w += 4) {
        const int inside = ziggurat_two_draws(bits + w, layers, out + 2 * w) |
                           ziggurat_two_draws(bits + w + 2, layers, out + 2 * w + 4) << 4;
        count = note_rejections(inside, 8, 2 * w, rejected, count);
    }
    return ziggurat_tail(bits, w, words, layers, out, rejected, count);
}

const KernelTable kTable{kName, HEBBIAN_KERNEL_ADDRESSES};

}  // namespace two_lane

namespace {

// The back end in use, process-wide: AVX2 where the processor has it, until use_backend says otherwise.
const KernelTable*& in_use() {
#if defined(HEBBIAN_AVX2_KERNELS)
    static const KernelTable* chosen = avx2_available() ? &avx2::kTable : &two_lane::kTable;
#else
    static const KernelTable* chosen = &two_lane::kTable;
#endif
    return chosen;
}

// One element outside the 4 x 4 tiles and its mirror, same order of operations as a tile lane.
inline void update_element(double* w, int n, double beta, const double* x, int ldx, const double* c, int m, int i,
                           int j) {
    double acc = 0.0;
    for (int b = 0; b < m; ++b) {
        const long column = static_cast<long>(b) * ldx;
        acc = acc + x[i + column] * (c[b] * x[j + column]);
    }
    double& target = w[i + static_cast<long>(j) * n];
    target = beta * target + acc;
    w[j + static_cast<long>(i) * n] = target;
}

}  // namespace

bool avx2_available() {
#if defined(HEBBIAN_AVX2_KERNELS)
    __builtin_cpu_init();  // in case this runs before the run-time library's own initialiser
    return __builtin_cpu_supports("avx2");
#else
    return false;
#endif
}

bool use_backend(Backend backend) {
    if (backend == Backend::two_lane) {
        in_use() = &two_lane::kTable;
        return true;
    }
#if defined(HEBBIAN_AVX2_KERNELS)
    if (avx2_available()) {
        in_use() = &avx2::kTable;
        return true;
    }
#endif
    return false;
}

const char* backend() { return in_use()->name; }

double dot_and_max_abs(const double* a, const double* b, int n, double* b_max) {
    return in_use()->dot_and_max_abs(a, b, n, b_max);
}

double max_abs(const double* x, int n) { return in_use()->max_abs(x, n); }

void scale_add(double* w, double a, double b, const double* x, int n) { in_use()->scale_add(w, a, b, x, n); }

void flush_tiny(double* x, long n) {
    // Memory-bound and exact (a compare and an and-not per element, no branch): two-lane
    // on every back end, so native and wasm builds flush the same entries.
    using namespace two_lane;
    const V threshold = splat(kFlushBelow), mask = sign_clear_mask();
    long i = 0;
    for (; i + 2 <= n; i += 2) store(x + i, flush_below(load(x + i), threshold, mask));
    if (i < n && std::fabs(x[i]) < kFlushBelow) x[i] = 0.0;
}

void gemv(double* y, const double* a, int rows, int cols, int ld, const double* x) {
    in_use()->gemv(y, a, rows, cols, ld, x);
}

void gemv_transposed(double* y, const double* a, int rows, int cols, int ld, const double* x) {
    in_use()->gemv_transposed(y, a, rows, cols, ld, x);
}

void symmetric_rank_update(double* w, int n, double beta, const double* x, int ldx, int m, const double* c,
                           std::vector<double>& packed) {
    // W <- beta W + X diag(c) X^T. X and S = X diag(c) are packed in four-row groups
    // (contiguous along b), so the tile loops read memory in order.
    const int n4 = n - n % 4;
    const size_t group = static_cast<size_t>(4) * static_cast<size_t>(m);
    const size_t packed_size = 2 * group * static_cast<size_t>(n4 / 4);
    if (packed.size() < packed_size) packed.resize(packed_size);
    double* xp = packed.data();
    double* sp = xp + group * static_cast<size_t>(n4 / 4);
    for (int g = 0; g < n4 / 4; ++g)
        for (int b = 0; b < m; ++b)
            for (int r = 0; r < 4; ++r) {
                const double value = x[4 * g + r + static_cast<long>(b) * ldx];
                const size_t at = static_cast<size_t>(g) * group + 4 * static_cast<size_t>(b) + static_cast<size_t>(r);
                xp[at] = value;
                sp[at] = c[b] * value;
            }
    in_use()->symmetric_rank_tiles(w, n, beta, xp, sp, m, n4);
    // The rows below the last full tile, and the columns right of it.
    for (int j = 0; j < n; ++j)
        for (int i = j > n4 ? j : n4; i < n; ++i) update_element(w, n, beta, x, ldx, c, m, i, j);
}

void random_rounds(unsigned long long* state, unsigned long long* out, int rounds) {
    in_use()->random_rounds(state, out, rounds);
}

int ziggurat_normals(const unsigned long long* bits, int words, const double* layers, double* out, int* rejected) {
    return in_use()->ziggurat_normals(bits, words, layers, out, rejected);
}

void sanger_step(double* w_next, const double* w, int k, int n, const double* x, const double* y,
                 const double* gain) {
    const int n4 = n - n % 4;
    in_use()->sanger_rows(w_next, w, k, n, n4, x, y, gain);
    for (int j = n4; j < n; ++j) {
        // The inputs past the last group of four, one at a time in the same order.
        double r = x[j];
        for (int i = 0; i < k; ++i) {
            const long at = static_cast<long>(i) * n + j;
            r = r - y[i] * w[at];
            w_next[at] = w[at] + gain[i] * r;
        }
    }
}

void latent_mix(double* x, const double* mean, const double* a, int ld, int k, const double* z, double sigma,
                const double* e, int n) {
    if (k == 1 && sigma == 1.0 && !mean && e == x) {
        // The usual latent source (one shared signal, unit noise, mean zero), in place:
        // x = 1 e + z_1 A is scale_add, on the widest back end (the same bits as A z_1 + e).
        kernels::scale_add(x, 1.0, z[0], a, n);
        return;
    }
    using namespace two_lane;  // V and its operations: two-lane on every back end
    const V s = splat(sigma);
    int i = 0;
    const auto mean_at = [&](int at) { return mean ? load(mean + at) : splat(0.0); };
    if (k == 1 && sigma != 0.0) {
        // One shared signal: no loop over the signals.
        const V z0 = splat(z[0]);
        for (; i + 4 <= n; i += 4) {
            const V lo = mean_at(i) + load(a + i) * z0, hi = mean_at(i + 2) + load(a + i + 2) * z0;
            store(x + i, lo + s * load(e + i)), store(x + i + 2, hi + s * load(e + i + 2));
        }
    }
    for (; i + 4 <= n; i += 4) {
        V lo = mean_at(i), hi = mean_at(i + 2);
        for (int j = 0; j < k; ++j) {
            const double* column = a + static_cast<long>(j) * ld + i;
            const V zj = splat(z[j]);
            lo = lo + load(column) * zj, hi = hi + load(column + 2) * zj;
        }
        if (sigma != 0.0) lo = lo + s * load(e + i), hi = hi + s * load(e + i + 2);
        store(x + i, lo), store(x + i + 2, hi);
    }
    for (; i < n; ++i) {
        double value = mean ? mean[i] : 0.0;
        for (int j = 0; j < k; ++j) value = value + a[i + static_cast<long>(j) * ld] * z[j];
        x[i] = sigma != 0.0 ? value + sigma * e[i] : value;
    }
}

void symmetric_norms_and_product(const double* w, const double* c, double a, int n, const double* v, double* y,
                                 double* w_squared, double* distance_squared) {
    using namespace two_lane;  // V and its operations: two-lane on every back end
    // One pass down the lower triangle, column by column: the diagonal element counts once
    // and each element below it twice (it stands for its mirror too), and it adds into
    // y = W v both ways, y_i += W_ij v_j (rows i > j) and y_j += sum_i W_ij v_i.
    double norm_rest = 0.0, distance_rest = 0.0;  // the diagonal and the rows past each column's groups of four
    V n0 = splat(0.0), n1 = n0, d0 = n0, d1 = n0;
    const V va = splat(a);
    for (int i = 0; i < n; ++i) y[i] = 0.0;
    for (int j = 0; j < n; ++j) {
        const double* wc = w + static_cast<long>(j) * n;
        const double* cc = c + static_cast<long>(j) * n;
        const double diagonal = wc[j], e = a * diagonal - cc[j];
        norm_rest += diagonal * diagonal;
        distance_rest += e * e;
        const V vj = splat(v[j]);
        V t0 = splat(0.0), t1 = t0;
        int i = j + 1;
        for (; i + 4 <= n; i += 4) {
            const V w0 = load(wc + i), w1 = load(wc + i + 2);
            const V e0 = va * w0 - load(cc + i), e1 = va * w1 - load(cc + i + 2);
            n0 = n0 + w0 * w0, n1 = n1 + w1 * w1;
            d0 = d0 + e0 * e0, d1 = d1 + e1 * e1;
            store(y + i, load(y + i) + w0 * vj), store(y + i + 2, load(y + i + 2) + w1 * vj);
            t0 = t0 + w0 * load(v + i), t1 = t1 + w1 * load(v + i + 2);
        }
        double column = sum(t0 + t1);
        for (; i < n; ++i) {
            const double wi = wc[i], ei = a * wi - cc[i];
            norm_rest += 2.0 * (wi * wi);
            distance_rest += 2.0 * (ei * ei);
            y[i] += wi * v[j];
            column += wi * v[i];
        }
        y[j] += diagonal * v[j] + column;
    }
    *w_squared = norm_rest + 2.0 * sum(n0 + n1);
    *distance_squared = distance_rest + 2.0 * sum(d0 + d1);
}

}  // namespace hebbian::kernels
