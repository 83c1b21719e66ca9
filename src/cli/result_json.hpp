// The runner's result file: everything a reader needs to check a run against the theory.
#pragma once

#include <ostream>

#include "core/simulation.hpp"
#include "options.hpp"

namespace hebbian {

// Writes the JSON document described in README.md ("The result file").
void write_result_json(std::ostream& out, const Simulation& sim, const RunOptions& options);
// The same for --circuit inhibitory ("The result file of the inhibitory circuit").
void write_result_json(std::ostream& out, const InhibitoryBalance& balance, const RunOptions& options);

}  // namespace hebbian
