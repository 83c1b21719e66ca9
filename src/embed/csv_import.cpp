// CSV import for the page (see csv_import.hpp).
#include "embed/csv_import.hpp"

#include <algorithm>

#include "core/csv.hpp"
#include "embed/page_state.hpp"

namespace hebbian::embed {

CsvImport import_csv(std::string_view text) {
    CsvImport result;
    CsvData csv = parse_csv(text);
    if (!csv.error.empty()) {
        result.error = csv.error;
        return result;
    }
    if (csv.values.cols() > kMaxInputs) {
        result.error = "too many columns: " + std::to_string(csv.values.cols()) + " (the page takes at most " +
                       std::to_string(kMaxInputs) + ")";
    } else if (csv.values.cols() < 2) {
        result.error = "one column: the circuits need at least 2 input neurons (columns)";
    } else if (csv.values.rows() < 2) {
        result.error = "one row of numbers: the covariance needs at least 2 samples (rows)";
    } else {
        result.values = std::make_shared<const Eigen::MatrixXd>(std::move(csv.values));
    }
    return result;
}

SimParams with_data(SimParams params, std::shared_ptr<const Eigen::MatrixXd> data) {
    params.source.kind = SourceKind::Dataset;
    params.learning.outputs = std::min(params.learning.outputs, static_cast<int>(data->cols()));
    params.source.data = std::move(data);
    return params;
}

}  // namespace hebbian::embed
