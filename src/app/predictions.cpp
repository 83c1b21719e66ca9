// Mean-field alignment curve (see predictions.hpp).
#include "app/predictions.hpp"

#include <algorithm>
#include <cmath>

namespace hebbian::app {

double predicted_alignment(const PrincipalComponents& pcs, const Eigen::VectorXd& initial_weights, double eta,
                           double alpha, double steps) {
    const double along_pc1 = std::abs(pcs.vectors.col(0).dot(initial_weights));
    const double growth = std::abs(1.0 + eta * (pcs.values(0) - alpha));
    if (!(along_pc1 > 0.0) || !(growth > 0.0)) return 0.0;
    const double log_norm = predicted_log_norm(pcs, initial_weights, eta, alpha, steps);
    if (!std::isfinite(log_norm)) return 0.0;
    return std::clamp(std::exp(std::log(along_pc1) + steps * std::log(growth) - log_norm), 0.0, 1.0);
}

}  // namespace hebbian::app
