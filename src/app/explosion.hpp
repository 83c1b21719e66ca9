// Where a run "explodes", for the appendix's label: the first recorded step at which
// |w| has grown past a factor of its starting value. Pure: reads a core History.
#pragma once

#include <optional>

#include "core/simulation.hpp"

namespace hebbian::app {

// The growth factor the appendix calls an explosion (|w_t| > 1000 |w_0|).
constexpr double kExplosionFactor = 1000.0;

// First step in `history` with norm > factor * norm at its first entry; none if never.
std::optional<long long> explosion_step(const History& history, double factor = kExplosionFactor);

}  // namespace hebbian::app
