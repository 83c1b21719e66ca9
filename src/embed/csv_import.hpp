// A CSV file the reader drops on the page or picks: read strictly (core/csv.hpp), then
// checked against what the page can run (2..kMaxInputs columns, at least 2 rows).
// Errors name the line and column; the caller keeps its previous data. Pure std + core.
#pragma once

#include <Eigen/Dense>
#include <memory>
#include <string>
#include <string_view>

#include "core/simulation.hpp"

namespace hebbian::embed {

struct CsvImport {
    std::shared_ptr<const Eigen::MatrixXd> values;  // rows are samples, columns input neurons; null on error
    std::string error;                              // e.g. "line 3, column 2: ..." ("" on success)
};

CsvImport import_csv(std::string_view text);

// `params` learning from `data` instead of its synthetic source (k is lowered to N if needed).
SimParams with_data(SimParams params, std::shared_ptr<const Eigen::MatrixXd> data);

}  // namespace hebbian::embed
