// A random orthogonal N x N matrix Q that costs O(N log N) to apply: the spectrum
// source's rotation, x = Q diag(sqrt(lambda)) z, without a dense N x N product.
//
// Q is built from random butterflies after D. S. Parker, "Random butterfly
// transformations with applications in computational linear algebra", UCLA
// Computer Science Department technical report CSD-950023 (1995). Parker's
// butterfly of order n, applied recursively to the two halves, is
//     B = 1/sqrt(2) [ R0   R1 ]      R0, R1 random diagonal (n/2 x n/2);
//                   [ R0  -R1 ]
// its orthogonal form puts cosines and sines of random angles in the diagonals,
//     B = [ C  -S ]                   C = diag(c_k), S = diag(s_k), c_k^2 + s_k^2 = 1,
//         [ S   C ]
// so each butterfly is a set of disjoint Givens rotations. For any N (not only a
// power of two) one pass P is the stages h = 1, 2, 4, ... < N in that order:
//
//     [ x_i   ]    [ c  -s ] [ x_i   ]      for every i with (i & h) == 0 and i + h < N,
//     [ x_i+h ] <- [ s   c ] [ x_i+h ],     each pair with its own (c, s);
//
// an index whose partner i + h is past the end passes that stage unchanged. Then
//
//     Q = P2 Z P1,    Z the cyclic shift (Z x)_((i + N - H) mod N) = x_i,
//
// with P1, P2 two independent passes and H the largest power of two <= N: at most
// N/2 rotations a stage and 2 ceil(log2 N) stages, N log2 N rotations for N = 2^k.
//
//   the angles   c^2 = 1/4 + u/2 with u uniform on [0, 1), s^2 = 1 - c^2, and random
//                signs for c and s: angles at least 30 degrees from either axis, in
//                all four quadrants. A column's weight along one path through the
//                stages is a product of one c^2 or s^2 per stage. With angles uniform
//                on the circle c^2 follows the arcsine law, piled up near 0 and 1:
//                many rotations barely turn and columns stay concentrated (two such
//                passes at N = 1024: the largest Q_ij^2 averages about 0.2 over seeds,
//                against 0.024 for a dense Haar-random rotation). Moving between a quarter and
//                three quarters of each weight to the partner gives 0.024, and for
//                every N we tried in 2..1024 a largest Q_ij^2 and a spread of the
//                columns within a quarter of the Haar figures. Only sqrt and the
//                Rng's bits are used: no std::cos or std::sin, whose last bit differs
//                between libstdc++ and the wasm build's libc++.
//   two passes   One pass leaves zeros in Q unless N is a power of two (for N = 100
//                the outputs 36..63 never meet the inputs 64..99), and a column's
//                weight rests on only about log2 N rotations. After two, every output
//                depends on every input: every output of P2 depends on all its inputs
//                [0, H), which hold Z's image of output 0 of P1, and output 0 of P1
//                depends on every input.
//   the shift    A pass reaches an index of the top block [H, N) only through the
//                rotations inside that block and one at stage H, so for N just above
//                a power of two (65, 129, 513, ...) the top indices keep much of their
//                weight. Z moves the top block to the front, where the second pass
//                spreads it fully, and the indices the second pass reaches least are
//                ones the first pass spread fully.
//   no signs     c and s already carry independent random signs; a random +-1
//                diagonal on top would only add reflections, which flip eigenvectors
//                of Q diag(lambda) Q^T without turning them.
//
// Determinism: every element goes through the same operations in the same order,
// c a - s b and s a + c b with no fused multiply-add (the core builds with
// -ffp-contract=off), whatever the number of columns or the vector width, so apply()
// gives the same bits natively and in WebAssembly, and a block of columns gives
// exactly what its columns give one at a time.
#pragma once

#include <Eigen/Dense>
#include <vector>

#include "random.hpp"

namespace hebbian {

class RandomButterfly {
public:
    // Draws a random butterfly rotation of order n >= 1 (n = 1: the identity) from
    // `rng`: one next_u64() per rotation, in the order they are applied.
    RandomButterfly(int n, Rng& rng);

    int size() const { return n_; }
    // The Givens rotations one column costs (about N log2 N).
    int rotation_count() const { return static_cast<int>(cos_.size()); }

    // x <- Q x for every column of X (n x m, column-major, leading dimension n), in
    // place. Blocks of 4 columns run interleaved in scratch the call allocates, so
    // several threads may share one RandomButterfly.
    void apply(double* x, int m) const;

    // Q as a dense n x n matrix (Q applied to the columns of the identity).
    Eigen::MatrixXd matrix() const;

private:
    void apply_column(double* x) const;
    void apply_interleaved(double* tile) const;

    int n_ = 0;
    int top_ = 0;                    // H, the largest power of two <= n
    std::vector<double> cos_, sin_;  // one entry per rotation, in the order applied
};

}  // namespace hebbian
