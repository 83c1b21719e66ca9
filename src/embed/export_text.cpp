// CSV and JSON text of matrices and histories (see export_text.hpp).
#include "embed/export_text.hpp"

#include <cmath>
#include <utility>
#include <vector>

#include "core/number_text.hpp"

namespace hebbian::embed {

namespace {

std::string csv_cell(double value) { return std::isfinite(value) ? exact_number(value) : ""; }

template <typename Series>
std::string json_array(const Series& values) {
    std::string out = "[";
    for (size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += ',';
        if constexpr (std::is_integral_v<typename Series::value_type>)
            out += std::to_string(values[i]);
        else
            out += json_number(values[i]);
    }
    return out + "]";
}

// The history's real-valued series that have points, with their names.
std::vector<std::pair<const char*, const std::vector<double>*>> recorded_series(const History& h) {
    const std::pair<const char*, const std::vector<double>*> all[] = {
        {"norm", &h.norm},
        {"alignment", &h.alignment},
        {"subspace_alignment", &h.subspace_alignment},
        {"predicted_norm", &h.predicted_norm},
        {"predicted_alignment", &h.predicted_alignment},
        {"output", &h.output},
        {"relative_error", &h.relative_error},
        {"predicted_relative_error", &h.predicted_relative_error}};
    std::vector<std::pair<const char*, const std::vector<double>*>> kept;
    for (const auto& series : all)
        if (!series.second->empty()) kept.push_back(series);
    return kept;
}

}  // namespace

std::string matrix_csv(const Eigen::MatrixXd& m) {
    std::string out;
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
            if (c > 0) out += ',';
            out += csv_cell(m(r, c));
        }
        out += '\n';
    }
    return out;
}

std::string matrix_json(const Eigen::MatrixXd& m) {
    std::string out = "[";
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        if (r > 0) out += ',';
        out += '[';
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
            if (c > 0) out += ',';
            out += json_number(m(r, c));
        }
        out += ']';
    }
    return out + "]";
}

std::string history_csv(const History& h) {
    const auto series = recorded_series(h);
    std::string out = "step";
    for (const auto& [name, values] : series) out += std::string(",") + name;
    out += '\n';
    for (size_t i = 0; i < h.step.size(); ++i) {
        out += std::to_string(h.step[i]);
        for (const auto& [name, values] : series) {
            out += ',';
            if (i < values->size()) out += csv_cell((*values)[i]);
        }
        out += '\n';
    }
    return out;
}

std::string history_json(const History& h) {
    std::string out = "{\"stride\":" + std::to_string(h.stride) + ",\"step\":" + json_array(h.step);
    for (const auto& [name, values] : recorded_series(h)) out += std::string(",\"") + name + "\":" + json_array(*values);
    return out + "}";
}

ExportFile export_file(const Simulation& sim, ExportWhat what, ExportFormat format) {
    ExportFile file;
    const bool csv = format == ExportFormat::Csv;
    file.filename = std::string("hebbian-") + export_name(what) + (csv ? ".csv" : ".json");
    file.mime = csv ? "text/csv" : "application/json";
    Eigen::MatrixXd matrix;  // a copy: the feedforward weights are stored row by row
    switch (what) {
        case ExportWhat::Weights:
            if (sim.feedforward())
                matrix = sim.feedforward()->weights();
            else
                matrix = sim.recurrent()->weights();
            break;
        case ExportWhat::Recurrent:
            if (!sim.recurrent()) {
                file.error = "the feedforward circuit has no recurrent matrix: open the recurrent view";
                return file;
            }
            matrix = sim.recurrent()->weights();
            break;
        case ExportWhat::Covariance: matrix = sim.covariance(); break;
        case ExportWhat::History:
            file.text = csv ? history_csv(sim.history()) : history_json(sim.history());
            return file;
        case ExportWhat::View:
            file.error = "the view is exported as PNG by the page";
            return file;
    }
    file.text = csv ? matrix_csv(matrix) : matrix_json(matrix);
    return file;
}

}  // namespace hebbian::embed
