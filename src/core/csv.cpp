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

// Splits one line at commas outside double quotes into `fields` (trimmed); quotes are
// removed and "" inside quotes stands for one quote character. A line without quotes
// (the usual case) is split in place; a quoted one is unquoted into `unquoted`, which
// the fields then point into.
void split_fields(std::string_view line, std::vector<std::string>& unquoted, std::vector<std::string_view>& fields) {
    fields.clear();
    if (line.find('"') == std::string_view::npos) {
        size_t start = 0;
        for (size_t comma = line.find(','); comma != std::string_view::npos; comma = line.find(',', start)) {
            fields.push_back(trim(line.substr(start, comma - start)));
            start = comma + 1;
        }
        fields.push_back(trim(line.substr(start)));
        return;
    }
    unquoted.assign(1, std::string());
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                unquoted.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                unquoted.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            unquoted.emplace_back();
        } else {
            unquoted.back() += c;
        }
    }
    for (const std::string& f : unquoted) fields.push_back(trim(f));
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
    std::vector<std::string> unquoted;   // a quoted line's fields, unquoted
    std::vector<std::string_view> fields;
    std::vector<double> values;
    std::vector<NumberText> kinds;
    while (position < text.size()) {
        size_t end = text.find('\n', position);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(position, end - position);
        position = end + 1;
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trim(line).empty()) continue;

        split_fields(line, unquoted, fields);
        values.resize(fields.size());
        kinds.resize(fields.size());
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
                header.assign(fields.begin(), fields.end());
                continue;
            }
        }
        if (fields.size() != columns)
            return failure("this row has " + std::to_string(fields.size()) + " fields but the first has " +
                               std::to_string(columns),
                           line_number);
        for (size_t c = 0; c < fields.size(); ++c) {
            if (kinds[c] == NumberText::NotFinite)
                return failure("'" + std::string(fields[c]) + "' is not a finite number", line_number, static_cast<int>(c + 1));
            if (kinds[c] == NumberText::NotANumber)
                return failure(fields[c].empty() ? std::string("empty cell") : "'" + std::string(fields[c]) + "' is not a number",
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
