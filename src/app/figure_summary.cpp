// The figure's one-sentence summary (see figure_summary.hpp).
#include "app/figure_summary.hpp"

#include <cmath>

#include "app/axis_scale.hpp"
#include "app/receptive.hpp"
#include "app/stabilizers.hpp"

namespace hebbian::app {

namespace {

std::string last_or_na(const std::vector<double>& series) { return series.empty() ? "n/a" : format_number(series.back()); }

// "plain Hebb |w| = 3.2e+05 (diverged at step 93)"
std::string run_norm(const char* name, const Simulation& sim) {
    std::string text = std::string(name) + " |w| = " + last_or_na(sim.history().norm);
    if (sim.divergence().diverged) text += " (diverged at step " + std::to_string(sim.divergence().step) + ")";
    return text;
}

}  // namespace

std::string figure_summary(View view, const ViewRun& run) {
    const Simulation& sim = run.primary();
    const History& h = sim.history();
    std::string text = std::string(view_title(view)) + ", step " + std::to_string(run.steps_done());
    switch (view) {
        case View::Feedforward:
            text += ": |w| = " + last_or_na(h.norm) + ", alignment with PC1 " + last_or_na(h.alignment) + "; " + sim.regime();
            break;
        case View::Recurrent:
        case View::Amplification:
            text += ": |alpha W - C| / |C| = " + last_or_na(h.relative_error) + "; " + sim.regime();
            break;
        case View::Appendix:
            text += " of " + std::to_string(run.step_limit) + ": " + run_norm("plain Hebb", sim);
            if (run.sims.size() > 1) text += ", " + run_norm("Hebb with decay", run.sims[1]);
            break;
        case View::Stabilizers:
            text += " of " + std::to_string(run.step_limit) + ":";
            for (const Simulation& each : run.sims)
                text += std::string(&each == &sim ? " " : ", ") + run_norm(stabilizer_facts(each.params().learning.rule).name, each);
            if (run.balance)
                text += "; inhibitory balance: output rate " + last_or_na(run.balance->history_rate()) + ", rho0 = " +
                        format_number(run.balance->params().target_rate);
            break;
        case View::Receptive:
            text += ": " + receptive_source(sim) + "; " + receptive_status(sim, true);
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
