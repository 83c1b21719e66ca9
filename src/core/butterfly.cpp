// Random butterfly rotations (see butterfly.hpp for the transform and its sources).
#include "butterfly.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace hebbian {

namespace {

constexpr int kPasses = 2;

// apply() copies a block's columns kTile at a time into scratch with the kTile values
// of each coordinate side by side, so that each rotation (one c, one s) runs over
// kTile contiguous values at every stage, h = 1 included; 4 columns of 1024 fill 32 KiB.
constexpr int kTile = 4;

// Two doubles, with GCC's and Clang's lane-wise vector arithmetic: SSE2 natively,
// WebAssembly SIMD in the web build (-msimd128). Each lane rounds as the scalar
// expression would, so the interleaved path gives the single-column path's bits.
typedef double Pair __attribute__((vector_size(2 * sizeof(double))));

// The rotations one pass makes on n coordinates.
int pass_rotations(int n) {
    int count = 0;
    for (int h = 1; h < n; h *= 2)
        for (int b = 0; b + h < n; b += 2 * h) count += std::min(h, n - b - h);
    return count;
}

}  // namespace

RandomButterfly::RandomButterfly(int n, Rng& rng) : n_(std::max(n, 1)), top_(1) {
    while (2 * top_ <= n_) top_ *= 2;
    const std::size_t count = static_cast<std::size_t>(kPasses * pass_rotations(n_));
    cos_.resize(count);
    sin_.resize(count);
    for (std::size_t r = 0; r < count; ++r) {
        // The top 53 bits give u uniform on [0, 1), the lowest two the signs.
        const std::uint64_t bits = rng.next_u64();
        const double c2 = 0.25 + 0.5 * (static_cast<double>(bits >> 11) * 0x1.0p-53);
        const double c = std::sqrt(c2), s = std::sqrt(1.0 - c2);
        cos_[r] = (bits & 1) ? -c : c;
        sin_[r] = (bits & 2) ? -s : s;
    }
}

// One column in place: at stage h the rotations of the block at b pair the runs
// x[b, b + len) and x[b + h, b + h + len), each element with its own (c, s).
void RandomButterfly::apply_column(double* x) const {
    const double* c = cos_.data();
    const double* s = sin_.data();
    for (int pass = 0; pass < kPasses; ++pass) {
        if (pass > 0) std::rotate(x, x + top_, x + n_);  // Z: the top block [H, n) to the front
        for (int h = 1; h < n_; h *= 2)
            for (int b = 0; b + h < n_; b += 2 * h) {
                const int len = std::min(h, n_ - b - h);
                double* __restrict lo = x + b;
                double* __restrict hi = x + b + h;
                for (int k = 0; k < len; ++k) {
                    const double u = lo[k], v = hi[k];
                    lo[k] = c[k] * u - s[k] * v;
                    hi[k] = s[k] * u + c[k] * v;
                }
                c += len;
                s += len;
            }
    }
}

// kTile columns interleaved, coordinate i of column q at tile[i * kTile + q], with
// room for n + (n - H) coordinates: the first pass runs on coordinates [n - H, 2n - H)
// of the tile; copying its top block [n, 2n - H) to [0, n - H) then leaves the
// shifted vector Z x in coordinates [0, n), where the second pass runs.
void RandomButterfly::apply_interleaved(double* tile) const {
    const double* c = cos_.data();
    const double* s = sin_.data();
    const std::ptrdiff_t n = n_, shift = n_ - top_;
    for (int pass = 0; pass < kPasses; ++pass) {
        double* t = tile + (pass == 0 ? shift * kTile : 0);
        if (pass > 0) std::copy(tile + n * kTile, tile + (n + shift) * kTile, tile);  // Z
        for (int h = 1; h < n_; h *= 2)
            for (int b = 0; b + h < n_; b += 2 * h) {
                const int len = std::min(h, n_ - b - h);
                for (int k = 0; k < len; ++k) {
                    const double ck = c[k], sk = s[k];
                    double* lo = t + static_cast<std::ptrdiff_t>(b + k) * kTile;
                    double* hi = t + static_cast<std::ptrdiff_t>(b + h + k) * kTile;
                    for (int q = 0; q < kTile; q += 2) {
                        Pair u, v;
                        std::memcpy(&u, lo + q, sizeof u);
                        std::memcpy(&v, hi + q, sizeof v);
                        const Pair new_lo = ck * u - sk * v, new_hi = sk * u + ck * v;
                        std::memcpy(lo + q, &new_lo, sizeof new_lo);
                        std::memcpy(hi + q, &new_hi, sizeof new_hi);
                    }
                }
                c += len;
                s += len;
            }
    }
}

void RandomButterfly::apply(double* x, int m) const {
    if (n_ < 2 || m <= 0) return;
    const std::ptrdiff_t n = n_, shift = n_ - top_;
    int j = 0;
    if (m >= kTile) {
        std::vector<double> tile(static_cast<std::size_t>((n + shift) * kTile));
        double* in = tile.data() + shift * kTile;  // where the first pass reads
        for (; j + kTile <= m; j += kTile) {
            double* block = x + j * n;
            for (std::ptrdiff_t i = 0; i < n; ++i)
                for (int q = 0; q < kTile; ++q) in[i * kTile + q] = block[i + q * n];
            apply_interleaved(tile.data());
            for (std::ptrdiff_t i = 0; i < n; ++i)
                for (int q = 0; q < kTile; ++q) block[i + q * n] = tile[static_cast<std::size_t>(i * kTile + q)];
        }
    }
    for (; j < m; ++j) apply_column(x + j * n);
}

Eigen::MatrixXd RandomButterfly::matrix() const {
    Eigen::MatrixXd q = Eigen::MatrixXd::Identity(n_, n_);
    apply(q.data(), n_);
    return q;
}

}  // namespace hebbian
