// The numeric CSV reader: what it accepts and how it names what it rejects.
#include <doctest.h>

#include "core/csv.hpp"
#include "core/source.hpp"

using hebbian::parse_csv;

TEST_CASE("a CSV with a header row gives the numbers and the column names") {
    const auto csv = parse_csv("a,b,c\n1,2,3\n4,5,6.5\n");
    REQUIRE(csv.error.empty());
    CHECK(csv.header == std::vector<std::string>{"a", "b", "c"});
    REQUIRE(csv.values.rows() == 2);
    REQUIRE(csv.values.cols() == 3);
    CHECK(csv.values(0, 2) == 3.0);  // row-major text into a column-major matrix: (row, column)
    CHECK(csv.values(1, 0) == 4.0);
    CHECK(csv.values(1, 2) == 6.5);
}

TEST_CASE("a CSV tolerates a BOM, CRLF line ends, blank lines, quotes and spaces") {
    const auto csv = parse_csv("\xEF\xBB\xBF\"x\",\"y\"\r\n 1 , \"2e-1\"\r\n\r\n-3,+4.\r\n");
    REQUIRE(csv.error.empty());
    CHECK(csv.header.size() == 2);
    REQUIRE(csv.values.rows() == 2);
    CHECK(csv.values(0, 1) == doctest::Approx(0.2));
    CHECK(csv.values(1, 0) == -3.0);
    CHECK(csv.values(1, 1) == 4.0);
}

TEST_CASE("a CSV without a header is all data") {
    const auto csv = parse_csv("1,2\n3,4");
    REQUIRE(csv.error.empty());
    CHECK(csv.header.empty());
    CHECK(csv.values.rows() == 2);
}

TEST_CASE("CSV errors name the line and the column") {
    struct Case {
        const char* text;
        const char* message;
        int line, column;
    };
    const Case cases[] = {
        {"", "the file is empty", 0, 0},
        {"\n\n  \n", "the file is empty", 0, 0},
        {"a,b\n", "header row but no data rows", 0, 0},
        {"1,2\n3,4,5\n", "line 2: this row has 3 fields but the first has 2", 2, 0},
        {"1,2\n3\n", "line 2: this row has 1 fields", 2, 0},
        {"1,2\n3,abc\n", "line 2, column 2: 'abc' is not a number", 2, 2},
        {"1,x\n", "line 1, column 2: 'x' is not a number", 1, 2},
        {"1,2\n,4\n", "line 2, column 1: empty cell", 2, 1},
        {"1,2\nNaN,4\n", "line 2, column 1: 'NaN' is not a finite number", 2, 1},
        {"1,2\n3,-inf\n", "line 2, column 2: '-inf' is not a finite number", 2, 2},
        {"1,2\n3,1e999\n", "line 2, column 2: '1e999' is not a finite number", 2, 2},
        {"1,2\n0x10,4\n", "line 2, column 1: '0x10' is not a number", 2, 1},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const auto csv = parse_csv(c.text);
        CHECK(csv.error.find(c.message) != std::string::npos);
        CHECK(csv.error_line == c.line);
        CHECK(csv.error_column == c.column);
    }
}

TEST_CASE("a CSV with more columns than the input cap is rejected") {
    std::string row;
    for (int i = 0; i <= hebbian::kMaxInputs; ++i) row += (i ? ",1" : "1");
    const auto csv = parse_csv(row + "\n");
    CHECK(csv.error.find("too many columns (1025)") != std::string::npos);
}

TEST_CASE("a CSV with a million rows loads") {
    std::string text = "x,y\n";
    text.reserve(9'000'000);
    for (int r = 0; r < 1'000'000; ++r) text += (r % 2 ? "0.5,-1.25\n" : "1,2\n");
    const auto csv = parse_csv(text);
    REQUIRE(csv.error.empty());
    CHECK(csv.values.rows() == 1'000'000);
    CHECK(csv.values(999'999, 1) == -1.25);
}

TEST_CASE("a CSV with a thousand columns loads") {
    std::string row;
    for (int c = 0; c < 1000; ++c) row += (c ? "," : "") + std::to_string(c);
    const auto csv = parse_csv(row + "\n" + row + "\n");
    REQUIRE(csv.error.empty());
    CHECK(csv.values.cols() == 1000);
    CHECK(csv.values(1, 999) == 999.0);
}
