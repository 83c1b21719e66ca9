// First step past an explosion threshold (see explosion.hpp).
#include "app/explosion.hpp"

#include <cmath>

namespace hebbian::app {

std::optional<long long> explosion_step(const History& history, double factor) {
    if (history.norm.empty() || history.step.size() != history.norm.size()) return std::nullopt;
    const double threshold = factor * history.norm.front();
    for (size_t k = 0; k < history.norm.size(); ++k)
        if (!(history.norm[k] <= threshold)) return history.step[k];  // also catches inf / NaN
    return std::nullopt;
}

}  // namespace hebbian::app
