// Block-wise running covariance (the merge formula is in block_covariance.hpp).
#include "block_covariance.hpp"

#include "kernels.hpp"

namespace hebbian {

BlockCovariance::BlockCovariance(int dim)
    : mean_(Eigen::VectorXd::Zero(dim)), scatter_(Eigen::MatrixXd::Zero(dim, dim)) {}

void BlockCovariance::add(const Eigen::Ref<const Eigen::MatrixXd>& x) {
    const Eigen::Index dim = mean_.size(), m = x.cols();
    if (m == 0 || dim == 0) {
        count_ += m;
        return;
    }
    const long long total = count_ + m;
    const Eigen::VectorXd block_mean = x.rowwise().sum() / static_cast<double>(m);
    // S += sum_b (x_b - mean_b)(x_b - mean_b)^T + delta delta^T * n_a m / n,  delta = mean_b - mean_a
    terms_.resize(dim, m + 1);
    terms_.leftCols(m) = x.colwise() - block_mean;
    terms_.col(m) = block_mean - mean_;
    weights_.assign(static_cast<size_t>(m), 1.0);
    weights_.push_back(static_cast<double>(count_) * static_cast<double>(m) / static_cast<double>(total));
    kernels::symmetric_rank_update(scatter_.data(), static_cast<int>(dim), 1.0, terms_.data(), static_cast<int>(dim),
                                   static_cast<int>(m + 1), weights_.data(), packed_);
    // mean += delta * m / n
    mean_ += terms_.col(m) * (static_cast<double>(m) / static_cast<double>(total));
    count_ = total;
}

Eigen::MatrixXd BlockCovariance::covariance() const {
    if (count_ == 0) return Eigen::MatrixXd::Zero(scatter_.rows(), scatter_.cols());
    return scatter_ / static_cast<double>(count_);
}

}  // namespace hebbian
