// The state a host page reads ({"type":"get"} and every reply to a change) as JSON.
// Pure formatting: non-finite numbers become null, the 64-bit seed is a string.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/single_run.hpp"
#include "embed/page_state.hpp"

namespace hebbian::embed {

// One of a view's runs (the appendix has two, the stabilizers five).
struct RuleRun {
    std::string rule;           // "hebb", "decay", ...
    long long steps = 0;        // learning steps done
    double norm = 0.0;          // |w_1|
    double alignment = 0.0;     // |cos(w_1, PC1)|
    long long diverged_at = 0;  // the step it diverged at (0: it did not)
    std::optional<Quantiles> norm_band;       // 90% band of single runs' |w_1| now (none: no theory)
    std::optional<Quantiles> alignment_band;  // the same for |cos(w_1, PC1)|
};

// The stabilizers view's inhibitory balance.
struct BalanceRun {
    long long steps = 0;          // learning steps done
    double rate = 0.0;            // the mean output rate over the last recorded interval
    double rho0 = 0.0;            // the target rate
    double predicted_rate = 0.0;  // the fixed point's rate
    double co_tuning = 0.0;       // correlation of the inhibitory with the excitatory weights
    std::optional<Quantiles> rate_band;  // 90% band of single runs' rate over that interval (none: no point yet)
};

// What the open view's run is doing, beside its settings.
struct RunSummary {
    long long steps = 0;        // learning steps done
    int inputs = 0;             // N, the input neurons the source gives (a data set: its columns)
    double alignment = 0.0;     // |cos(w_1, PC1)| (recurrent: |cos(W v_1, v_1)|)
    double norm = 0.0;          // |w_1| (recurrent: |W|_F)
    double lambda1 = 0.0;       // largest eigenvalue of the input covariance
    bool diverged = false;      // the run stopped on divergence
    bool playing = false;
    std::string regime;         // one sentence on alpha vs lambda_1
    std::string error;          // why the last requested parameters were refused ("" when accepted)
    std::string data_name;      // the CSV file the run learns from ("" for a synthetic source)
    std::vector<RuleRun> runs;  // views of several runs: each of them (the numbers above are the first's)
    std::string primary;        // the rule of the run the numbers above describe
    std::optional<BalanceRun> inhibition;  // the stabilizers view's inhibitory balance
    // The first run's 90% bands of single runs now (core/single_run.hpp; none where it has none).
    std::optional<Quantiles> norm_band;            // feedforward |w_1|
    std::optional<Quantiles> alignment_band;       // feedforward |cos(w_1, PC1)|
    std::optional<Quantiles> relative_error_band;  // recurrent |alpha W - C|_F / |C|_F
    std::optional<Quantiles> subspace_alignment_band;  // Sanger k > 1, from the step it holds (none before)
};

// {"embed":false,"view":"feedforward",...,"seed":"1"}: every key of setting_specs(),
// numbers as numbers, flags as true/false, names and the seed as strings.
std::string params_json(const PageState& state);

// {"params":{...},"link":"view=...","steps":...,"inputs":...,"alignment":...,"norm":...,"lambda1":...,
//  "diverged":...,"playing":...,"regime":"...","error":null|"...","data":null|"name.csv",
//  "runs":[{"rule":"hebb","steps":...,"norm":...,"alignment":...,"diverged_at":null|step,
//           "norm_low":...,"norm_typical":...,"norm_high":...,"alignment_low":...,...},...],
//  "primary":"hebb","inhibition":null|{"steps":...,"rate":...,"rho0":...,"predicted_rate":...,"co_tuning":...,
//                                      "rate_low":...,"rate_typical":...,"rate_high":...},
//  "norm_low":...,"norm_typical":...,"norm_high":...,"alignment_low":...,"alignment_typical":...,
//  "alignment_high":...,"relative_error_low":...,"relative_error_typical":...,"relative_error_high":...,
//  "subspace_alignment_low":...,"subspace_alignment_typical":...,"subspace_alignment_high":...}
// A band's three numbers are null where the run has no band.
std::string state_json(const PageState& state, const RunSummary& run);

}  // namespace hebbian::embed
