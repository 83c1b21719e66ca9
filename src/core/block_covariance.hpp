// Running mean and covariance of the samples a simulation has seen, added a block
// of samples at a time so the O(N^2) work per sample runs as one symmetric
// rank-m product (kernels::symmetric_rank_update) instead of m rank-1 passes.
//
// Merging a block b of m samples into the running a of n_a samples (Chan, Golub
// and LeVeque's pairwise formula, exact in exact arithmetic):
//     delta = mean_b - mean_a,   n = n_a + m
//     mean  = mean_a + delta * m / n
//     S     = S_a + S_b + delta delta^T * n_a m / n,   S_b = sum_b (x_b - mean_b)(x_b - mean_b)^T
// and the covariance is S / n (population form). With m = 1 this is Welford's update.
#pragma once

#include <Eigen/Dense>
#include <vector>

namespace hebbian {

class BlockCovariance {
public:
    explicit BlockCovariance(int dim = 0);
    // Adds the columns of X (dim x m) as m samples.
    void add(const Eigen::Ref<const Eigen::MatrixXd>& x);
    long long count() const { return count_; }
    const Eigen::VectorXd& mean() const { return mean_; }
    Eigen::MatrixXd covariance() const;

private:
    long long count_ = 0;
    Eigen::VectorXd mean_;
    Eigen::MatrixXd scatter_, terms_;  // terms_: the centred block and delta, side by side
    std::vector<double> weights_;      // their coefficients in the symmetric update
    std::vector<double> packed_;       // the symmetric update's packed copies of the terms (scratch)
};

}  // namespace hebbian
