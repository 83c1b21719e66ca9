// The figure's one-sentence summary (see figure_summary.hpp).
#include "app/figure_summary.hpp"

#include <cmath>

#include "app/axis_scale.hpp"
#include "app/band.hpp"
#include "app/explosion.hpp"
#include "app/receptive.hpp"
#include "app/stabilizers.hpp"

namespace hebbian::app {

namespace {

std::string last_or_na(const std::vector<double>& series) { return series.empty() ? "n/a" : format_number(series.back()); }

// ", inside the 90% band of single runs (0.05-0.31)" for the last value of `series`, "" without a band.
std::string beside_band(const std::vector<double>& series, const std::optional<Quantiles>& band, bool brief = false) {
    const std::string words = series.empty() ? "" : band_words(series.back(), band, brief);
    return words.empty() ? "" : ", " + words;
}

// "plain Hebb |w| = 3.2e+05 (diverged at step 93)", or "decay |w| = 0.5, inside its 90% band (0.4-0.6)"
std::string run_norm(const char* name, const Simulation& sim) {
    std::string text = std::string(name) + " |w| = " + last_or_na(sim.history().norm);
    if (sim.divergence().diverged)
        text += " (diverged at step " + std::to_string(sim.divergence().step) + ")";
    else
        text += beside_band(sim.history().norm, last_norm_band(sim.history()), true);
    return text;
}

}  // namespace

std::string figure_summary(View view, const ViewRun& run) {
    const Simulation& sim = run.primary();
    const History& h = sim.history();
    std::string text = std::string(view_title(view)) + ", step " + std::to_string(run.steps_done());
    switch (view) {
        case View::Feedforward:
            text += ": |w| = " + last_or_na(h.norm) + beside_band(h.norm, last_norm_band(h)) + ", alignment with PC1 " +
                    last_or_na(h.alignment) + beside_band(h.alignment, last_alignment_band(h), true) + "; " + sim.regime();
            break;
        case View::Recurrent:
        case View::Amplification:
            text += ": |alpha W - C| / |C| = " + last_or_na(h.relative_error) +
                    beside_band(h.relative_error, last_relative_error_band(h)) + "; " + sim.regime();
            break;
        case View::Appendix:
            text += " of " + std::to_string(run.step_limit) + ": " + run_norm("plain Hebb", sim);
            if (run.sims.size() > 1) text += ", " + run_norm("Hebb with decay", run.sims[1]);
            if (const std::string words = explosion_words(sim, explosion_step(h)); !words.empty())
                text += "; plain Hebb " + words;
            break;
        case View::Stabilizers:
            text += " of " + std::to_string(run.step_limit) + ":";
            for (const Simulation& each : run.sims)
                text += std::string(&each == &sim ? " " : ", ") + run_norm(stabilizer_facts(each.params().learning.rule).name, each);
            if (run.balance)
                text += "; inhibitory balance: output rate " + last_or_na(run.balance->history_rate()) +
                        rate_band_words(*run.balance) + ", rho0 = " + format_number(run.balance->params().target_rate);
            break;
        case View::Receptive:
            text += ": " + receptive_source(sim) + "; " + receptive_status(sim, true) +
                    beside_band(h.subspace_alignment, last_subspace_alignment_band(h));
            if (!h.alignment.empty() && sim.params().learning.outputs > 1)
                text += ", |cos(w_1, PC1)| " + format_number(std::round(h.alignment.back() * 1000.0) / 1000.0);
            break;
    }
    text += ".";
    if (run.finished()) {
        text += " Finished.";
    } else if (!run.playing) {
        text += " Paused.";
    }
    return text;
}

}  // namespace hebbian::app
