// Command-line options of `hebbian run`, parsed into plain structs.
#pragma once

#include <string>
#include <vector>

#include "core/simulation.hpp"

namespace hebbian {

struct RunOptions {
    SimParams sim;             // everything the simulation needs
    long long steps = 1000;    // learning steps to run (0..kMaxSteps)
    std::string data_path;     // --data FILE.csv; empty for a synthetic source
    std::string image_path;    // --image FILE (PNG or PGM); empty unless the picture is the source
    std::string out_path;      // --out RESULT.json (required)
};

constexpr long long kMaxSteps = 1'000'000'000;

struct ParsedRunOptions {
    RunOptions options;
    bool help = false;    // --help was given
    std::string error;    // one line naming the bad flag or value; empty on success
};

// Parses the arguments that follow `hebbian run`. Semantic checks of the
// parameters (ranges, k <= N) happen later, in validate(SimParams).
ParsedRunOptions parse_run_options(const std::vector<std::string>& args);

std::string usage();

}  // namespace hebbian
