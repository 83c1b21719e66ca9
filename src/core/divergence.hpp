// Divergence as a state: the check every circuit runs before it commits a step.
#pragma once

#include <Eigen/Dense>
#include <string>

namespace hebbian {

// Weights whose magnitude passes this are treated as blown up. It sits far below
// the double overflow (1.8e308) so that y = w.x and y*y stay finite when it trips.
constexpr double kDefaultDivergenceLimit = 1e150;

// Empty when every entry of `m` is finite and |m_ij| <= limit; otherwise a short
// reason naming `what` ("weights", "threshold", ...).
std::string blow_up_reason(const Eigen::MatrixXd& m, double limit, const char* what);

}  // namespace hebbian
