// Strict number parsing shared by the CSV reader, the runner's flags and the URL.
#include <doctest.h>

#include "core/number_text.hpp"

using namespace hebbian;

TEST_CASE("decimal numbers parse and everything else is named") {
    double v = 0.0;
    CHECK(parse_decimal("1.5", v) == NumberText::Number);
    CHECK(v == 1.5);
    CHECK(parse_decimal("-2e-3", v) == NumberText::Number);
    CHECK(v == -0.002);
    for (const char* bad : {"", " ", "abc", "1.5x", "0x10", "--1", "1e", ".", "+", "1,5"}) {
        CAPTURE(bad);
        CHECK(parse_decimal(bad, v) == NumberText::NotANumber);
    }
    for (const char* non_finite : {"nan", "NaN", "-inf", "+Inf", "Infinity", "1e400", "-1e400"}) {
        CAPTURE(non_finite);
        CHECK(parse_decimal(non_finite, v) == NumberText::NotFinite);
    }
}

TEST_CASE("integers are whole decimal numbers within range") {
    long long v = 0;
    CHECK(parse_integer("42", v));
    CHECK(v == 42);
    CHECK(parse_integer("-7", v));
    CHECK(v == -7);
    for (const char* bad : {"", "-", "4.0", "1e3", "12a", "99999999999999999999"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_integer(bad, v));
    }
}
