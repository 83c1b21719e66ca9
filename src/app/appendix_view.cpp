// The appendix view (see appendix_view.hpp).
#include "app/appendix_view.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "app/band_plot.hpp"
#include "app/explosion.hpp"
#include "app/feedforward_view.hpp"
#include "app/theme.hpp"
#include "app/plot.hpp"
#include "imgui.h"

namespace hebbian::app {

namespace {

const char* kRunTitles[] = {"plain Hebb: dw = eta y x", "Hebb with decay: dw = eta (y x - alpha w)"};
// Plain Hebb in vermillion, Hebb with decay in blue.
ImU32 run_colour(size_t run) { return run == 0 ? colours().vermillion : colours().blue; }

std::string explosion_label(const Simulation& sim) {
    if (sim.divergence().diverged)
        return "diverged at step " + std::to_string(sim.divergence().step) + ": " + sim.divergence().reason;
    if (auto step = explosion_step(sim.history()))
        return "explodes: |w| > 1000 |w_0| at step " + std::to_string(*step);
    return "";
}

void draw_output_plot(ImVec2 size, const Simulation& sim, ImU32 colour) {
    const History& h = sim.history();
    const std::vector<double> x = as_x(h.step);
    Range y = empty_range();
    include(y, h.output);
    Plot plot("output y(t) = w . x", size, Range{0.0, double(kAppendixSteps), false}, finish(y), "step");
    plot.line(x, h.output, colour, Stroke::Solid, 1.5f);
    if (auto step = explosion_step(h)) plot.marker(double(*step), colours().warning, "explodes");
}

// The path of w_1 in the input plane (N = 2) or its projection on the PC1-PC2 plane.
void draw_weight_path(ImVec2 size, const Simulation& sim, const std::vector<Eigen::VectorXd>& path, ImU32 colour) {
    const Eigen::MatrixXd basis =
        sim.inputs() == 2 ? Eigen::MatrixXd::Identity(2, 2) : Eigen::MatrixXd(sim.components().vectors.leftCols(2));
    std::vector<double> xs, ys;
    Range range = empty_range();
    include(range, 0.0);
    for (const Eigen::VectorXd& w : path) {
        const Eigen::Vector2d p = basis.transpose() * w;
        xs.push_back(p.x());
        ys.push_back(p.y());
        include(range, p.x());
        include(range, p.y());
    }
    const Range axis = finish(range, 0.08);
    Plot plot(sim.inputs() == 2 ? "weight trajectory (w_1, w_2)" : "weight trajectory on the PC1-PC2 plane", size,
              axis, axis, sim.inputs() == 2 ? "w_1 (vertical: w_2)" : "PC1 (vertical: PC2)",
              {{"w path", colour}, {"start", colours().foreground}, {"PC1 axis", colours().green, Stroke::Dashed}});
    const Eigen::Vector2d pc1 = basis.transpose() * sim.components().vectors.col(0);
    const double reach = std::max(std::abs(axis.lo), std::abs(axis.hi)) * 2.0;
    plot.segment(-reach * pc1.x(), -reach * pc1.y(), reach * pc1.x(), reach * pc1.y(), colours().green,
                 Stroke::Dashed, 1.5f);
    plot.line(xs, ys, colour, Stroke::Solid, 2.0f);
    if (!xs.empty()) {
        plot.point(xs.front(), ys.front(), colours().foreground, 4.0f);
        plot.point(xs.back(), ys.back(), colour, 5.0f);
    }
}

// Where plain Hebb explodes, forecast: "explodes near step 90 (90% of runs: 70-120)"; compact:
// "90%: 70-120" (the shaded window says the rest).
std::string window_label(const Quantiles& window, bool compact) {
    const std::string range = format_number(std::round(window.low)) + "-" + format_number(std::round(window.high));
    if (compact) return "90%: " + range;
    return "explodes near step " + format_number(std::round(window.typical)) + " (90% of runs: " + range + ")";
}

// The run's own explosion or divergence at `step`, beside the forecast window when there is
// one: "this run: step 95, inside the window".
std::string own_label(const Simulation& hebb, long long step, const std::optional<Quantiles>& window, bool compact) {
    if (!window) return compact ? "explodes" : explosion_label(hebb);
    if (compact) return "run " + std::to_string(step);
    return "this run: step " + std::to_string(step) +
           (window->contains(double(step)) ? ", inside the window" : ", outside the window");
}

// `compact`: short title and legend, for a small embed.
void draw_both_norms(ImVec2 size, const ViewRun& run, bool compact = false) {
    const bool log = true;
    Range y = empty_range(log);
    for (const Simulation& sim : run.sims)
        for (const std::vector<double>* series :
             {&sim.history().norm, &sim.history().predicted_norm, &sim.history().norm_low, &sim.history().norm_high})
            include(y, *series);
    std::vector<LegendEntry> legend{{compact ? "Hebb" : "plain Hebb", run_colour(0)},
                                    {compact ? "decay" : "Hebb with decay", run_colour(1)}};
    for (const LegendEntry& entry : theory_legend(compact)) legend.push_back(entry);
    Plot plot(compact ? "|w| (log scale)" : "|w| of both runs (log scale), each beside its single-run band", size,
              Range{0.0, double(kAppendixSteps), false}, finish(y), "step", legend);
    const Simulation& hebb = run.sims.front();
    const std::optional<Quantiles>& window = hebb.forecast().explosion_step();
    if (window) plot.span(window->low, window->high, colours().warning);
    for (size_t s = 0; s < run.sims.size(); ++s) {
        const History& h = run.sims[s].history();
        const std::vector<double> x = as_x(h.step);
        draw_single_runs(plot, x, h.norm_low, h.norm_typical, h.norm_high, run_colour(s));
        plot.line(x, h.predicted_norm, colours().foreground, Stroke::Dashed, 1.0f);
        plot.line(x, h.norm, run_colour(s), Stroke::Solid, 2.0f);
    }
    if (window) plot.marker(window->typical, colours().warning, window_label(*window, compact));
    const int row = window ? 1 : 0;  // the run's own label under the forecast's
    if (hebb.divergence().diverged)
        plot.marker(double(hebb.divergence().step), colours().warning,
                    own_label(hebb, hebb.divergence().step, window, compact), row);
    else if (auto step = explosion_step(hebb.history()))
        plot.marker(double(*step), colours().warning, own_label(hebb, *step, window, compact), row);
}

// One coloured line per run: its |w| and whether it exploded or stays bounded.
void draw_run_status(const Simulation& sim, size_t s) {
    const std::string exploded = explosion_label(sim);
    const std::string status = "|w| = " + format_number(sim.history().norm.back()) +
                               (exploded.empty() ? (s == 0 ? ", growing" : ", bounded") : "; " + exploded);
    ImGui::PushTextWrapPos(0.0f);  // a phone's narrow column wraps the line instead of cutting it
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(run_colour(s)), "%s %s", s == 0 ? "Hebb:" : "decay:",
                       status.c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace

Changes draw_appendix_view(const ViewRun& run, UiState& ui) {
    if (ui.compact) {
        // A small iframe: both runs' status in words and |w| of both on one log plot.
        for (size_t s = 0; s < run.sims.size() && s < 2; ++s) draw_run_status(run.sims[s], s);
        draw_both_norms(ImGui::GetContentRegionAvail(), run, true);
        return {};
    }
    if (!ui.embed)
        ImGui::TextWrapped("Both runs see the same inputs (same seed) for %lld iterations. The mean of many plain "
                           "Hebb runs grows like (1 + eta lambda_1)^t (dashed); one run grows more slowly, inside its "
                           "shaded band; the decay term -alpha w keeps the second run bounded.",
                           kAppendixSteps);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float column = 0.5f * (avail.x - gap);
    const float row = 0.34f * avail.y;
    for (size_t s = 0; s < run.sims.size() && s < 2; ++s) {
        if (s > 0) ImGui::SameLine();
        ImGui::PushID(static_cast<int>(s));  // both columns have plots with the same titles
        ImGui::BeginGroup();
        const Simulation& sim = run.sims[s];
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(run_colour(s)), "%s", kRunTitles[s]);
        const std::string exploded = explosion_label(sim);
        const std::string status = "|w| = " + format_number(sim.history().norm.back()) +
                                   (exploded.empty() ? (s == 0 ? ", growing" : ", bounded") : "; " + exploded);
        ImGui::TextUnformatted(status.c_str());
        draw_output_plot(ImVec2(column, row), sim, run_colour(s));
        draw_weight_path(ImVec2(column, row), sim, run.weight_paths.at(s), run_colour(s));
        ImGui::EndGroup();
        ImGui::PopID();
    }
    draw_both_norms(ImVec2(avail.x, ImGui::GetContentRegionAvail().y), run);
    return {};
}

}  // namespace hebbian::app
