// Numbers as text that reads back to the same double: the shortest of %.15g, %.16g and
// %.17g that round-trips, so 0.01 stays "0.01" and every bit survives a link or an export.
#pragma once

#include <string>

namespace hebbian::embed {

// Shortest round-trip decimal text of a finite value; "nan", "inf" or "-inf" otherwise.
std::string exact_number(double value);

// exact_number for finite values, "null" for the others (JSON has no NaN or Infinity).
std::string json_number(double value);

}  // namespace hebbian::embed
