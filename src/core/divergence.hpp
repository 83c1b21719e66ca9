// Divergence as a state: the check every circuit runs before it commits a step.
#pragma once

#include <Eigen/Dense>
#include <string>

namespace hebbian {

// Weights whose magnitude passes this are treated as blown up. It sits far below
// the double overflow (1.8e308) so that y = w.x and y*y stay finite when it trips.
constexpr double kDefaultDivergenceLimit = 1e150;

// Empty when each of the `count` values is finite with |v| <= limit; otherwise a
// short reason naming `what` ("weights", "threshold", ...).
std::string blow_up_reason(const double* values, Eigen::Index count, double limit, const char* what);

// The same for every entry of a matrix or vector, in whichever storage order.
template <typename Derived>
std::string blow_up_reason(const Eigen::PlainObjectBase<Derived>& m, double limit, const char* what) {
    return blow_up_reason(m.data(), m.size(), limit, what);
}

}  // namespace hebbian
