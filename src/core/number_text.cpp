// Numbers as text, both ways (see number_text.hpp).
#include "number_text.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace hebbian {

namespace {

bool is_non_finite_word(std::string_view text) {
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) text.remove_prefix(1);
    std::string lower(text);
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return lower == "nan" || lower == "inf" || lower == "infinity";
}

}  // namespace

NumberText parse_decimal(std::string_view text, double& value) {
    if (text.empty() || text.size() > 64) return NumberText::NotANumber;
    bool has_digit = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            has_digit = true;
        } else if (!(c == '+' || c == '-' || c == '.' || c == 'e' || c == 'E')) {
            return is_non_finite_word(text) ? NumberText::NotFinite : NumberText::NotANumber;
        }
    }
    if (!has_digit) return NumberText::NotANumber;
    // Both conversions round correctly, so they give the same double; from_chars (where the
    // library has it for double) skips strtod's locale and the terminating copy.
    double parsed = 0.0;
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
    const bool plus = text.front() == '+';  // from_chars takes no '+'
    if (plus && (text.size() == 1 || text[1] == '+' || text[1] == '-')) return NumberText::NotANumber;
    const char* first = text.data() + (plus ? 1 : 0);
    const auto [end, error] = std::from_chars(first, text.data() + text.size(), parsed);
    if (end != text.data() + text.size()) return NumberText::NotANumber;
    if (error == std::errc::result_out_of_range) parsed = std::strtod(std::string(text).c_str(), nullptr);
    else if (error != std::errc()) return NumberText::NotANumber;
#else
    char copy[65];
    text.copy(copy, text.size());
    copy[text.size()] = '\0';
    char* end = nullptr;
    parsed = std::strtod(copy, &end);
    if (end != copy + text.size()) return NumberText::NotANumber;
#endif
    if (!std::isfinite(parsed)) return NumberText::NotFinite;
    value = parsed;
    return NumberText::Number;
}

bool parse_integer(std::string_view text, long long& value) {
    if (text.empty() || text.size() > 24) return false;
    size_t first_digit = (text.front() == '+' || text.front() == '-') ? 1 : 0;
    if (first_digit == text.size()) return false;
    for (size_t i = first_digit; i < text.size(); ++i)
        if (text[i] < '0' || text[i] > '9') return false;
    const std::string copy(text);
    errno = 0;
    char* end = nullptr;
    const long long parsed = std::strtoll(copy.c_str(), &end, 10);
    if (errno == ERANGE || end != copy.c_str() + copy.size()) return false;
    value = parsed;
    return true;
}

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

}  // namespace hebbian
