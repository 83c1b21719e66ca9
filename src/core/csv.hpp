// Reader for numeric CSV data sets: rows are samples, columns are input neurons.
//
// Accepted: comma separated fields, an optional header row (a first line whose
// fields are all non-numeric), a UTF-8 byte-order mark, LF or CRLF line ends,
// blank lines (skipped), fields wrapped in double quotes, spaces around numbers.
// Rejected, with the line and column: a non-numeric cell, a NaN or infinite
// value, a row whose field count differs from the first, an empty file, a file
// with a header but no rows, more than kMaxInputs columns or kMaxCsvCells cells.
#pragma once

#include <Eigen/Dense>
#include <string>
#include <string_view>
#include <vector>

namespace hebbian {

constexpr long long kMaxCsvCells = 16'000'000;  // 128 MiB of doubles

struct CsvData {
    Eigen::MatrixXd values;            // rows x columns
    std::vector<std::string> header;   // column names, empty when the file has none
    std::string error;                 // empty on success
    int error_line = 0;                // 1-based, 0 when the error is about the whole file
    int error_column = 0;              // 1-based, 0 when the error is about a whole line
};

CsvData parse_csv(std::string_view text);

}  // namespace hebbian
