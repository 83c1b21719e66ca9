// Strict parsing of numbers typed by people: CSV cells, command-line flags, URL values.
// Only plain decimal notation is a number (no hex, no words, no trailing text).
#pragma once

#include <string_view>

namespace hebbian {

enum class NumberText { Number, NotANumber, NotFinite };

// "1.5", "-2e-3", "+7." are numbers; "nan", "inf", "Infinity" (any case, any sign)
// and values that overflow are NotFinite; everything else is NotANumber.
NumberText parse_decimal(std::string_view text, double& value);

// Optional sign and decimal digits only, within the range of long long.
bool parse_integer(std::string_view text, long long& value);

}  // namespace hebbian
