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
// with P1, P2 two independent passes and H the largest power of two <= N: about
// N log2 N rotations in all, N/2 per stage.
//
//   the angles   c^2 = 1/4 + u/2 with u uniform on [0, 1), s^2 = 1 - c^2, and random
//                signs for c and s: angles at least 30 degrees from either axis, in
//                all four quadrants. A column's weight on one path through the stages
//                is a product of one c^2 or s^2 per stage; with angles uniform on the
//                circle c^2 follows the arcsine law, piled up near 0 and 1, so many
//                rotations barely turn and columns stay concentrated (for N = 1024 the
//                largest Q_ij^2 averages 0.19 over seeds, against 0.024 for a dense
//                Haar-random rotation). Keeping every rotation between a quarter and
//                three quarters of a turn towards 45 degrees gives 0.024 as well, and
//                within about a quarter of the Haar figure for every N in 2..1024 we
//                measured. Only sqrt and the Rng's bits are used: no std::cos or
//                std::sin, whose last bit differs between libstdc++ and the wasm
//                build's libc++.
//   two passes   One pass leaves structural zeros unless N is a power of two (for
//                N = 100 the outputs 36..63 never meet the inputs 64..99), and a
//                column's weight still rests on about log2 N rotations. After two,
//                every output depends on every input: all outputs of P2 depend on
//                its inputs [0, H), which include Z's image of output 0 of P1, and
//                output 0 of P1 depends on every input.
//   the shift    A pass touches an index of the top block [H, N) only through the
//                rotations inside that block and one at stage H, so for N just above
//                a power of two (65, 129, 513, ...) the top indices keep about half
//                their weight. Z moves the top block to the front, where the second
//                pass spreads it fully, and the indices the second pass touches
//                least are ones the first pass spread fully.
//   no signs     Parker's diagonals also carry random signs; here they are in c and s
//                already. A further +-1 diagonal would only add reflections, which
//                flip eigenvectors of Q diag(lambda) Q^T without turning them.
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
    // place. Allocates its own scratch, so it may run on several threads at once.
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
