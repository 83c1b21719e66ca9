// Numbers as text, both ways. Reading: strict parsing of numbers typed by people (CSV
// cells, command-line flags, URL values): only plain decimal notation is a number (no
// hex, no words, no trailing text). Writing: the shortest of %.15g, %.16g and %.17g that
// reads back to the same double, so 0.01 stays "0.01" and every bit survives a link, an
// export or a result file.
#pragma once

#include <string>
#include <string_view>

namespace hebbian {

enum class NumberText { Number, NotANumber, NotFinite };

// "1.5", "-2e-3", "+7." are numbers; "nan", "inf", "Infinity" (any case, any sign)
// and values that overflow are NotFinite; everything else is NotANumber.
NumberText parse_decimal(std::string_view text, double& value);

// Optional sign and decimal digits only, within the range of long long.
bool parse_integer(std::string_view text, long long& value);

// Shortest round-trip decimal text of a finite value; "nan", "inf" or "-inf" otherwise.
std::string exact_number(double value);

// exact_number for finite values, "null" for the others (JSON has no NaN or Infinity).
std::string json_number(double value);

}  // namespace hebbian
