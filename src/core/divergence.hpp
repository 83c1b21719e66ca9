// Divergence as a state: the check every circuit runs before it commits a step, and
// the bound on the weights' magnitude that lets a step skip the full check.
#pragma once

#include <Eigen/Dense>
#include <cmath>
#include <limits>
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

// An upper bound on max |W_new| for a learning step W_new = scale * W + D, given
// magnitude >= max |W| and increment >= max |D|, including the rounding of the step.
// Every learning path keeps such a bound so that it need not read every new weight:
// while the bound is within the divergence limit (bound <= limit, false for NaN), the
// step cannot have passed it.
//
// Rounding rule: one machine epsilon eps = 2^-52 of relative allowance per rounded
// floating-point operation, counting the `operations` that compute each new weight
// (with those that computed scale and increment) and the 4 of this function:
//     bound = (|scale| magnitude + increment) (1 + (operations + 4) eps).
// n operations of relative error at most u = eps / 2 each stay within
// gamma_n = n u / (1 - n u) <= n eps while n u <= 1/2 (Higham, Accuracy and Stability
// of Numerical Algorithms, lemma 3.1). NaN or infinity in gives NaN or infinity out.
// Inline: the online steps call it once a sample.
inline double step_magnitude_bound(double scale, double magnitude, double increment, int operations) {
    constexpr double eps = std::numeric_limits<double>::epsilon();
    const double widen = 1.0 + static_cast<double>(operations + 4) * eps;
    return (std::fabs(scale) * magnitude + increment) * widen;
}

}  // namespace hebbian
