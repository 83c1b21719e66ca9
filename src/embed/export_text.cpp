// CSV and JSON text of matrices and histories (see export_text.hpp).
#include "embed/export_text.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "core/number_text.hpp"
#include "embed/json_value.hpp"

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
        {"predicted_relative_error", &h.predicted_relative_error},
        {"norm_low", &h.norm_low},
        {"norm_typical", &h.norm_typical},
        {"norm_high", &h.norm_high},
        {"alignment_low", &h.alignment_low},
        {"alignment_typical", &h.alignment_typical},
        {"alignment_high", &h.alignment_high},
        {"relative_error_low", &h.relative_error_low},
        {"relative_error_typical", &h.relative_error_typical},
        {"relative_error_high", &h.relative_error_high},
        {"subspace_alignment_low", &h.subspace_alignment_low},
        {"subspace_alignment_typical", &h.subspace_alignment_typical},
        {"subspace_alignment_high", &h.subspace_alignment_high}};
    std::vector<std::pair<const char*, const std::vector<double>*>> kept;
    for (const auto& series : all)
        if (!series.second->empty()) kept.push_back(series);
    return kept;
}

std::string run_name(const Simulation& sim) { return to_string(sim.params().learning.rule); }

// The runs' w_1 (see export_file).
std::string first_rows_text(const std::vector<Simulation>& sims, bool csv) {
    std::string out;
    if (csv) {
        out = "rule";
        for (int i = 1; i <= sims.front().inputs(); ++i) out += ",w_" + std::to_string(i);
        out += '\n';
    }
    for (const Simulation& sim : sims) {
        const Eigen::MatrixXd w = sim.feedforward()->weights().topRows(1);
        if (csv) {
            out += run_name(sim) + "," + matrix_csv(w);
        } else {
            const std::string rows = matrix_json(w);  // [[w_1, ..., w_N]]
            out += std::string(out.empty() ? "{" : ",") + json_quote(run_name(sim)) + ":" + rows.substr(1, rows.size() - 2);
        }
    }
    return csv ? out : out + "}";
}

// The runs' histories (see export_file).
std::string histories_text(const std::vector<Simulation>& sims, bool csv) {
    if (!csv) {
        std::string out;
        for (const Simulation& sim : sims)
            out += std::string(out.empty() ? "{" : ",") + json_quote(run_name(sim)) + ":" + history_json(sim.history());
        return out + "}";
    }
    std::vector<std::string> names;  // every series some run has, in the order recorded_series gives
    for (const Simulation& sim : sims)
        for (const auto& series : recorded_series(sim.history()))
            if (std::find(names.begin(), names.end(), series.first) == names.end()) names.emplace_back(series.first);
    std::string out = "rule,step";
    for (const std::string& name : names) out += "," + name;
    out += '\n';
    for (const Simulation& sim : sims) {
        const History& h = sim.history();
        const auto series = recorded_series(h);
        for (size_t i = 0; i < h.step.size(); ++i) {
            out += run_name(sim) + "," + std::to_string(h.step[i]);
            for (const std::string& name : names) {
                out += ',';
                for (const auto& [own, values] : series)
                    if (own == name && i < values->size()) out += csv_cell((*values)[i]);
            }
            out += '\n';
        }
    }
    return out;
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
        case ExportWhat::Filters:
            file.error = "the filters are exported as PNG by the page (the weights export has their numbers)";
            return file;
        case ExportWhat::Inhibition:
            file.error = "the inhibitory balance runs in the stabilizers view: open it";
            return file;
    }
    file.text = csv ? matrix_csv(matrix) : matrix_json(matrix);
    return file;
}

std::vector<double> quantile_series(const std::vector<Quantiles>& bands, double Quantiles::*which) {
    std::vector<double> series;
    series.reserve(bands.size());
    for (const Quantiles& band : bands) series.push_back(band.*which);
    return series;
}

ExportFile export_file(const InhibitoryBalance& balance, ExportFormat format) {
    ExportFile file;
    const bool csv = format == ExportFormat::Csv;
    file.filename = std::string("hebbian-") + export_name(ExportWhat::Inhibition) + (csv ? ".csv" : ".json");
    file.mime = csv ? "text/csv" : "application/json";
    const Eigen::VectorXd& exc = balance.excitatory();
    const Eigen::VectorXd& inh = balance.inhibitory();
    if (csv) {
        file.text = "channel,excitatory,inhibitory,net\n";
        for (Eigen::Index j = 0; j < exc.size(); ++j)
            file.text += std::to_string(j + 1) + "," + csv_cell(exc(j)) + "," + csv_cell(inh(j)) + "," +
                         csv_cell(exc(j) - inh(j)) + "\n";
        return file;
    }
    const auto values = [](const Eigen::VectorXd& v) { return json_array(std::vector<double>(v.data(), v.data() + v.size())); };
    file.text = "{\"rho0\":" + json_number(balance.params().target_rate) +
                ",\"predicted_rate\":" + json_number(balance.predicted_rate()) +
                ",\"predicted_net_weight\":" + json_number(balance.predicted_net_weight()) +
                ",\"co_tuning\":" + json_number(balance.co_tuning()) + ",\"excitatory\":" + values(exc) +
                ",\"inhibitory\":" + values(inh) + ",\"history\":{\"stride\":" + std::to_string(balance.history_stride()) +
                ",\"step\":" + json_array(balance.history_step()) + ",\"rate\":" + json_array(balance.history_rate()) +
                ",\"rate_low\":" + json_array(quantile_series(balance.history_band(), &Quantiles::low)) +
                ",\"rate_typical\":" + json_array(quantile_series(balance.history_band(), &Quantiles::typical)) +
                ",\"rate_high\":" + json_array(quantile_series(balance.history_band(), &Quantiles::high)) + "}}";
    return file;
}

ExportFile export_file(const std::vector<Simulation>& sims, const InhibitoryBalance* balance, ExportWhat what,
                       ExportFormat format) {
    if (what == ExportWhat::Inhibition && balance) return export_file(*balance, format);
    ExportFile file = export_file(sims.front(), what, format);
    if (sims.size() < 2 || !file.error.empty() || what == ExportWhat::Covariance) return file;
    const bool csv = format == ExportFormat::Csv;
    file.text = what == ExportWhat::History ? histories_text(sims, csv) : first_rows_text(sims, csv);
    return file;
}

}  // namespace hebbian::embed
