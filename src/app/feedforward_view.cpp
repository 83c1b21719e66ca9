// The feedforward view (see feedforward_view.hpp).
#include "app/feedforward_view.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "app/band_plot.hpp"
#include "app/theme.hpp"
#include "app/plot.hpp"
#include "imgui.h"

namespace hebbian::app {

namespace {

// Coordinates of the scatter: the input plane itself for N = 2, else the PC1-PC2 plane.
Eigen::MatrixXd plane_basis(const Simulation& sim) {
    if (sim.inputs() == 2) return Eigen::MatrixXd::Identity(2, 2);
    return sim.components().vectors.leftCols(2);
}

// `compact`: short title and legend, for a small embed.
void draw_scatter(ImVec2 size, const Simulation& sim, bool compact = false) {
    const Eigen::MatrixXd basis = plane_basis(sim);
    const Eigen::MatrixXd points = basis.transpose() * sim.recent_samples();  // 2 x T
    const PrincipalComponents& pcs = sim.components();
    double radius = 3.0 * std::sqrt(std::max(pcs.values(0), 1e-12));
    for (Eigen::Index t = 0; t < points.cols(); ++t)
        if (points.col(t).allFinite()) radius = std::max(radius, 1.05 * points.col(t).cwiseAbs().maxCoeff());
    const bool plane = sim.inputs() == 2;
    const Range axis{-radius, radius, false};
    const char* title = compact ? "inputs x"
                        : plane ? "Recent inputs x and the weight vector w"
                                : "Recent inputs and w, projected on the PC1-PC2 plane";
    const std::vector<LegendEntry> legend =
        compact ? std::vector<LegendEntry>{{"w", colours().orange}, {"PC1", colours().green}}
                : std::vector<LegendEntry>{{"samples", colours().samples}, {"w", colours().orange},
                                           {"PC1", colours().green}, {"PC2", colours().purple}};
    Plot plot(title, size, axis, axis, plane ? "x_1 (vertical: x_2)" : "PC1 coordinate (vertical: PC2)", legend);

    // True principal axes behind everything, two standard deviations each way.
    const int shown_pcs = std::min<int>(2, static_cast<int>(pcs.values.size()));
    for (int k = shown_pcs - 1; k >= 0; --k) {
        const Eigen::Vector2d v = basis.transpose() * pcs.vectors.col(k);
        const double reach = 2.0 * std::sqrt(std::max(pcs.values(k), 0.0));
        const ImU32 colour = k == 0 ? colours().green : colours().purple;
        plot.segment(-reach * v.x(), -reach * v.y(), reach * v.x(), reach * v.y(), colour, Stroke::Solid, 2.0f);
        plot.label(reach * v.x(), reach * v.y(), colour, k == 0 ? "PC1" : "PC2");
    }
    for (Eigen::Index t = 0; t < points.cols(); ++t) plot.point(points(0, t), points(1, t), colours().samples);

    // Each weight row as an arrow of fixed length 0.85 radius times the part of w in the plane.
    const WeightMatrix& w = sim.feedforward()->weights();
    for (Eigen::Index r = 0; r < w.rows(); ++r) {
        const double norm = w.row(r).norm();
        if (!(norm > 0.0) || !std::isfinite(norm)) continue;
        const Eigen::Vector2d tip = 0.85 * radius * (basis.transpose() * w.row(r).transpose()) / norm;
        // Row 0 orange; further rows yellow, vermillion, ... (green and purple mark the PCs).
        const ImU32 colour = r == 0 ? colours().orange : series_colour(static_cast<int>(r) + 3);
        plot.arrow(0.0, 0.0, tip.x(), tip.y(), colour);
        plot.label(tip.x(), tip.y(), colour,
                   compact ? "w_" + std::to_string(r + 1) : "w_" + std::to_string(r + 1) + "  |w| = " + format_number(norm));
    }
}

// w_r (unit length) beside its reference PC with the sign that matches it.
void draw_weight_bars(ImVec2 size, const Simulation& sim) {
    const WeightMatrix& w = sim.feedforward()->weights();
    const bool sanger = sim.params().learning.rule == Rule::Sanger;
    const int rows = static_cast<int>(std::min<Eigen::Index>(w.rows(), sanger ? 4 : 1));
    const ImVec2 each(size.x, size.y / rows - ImGui::GetStyle().ItemSpacing.y);
    for (int r = 0; r < rows; ++r) {
        const Eigen::VectorXd wr = w.row(r).transpose();
        const double norm = wr.norm();
        Eigen::VectorXd pc = sim.components().vectors.col(sanger ? r : 0);
        if (pc.dot(wr) < 0.0) pc = -pc;
        const std::string title = "w_" + std::to_string(r + 1) + " / |w_" + std::to_string(r + 1) + "| beside PC" +
                                  std::to_string(sanger ? r + 1 : 1);
        bar_chart(title.c_str(), each, norm > 0.0 ? Eigen::VectorXd(wr / norm) : wr, pc, colours().orange,
                  colours().green, {{"w (unit length)", colours().orange}, {"PC (sign matched)", colours().green}},
                  "input index i");
    }
}

void draw_alignment_plot(ImVec2 size, const Simulation& sim, bool compact = false) {
    const History& h = sim.history();
    const std::vector<double> x = as_x(h.step);
    const std::vector<double>& predicted = h.predicted_alignment;  // hebb and decay only
    const bool closed_form = !predicted.empty(), band = !h.alignment_low.empty();
    Range steps = empty_range();
    include(steps, x);
    std::vector<LegendEntry> legend = run_legend(colours().blue, band, closed_form, compact);
    if (!h.subspace_alignment.empty()) legend.push_back({"top-k subspace", colours().purple});
    // Sanger with k > 1: the subspace alignment's band of single runs, from the step it holds.
    const bool subspace_band = !h.subspace_alignment_low.empty();
    if (subspace_band)
        for (const LegendEntry& entry : band_legend(colours().purple, compact)) legend.push_back(entry);
    Plot plot(closed_form || band ? "|cos(w_1, PC1)|" : "|cos(w_1, PC1)| (no closed form)", size, finish(steps, 0.0),
              Range{0.0, 1.05, false}, "step", legend);
    draw_single_runs(plot, x, h.alignment_low, h.alignment_typical, h.alignment_high, colours().blue);
    draw_single_runs(plot, x, h.subspace_alignment_low, h.subspace_alignment_typical, h.subspace_alignment_high,
                     colours().purple);
    if (closed_form) plot.line(x, predicted, colours().foreground, Stroke::Dashed);
    plot.line(x, h.alignment, colours().blue, Stroke::Solid, 2.0f);
    if (!h.subspace_alignment.empty()) plot.line(x, h.subspace_alignment, colours().purple);
}

// |w_1| over time, on a log scale once it spans more than three decades.
void draw_norm_plot(ImVec2 size, const Simulation& sim, bool compact = false) {
    const History& h = sim.history();
    const std::vector<double> x = as_x(h.step);
    const bool log = wants_log_scale(h.norm) || wants_log_scale(h.predicted_norm) || wants_log_scale(h.norm_high);
    Range y = empty_range(log), steps = empty_range();
    for (const std::vector<double>* series : {&h.norm, &h.predicted_norm, &h.norm_low, &h.norm_high}) include(y, *series);
    include(steps, x);
    const std::vector<LegendEntry> legend =
        run_legend(colours().orange, !h.norm_low.empty(), !h.predicted_norm.empty(), compact);
    const char* title = compact ? (log ? "|w_1| (log)" : "|w_1|")
                                : (log ? "|w_1| over time (log scale: it explodes)" : "|w_1| over time");
    Plot plot(title, size, finish(steps, 0.0), finish(y), "step", legend);
    draw_single_runs(plot, x, h.norm_low, h.norm_typical, h.norm_high, colours().orange);
    if (!h.predicted_norm.empty()) plot.line(x, h.predicted_norm, colours().foreground, Stroke::Dashed);
    plot.line(x, h.norm, colours().orange, Stroke::Solid, 2.0f);
    if (sim.divergence().diverged)
        plot.marker(double(sim.divergence().step), colours().warning,
                    "diverged at step " + std::to_string(sim.divergence().step));
}

}  // namespace

Changes draw_feedforward_view(const Simulation& sim, UiState& ui) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    if (ui.compact) {
        const float line = ImGui::GetTextLineHeightWithSpacing();
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        if (avail.y > 1.3f * avail.x) {
            // A phone held upright: the scatter, then |w_1| and the alignment, stacked.
            const float side = std::min(avail.x, 0.42f * avail.y);
            draw_scatter(ImVec2(side, side), sim, true);
            const float rest = ImGui::GetContentRegionAvail().y;
            draw_norm_plot(ImVec2(avail.x, 0.5f * rest), sim, true);
            draw_alignment_plot(ImVec2(avail.x, ImGui::GetContentRegionAvail().y), sim, true);
            return {};
        }
        // A small iframe: the scatter beside |w_1|; the alignment as a number under them.
        const float side = std::min(avail.y - line, 0.5f * (avail.x - gap));
        draw_scatter(ImVec2(side, side), sim, true);
        ImGui::SameLine();
        draw_norm_plot(ImVec2(avail.x - side - gap, avail.y - line), sim, true);
        const std::vector<double>& alignment = sim.history().alignment;
        ImGui::Text("|cos(w_1, PC1)| = %s", alignment.empty() ? "n/a" : format_number(alignment.back()).c_str());
        return {};
    }
    if (!ui.embed)
        ImGui::TextWrapped("y = w . x: Hebbian rules turn w towards PC1, the direction of largest input variance. "
                           "Hover a control for its equation.");
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float top = std::max(avail.y * 0.56f, 100.0f);
    const float side = std::min(top, sim.inputs() > 2 ? 0.5f * avail.x : avail.x);
    draw_scatter(ImVec2(side, top), sim);
    if (sim.inputs() > 2) {
        ImGui::SameLine();
        ImGui::BeginGroup();
        draw_weight_bars(ImVec2(avail.x - side - gap, top), sim);
        ImGui::EndGroup();
    }
    const ImVec2 plot_size(0.5f * (avail.x - gap), ImGui::GetContentRegionAvail().y);
    draw_norm_plot(plot_size, sim);
    ImGui::SameLine();
    draw_alignment_plot(plot_size, sim);
    return {};
}

}  // namespace hebbian::app
