// Numeric CSV reader (rules in csv.hpp).
#include "csv.hpp"

#include "number_text.hpp"
#include "source.hpp"

namespace hebbian {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Splits one line at commas outside double quotes; quotes are removed and "" inside
// quotes stands for one quote character.
std::vector<std::string> split_fields(std::string_view line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    for (auto& f : fields) f = std::string(trim(f));
    return fields;
}

CsvData failure(std::string message, int line = 0, int column = 0) {
    CsvData result;
    std::string where;
    if (line > 0) where = "line " + std::to_string(line);
    if (column > 0) where += ", column " + std::to_string(column);
    result.error = where.empty() ? message : where + ": " + message;
    result.error_line = line;
    result.error_column = column;
    return result;
}

}  // namespace

CsvData parse_csv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<double> cells;
    std::vector<std::string> header;
    size_t columns = 0;
    long long rows = 0;
    int line_number = 0;
    size_t position = 0;
    while (position < text.size()) {
        size_t end = text.find('\n', position);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(position, end - position);
        position = end + 1;
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trim(line).empty()) continue;

        const std::vector<std::string> fields = split_fields(line);
        std::vector<double> values(fields.size());
        std::vector<NumberText> kinds(fields.size());
        size_t numeric = 0;
        for (size_t c = 0; c < fields.size(); ++c) {
            kinds[c] = parse_decimal(fields[c], values[c]);
            if (kinds[c] == NumberText::Number) ++numeric;
        }
        const bool first_line = columns == 0;
        if (first_line) {
            if (fields.size() > static_cast<size_t>(kMaxInputs))
                return failure("too many columns (" + std::to_string(fields.size()) + "); at most " +
                                   std::to_string(kMaxInputs) + " input neurons are supported",
                               line_number);
            columns = fields.size();
            if (numeric == 0 && header.empty()) {
                header = fields;
                continue;
            }
        }
        if (fields.size() != columns)
            return failure("this row has " + std::to_string(fields.size()) + " fields but the first has " +
                               std::to_string(columns),
                           line_number);
        for (size_t c = 0; c < fields.size(); ++c) {
            if (kinds[c] == NumberText::NotFinite)
                return failure("'" + fields[c] + "' is not a finite number", line_number, static_cast<int>(c + 1));
            if (kinds[c] == NumberText::NotANumber)
                return failure(fields[c].empty() ? std::string("empty cell") : "'" + fields[c] + "' is not a number",
                               line_number, static_cast<int>(c + 1));
        }
        if (static_cast<long long>(cells.size() + columns) > kMaxCsvCells)
            return failure("the file has more than " + std::to_string(kMaxCsvCells) + " cells", line_number);
        cells.insert(cells.end(), values.begin(), values.end());
        ++rows;
    }
    if (columns == 0) return failure("the file is empty");
    if (rows == 0) return failure("the file has a header row but no data rows");
    CsvData result;
    result.header = std::move(header);
    result.values = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
        cells.data(), rows, static_cast<Eigen::Index>(columns));
    return result;
}

}  // namespace hebbian
