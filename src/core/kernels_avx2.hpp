// The AVX2 (256-bit, no FMA) versions of the kernels whose rounding does not
// depend on the vector width, used by kernels.cpp when the processor has AVX2.
//
// Each function computes every output element with the same operations, in the
// same order, as its two-lane counterpart in kernels.cpp, so the results are
// bit-identical to the SSE2 and wasm back ends; only more lanes run at once.
// kernels_avx2.cpp is compiled with -mavx2 on x86-64 only (never -mfma: a fused
// multiply-add rounds once where the two-lane code rounds twice).
#pragma once

namespace hebbian::kernels::avx2 {

double dot(const double* a, const double* b, int n);
double dot_and_max_abs(const double* a, const double* b, int n, double* b_max);
double max_abs(const double* x, int n);
void scale_add(double* w, double a, double b, const double* x, int n);
void gemv(double* y, const double* a, int rows, int cols, int ld, const double* x);

// The tiled part of symmetric_rank_update: W(i, j) for i >= j in the leading
// n4 x n4 block (n4 a multiple of 4), and its mirror W(j, i). xp and sp hold X and
// S = X diag(c) packed in four-row groups: element (4 g + r, b) at [4 m g + 4 b + r].
void symmetric_rank_tiles(double* w, int n, double beta, const double* xp, const double* sp, int m, int n4);

void gemv_transposed(double* y, const double* a, int rows, int cols, int ld, const double* x);

// The first n4 inputs (columns) of sanger_step, n4 a multiple of 4, W row-major with
// rows of n.
void sanger_rows(double* w_next, const double* w, int k, int n, int n4, const double* x, const double* y,
                 const double* gain);

}  // namespace hebbian::kernels::avx2
