// Divergence check and step bound shared by the circuits (see divergence.hpp).
#include "divergence.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

namespace hebbian {

std::string blow_up_reason(const double* values, Eigen::Index count, double limit, const char* what) {
    double largest = 0.0;
    for (Eigen::Index i = 0; i < count; ++i) {
        const double v = values[i];
        if (!std::isfinite(v)) return std::string(what) + " became non-finite (NaN or infinity)";
        largest = std::fmax(largest, std::fabs(v));
    }
    if (largest <= limit) return "";
    char text[160];
    std::snprintf(text, sizeof text, "%s overflowed: |value| reached %.3g, above the limit %.3g", what,
                  largest, limit);
    return text;
}

}  // namespace hebbian
