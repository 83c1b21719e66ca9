// The files the page offers for download: the learned weights, the recurrent matrix,
// the input covariance and the recorded history, as CSV or JSON text. Numbers are
// written exactly (they read back to the same doubles); a non-finite entry is an empty
// CSV cell or a JSON null. Matrices are written row by row: line i of the CSV and
// array i of the JSON are row i. Pure std + core: unit-tested.
#pragma once

#include <Eigen/Dense>
#include <string>
#include <vector>

#include "core/simulation.hpp"
#include "embed/host_message.hpp"

namespace hebbian::embed {

struct ExportFile {
    std::string filename;  // e.g. "hebbian-weights.csv"
    std::string mime;      // "text/csv" or "application/json"
    std::string text;
    std::string error;     // why there is nothing to export ("" otherwise)
};

std::string matrix_csv(const Eigen::MatrixXd& m);
std::string matrix_json(const Eigen::MatrixXd& m);
// One column per series that has points: step first, then norm, alignment, ...
std::string history_csv(const History& history);
// {"stride":S,"step":[...],"norm":[...],...}: every series that has points.
std::string history_json(const History& history);

// weights: the circuit's learned weights (feedforward: k x N; recurrent: W, N x N);
// recurrent: W (the recurrent circuit only); covariance: the N x N covariance of the
// inputs as the circuit sees them; history: the recorded series. `what` must not be View.
ExportFile export_file(const Simulation& sim, ExportWhat what, ExportFormat format);

// The inhibitory balance (`what` inhibition): CSV "channel,excitatory,inhibitory,net", one
// line per channel; JSON {"rho0","predicted_rate","predicted_net_weight","co_tuning",
// "excitatory":[...],"inhibitory":[...],"history":{"stride","step":[...],"rate":[...],
// "rate_low":[...],"rate_typical":[...],"rate_high":[...]}}: the rate of each recorded interval
// and the 5%, 50% and 95% quantiles of single runs' rate over it (InhibitoryBalance::history_band).
ExportFile export_file(const InhibitoryBalance& balance, ExportFormat format);

// One quantile (`which`: &Quantiles::low, typical or high) of each band in `bands`, in order:
// the series the exports and the runner write beside the points the bands belong to.
std::vector<double> quantile_series(const std::vector<Quantiles>& bands, double Quantiles::*which);

// The runs of a view side by side (the appendix, the stabilizers), each named by its rule;
// a single run exports as above. weights: w_1 of each run (CSV: a header "rule,w_1,..,w_N"
// and one line per run; JSON: {"hebb":[...],"decay":[...],...}); history: every run's
// series (CSV: columns rule, step and every series any run has, a cell empty where a run has
// none; JSON: {"hebb":{"stride":...,"step":[...],...},...}); covariance: the inputs' (the
// runs share them); inhibition: `balance` as above (the stabilizers view's; an error when null).
ExportFile export_file(const std::vector<Simulation>& sims, const InhibitoryBalance* balance, ExportWhat what,
                       ExportFormat format);

}  // namespace hebbian::embed
