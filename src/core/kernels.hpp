// The inner loops of the learning rules, written once for three back ends.
//
// Eigen 3.4 has no WebAssembly SIMD packet math, so the web build ran its matrix
// code one double at a time. These kernels are written against a two-lane double
// vector (two_lane_vector.hpp): WebAssembly SIMD (wasm_simd128.h, with -msimd128),
// SSE2 natively on x86-64, and plain scalar pairs elsewhere. All three add in the
// same order (two lanes, the same accumulators, the same final reduction), so a
// kernel gives the same bits natively and in wasm, as long as nothing fuses a
// multiply and an add (the core builds with -ffp-contract=off).
//
// Native x86-64 builds also carry AVX2 versions (kernels_avx2.cpp: 256-bit, no
// FMA) of the kernels listed in kernel_table.hpp, those whose rounding does not
// depend on the vector width: each output element gets the same operations in the
// same order, so they give the same bits. They run when the processor has AVX2;
// use_backend() switches.
//
// Matrices are Eigen's column-major layout: element (i, j) of an m x n matrix
// with leading dimension ld sits at data[i + j * ld].
#pragma once

#include <vector>

#include "flush_tiny.hpp"

namespace hebbian::kernels {

// The back ends a build can run. two_lane: the two-lane code above (wasm simd128,
// SSE2 or scalar, whichever the build targets). avx2: 256-bit versions of the
// kernels of kernel_table.hpp (native x86-64 builds, processors with AVX2).
enum class Backend { two_lane, avx2 };

// True when this build has the AVX2 kernels and the processor runs them.
bool avx2_available();

// Chooses the back end of every later kernel call in the process (by default avx2
// where available, else two_lane), for tests and benchmarks that compare the two.
// Returns false, changing nothing, when avx2 is asked for but not available. Not
// to be called while kernels run on other threads.
bool use_backend(Backend backend);

// Name of the back end in use: "avx2", or the two-lane one compiled in:
// "wasm-simd128", "sse2" or "scalar".
const char* backend();

// a . b over n doubles, and max_i |b_i| in the same pass (written to b_max; NaN
// entries of b are skipped there, but they make the dot product NaN).
double dot_and_max_abs(const double* a, const double* b, int n, double* b_max);

// max_i |x_i| over n doubles; NaN when any entry is NaN.
double max_abs(const double* x, int n);

// w <- a * w + b * x over n doubles.
void scale_add(double* w, double a, double b, const double* x, int n);

// x_i <- +0.0 where |x_i| < kFlushBelow (2^-500), every other entry (NaN included)
// unchanged: the periodic flush of tiny weights (flush_tiny.hpp) that the circuits
// run over their weights every kFlushEvery learning steps.
void flush_tiny(double* x, long n);

// y = A x for A (rows x cols, leading dimension ld).
void gemv(double* y, const double* a, int rows, int cols, int ld, const double* x);

// y = A^T x for A (rows x cols, leading dimension ld): y_j = A(:, j) . x, summed as
// four partial sums s_q over the rows i = q (mod 4) of the whole groups of four, a last
// pair of rows (if any) added into s_0 and s_1, then (s_0 + s_2) + (s_1 + s_3), then a
// last odd row.
void gemv_transposed(double* y, const double* a, int rows, int cols, int ld, const double* x);

// The recurrent history's three reductions of symmetric n x n W and C (leading
// dimension n) in one pass over their lower triangles: |W|_F^2, |a W - C|_F^2 and
// y = W v. Two-lane on every back end.
void symmetric_norms_and_product(const double* w, const double* c, double a, int n, const double* v, double* y,
                                 double* w_squared, double* distance_squared);

// The symmetric rank-m update behind the recurrent rule and the block covariance:
//     W <- beta * W + sum_b c_b x_b x_b^T  =  beta * W + X diag(c) X^T,
// with W n x n (leading dimension n, assumed symmetric) and X n x m (leading
// dimension ldx, column b is x_b). The lower triangle is computed (a register-
// blocked matrix product over the m columns) and each result is also stored at
// its mirror position, so W stays exactly symmetric. packed is working memory for
// packed copies of X and X diag(c) (8 m floor(n / 4) doubles), grown when it is
// smaller: a caller that keeps it between updates allocates only when m or n grows.
void symmetric_rank_update(double* w, int n, double beta, const double* x, int ldx, int m, const double* c,
                           std::vector<double>& packed);

// One online step of Sanger's rule for k outputs, W (k x n) stored row by row (row
// i, the weights of output i, at w + i n), with y = W x and gain_i = eta y_i
// already computed:
//     dW = eta * (y x^T - LT[y y^T] W),  i.e. for row i
//     w_i <- w_i + gain_i * r_i,   r_i = x - sum_{l <= i} y_l w_l   (old w_l),
// with the residual r_i carried down the rows: r_i = r_(i-1) - y_i w_i, r_(-1) = x.
// Writes the new weights to w_next (same layout), which may be w itself (in place:
// each weight is read before it is written); otherwise w is untouched.
void sanger_step(double* w_next, const double* w, int k, int n, const double* x, const double* y,
                 const double* gain);

// x = (mean + sum_j A(:, j) z_j) + sigma e over n elements, A (n x k, leading dimension
// ld), e ignored when sigma is 0: each element adds its terms in that order, in one pass.
// mean may be null for a mean of zeros; then with k = 1, sigma = 1 and e = x the sum is
// A z_1 + e, with no zero added and no multiplication by 1 (scale_add, on the widest back
// end). e may be x itself (each e_i is read before x_i is written). Otherwise two-lane on
// every back end.
void latent_mix(double* x, const double* mean, const double* a, int ld, int k, const double* z, double sigma,
                const double* e, int n);

// `rounds` rounds of four xoshiro256** generators side by side (random_lane.hpp):
// state holds their 16 words (word w of lane l at state[4 w + l]); round r writes
// lane l's next output to out[4 r + l].
void random_rounds(unsigned long long* state, unsigned long long* out, int rounds);

// The ziggurat's fast path (random_lane.hpp, ziggurat_lane) for the 2 words normals of
// the draws in bits: out[2 w] gets the normal number of bits[w]'s low 32 bits and
// out[2 w + 1] that of its high 32 bits, wherever the fast path accepts them. The
// indices it does not accept (about 1 in 125) go to rejected in increasing order,
// and their count is returned; the caller finishes them on the slow path.
int ziggurat_normals(const unsigned long long* bits, int words, const double* layers, double* out, int* rejected);

}  // namespace hebbian::kernels
