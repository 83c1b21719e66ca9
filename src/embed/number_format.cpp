// Round-trip number formatting (see number_format.hpp).
#include "embed/number_format.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace hebbian::embed {

std::string exact_number(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    char text[40];
    for (int digits = 15; digits <= 17; ++digits) {
        std::snprintf(text, sizeof text, "%.*g", digits, value);
        if (std::strtod(text, nullptr) == value) break;
    }
    return text;
}

std::string json_number(double value) { return std::isfinite(value) ? exact_number(value) : "null"; }

}  // namespace hebbian::embed
