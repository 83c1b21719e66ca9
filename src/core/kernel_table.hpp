// The kernels that have one version per back end, listed once (HEBBIAN_DISPATCHED_KERNELS),
// and the table of function pointers each back end fills from that list: two_lane::kTable
// in kernels.cpp (wasm SIMD, SSE2 or scalar) and, in native x86-64 builds,
// avx2::kTable in kernels_avx2.cpp (256-bit, no FMA). The public entry points of
// kernels.hpp call the listed kernels through the table in use (kernels::use_backend).
//
// Every version computes each output element with the same operations in the same
// order, so all tables give the same bits. This header includes no standard header:
// kernels_avx2.cpp is compiled with -mavx2, and an inline function from one could be
// emitted there with AVX2 instructions and picked by the linker for the baseline files.
#pragma once

namespace hebbian::kernels {

// X(name, result type, parameter list) for every dispatched kernel. dot_and_max_abs,
// max_abs, scale_add, gemv, gemv_transposed, random_rounds and ziggurat_normals are
// the entry points of kernels.hpp;
// the other two are the vector parts of two of them:
//   symmetric_rank_tiles  symmetric_rank_update on the leading n4 x n4 block (n4 a
//                         multiple of 4): W(i, j) for i >= j and its mirror W(j, i).
//                         xp and sp hold X and S = X diag(c) packed in four-row groups:
//                         element (4 g + r, b) at [4 m g + 4 b + r].
//   sanger_rows           sanger_step on the first n4 inputs (columns), n4 a multiple
//                         of 4, W row-major with rows of n.
#define HEBBIAN_DISPATCHED_KERNELS(X)                                                                           \
    X(dot_and_max_abs, double, (const double* a, const double* b, int n, double* b_max))                        \
    X(max_abs, double, (const double* x, int n))                                                                \
    X(scale_add, void, (double* w, double a, double b, const double* x, int n))                                 \
    X(gemv, void, (double* y, const double* a, int rows, int cols, int ld, const double* x))                    \
    X(gemv_transposed, void, (double* y, const double* a, int rows, int cols, int ld, const double* x))         \
    X(symmetric_rank_tiles, void, (double* w, int n, double beta, const double* xp, const double* sp, int m, int n4)) \
    X(sanger_rows, void,                                                                                        \
      (double* w_next, const double* w, int k, int n, int n4, const double* x, const double* y, const double* gain)) \
    X(random_rounds, void, (unsigned long long* state, unsigned long long* out, int rounds))                   \
    X(ziggurat_normals, int,                                                                                    \
      (const unsigned long long* bits, int words, const double* layers, double* out, int* rejected))

// One back end: its name (what kernels::backend() reports) and a pointer per listed kernel.
struct KernelTable {
    const char* name;
#define HEBBIAN_KERNEL_POINTER(kernel, result, parameters) result(*kernel) parameters;
    HEBBIAN_DISPATCHED_KERNELS(HEBBIAN_KERNEL_POINTER)
#undef HEBBIAN_KERNEL_POINTER
};

// The initialiser of a back end's table after its name, written inside that back end's
// namespace: the address of its function of each listed name, in the order of the list.
#define HEBBIAN_KERNEL_ADDRESS(kernel, result, parameters) &kernel,
#define HEBBIAN_KERNEL_ADDRESSES HEBBIAN_DISPATCHED_KERNELS(HEBBIAN_KERNEL_ADDRESS)

namespace two_lane {
extern const KernelTable kTable;
}

#if defined(HEBBIAN_AVX2_KERNELS)
namespace avx2 {
extern const KernelTable kTable;
}
#endif

}  // namespace hebbian::kernels
