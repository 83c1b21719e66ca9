// The headless runner as a function, so tests can drive it without a process.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace hebbian {

// `args` are the command-line arguments after the program name. Returns the exit
// status: 0 on success, 2 on bad input (one line on `err`, no file written).
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace hebbian
