// Where a run "explodes", for the appendix's label: the first recorded step at which
// |w| has grown past a factor of its starting value. Pure: reads a core History.
#pragma once

#include <optional>

#include "core/simulation.hpp"

namespace hebbian::app {

// First step in `history` with norm > factor * norm at its first entry; none if never. The
// default factor is the core's (single_run.hpp), whose forecast predicts the same step.
std::optional<long long> explosion_step(const History& history, double factor = kExplosionFactor);

}  // namespace hebbian::app
