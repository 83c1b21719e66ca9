// The recurrent view (see recurrent_view.hpp).
#include "app/recurrent_view.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/band_plot.hpp"
#include "app/colour_map.hpp"
#include "core/parameters.hpp"
#include "app/feedforward_view.hpp"
#include "app/matrix_layout.hpp"
#include "app/theme.hpp"
#include "app/plot.hpp"
#include "imgui.h"

namespace hebbian::app {

namespace {

struct Hover {
    const char* name = nullptr;
    Cell cell;
    double value = 0.0;
};

// One heatmap with its title; fills `hover` when the mouse is over one of its cells.
// A thin frame in the axis colour keeps the near-white zero of the map apart from a white page.
void draw_heatmap(const char* title, int slot, const Eigen::MatrixXd& m, double scale, HeatmapRenderer::Version version,
                  float side, HeatmapRenderer& heatmaps, Hover& hover) {
    ImGui::BeginGroup();
    ImGui::TextUnformatted(title);
    const ImTextureID texture = heatmaps.draw(slot, m, scale, version);
    const ImVec2 corner = ImGui::GetCursorScreenPos();
    if (texture)
        ImGui::Image(texture, ImVec2(side, side));
    else
        ImGui::Dummy(ImVec2(side, side));
    ImGui::GetWindowDrawList()->AddRect(ImVec2(corner.x - 1, corner.y - 1), ImVec2(corner.x + side + 1, corner.y + side + 1),
                                        colours().axis);
    if (ImGui::IsItemHovered()) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        if (auto cell = cell_under(mouse.x - corner.x, mouse.y - corner.y, side, side, int(m.rows()), int(m.cols()))) {
            hover = Hover{title, *cell, m(cell->row, cell->col)};
            ImDrawList* draw = ImGui::GetWindowDrawList();
            const float cw = side / float(m.cols()), ch = side / float(m.rows());
            const ImVec2 a(corner.x + cell->col * cw, corner.y + cell->row * ch);
            draw->AddRect(a, ImVec2(a.x + cw, a.y + ch), IM_COL32(0, 0, 0, 255), 0.0f, 0, 2.0f);
        }
    }
    ImGui::EndGroup();
}

// Vertical colour bar for [-scale, scale] with five labelled ticks.
void draw_colour_bar(float height, double scale) {
    const float width = ImGui::GetFontSize() * 1.2f;
    const float font = ImGui::GetFontSize();
    ImGui::BeginGroup();
    ImGui::TextUnformatted("value");
    const ImVec2 corner = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width + ImGui::CalcTextSize("-8.88e+88").x, height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    constexpr int kBands = 64;
    for (int b = 0; b < kBands; ++b) {
        // Top of the bar is +scale, bottom is -scale.
        const Rgb top = diverging_colour(1.0 - double(b) / kBands), bottom = diverging_colour(1.0 - double(b + 1) / kBands);
        const ImU32 ct = ImGui::ColorConvertFloat4ToU32(ImVec4(top.r, top.g, top.b, 1));
        const ImU32 cb = ImGui::ColorConvertFloat4ToU32(ImVec4(bottom.r, bottom.g, bottom.b, 1));
        const float y0 = corner.y + height * b / kBands, y1 = corner.y + height * (b + 1) / kBands;
        draw->AddRectFilledMultiColor(ImVec2(corner.x, y0), ImVec2(corner.x + width, y1), ct, ct, cb, cb);
    }
    draw->AddRect(corner, ImVec2(corner.x + width, corner.y + height), colours().axis);
    for (int k = 0; k <= 4; ++k) {
        const double value = scale * (1.0 - 0.5 * k);
        const float y = corner.y + height * k / 4.0f;
        draw->AddLine(ImVec2(corner.x + width, y), ImVec2(corner.x + width + 4, y), colours().axis);
        draw->AddText(ImVec2(corner.x + width + 6, y - 0.5f * font), colours().foreground, format_number(value).c_str());
    }
    ImGui::EndGroup();
}

// `compact`: short title and legend, for a small embed.
void draw_error_plot(ImVec2 size, const Simulation& sim, bool compact) {
    const History& h = sim.history();
    const std::vector<double> x = as_x(h.step);
    // The prediction falls without bound, the simulation stops at its sampling-noise floor:
    // show the prediction only down to a tenth of the lowest simulated error.
    Range y = empty_range(true), steps = empty_range();
    for (const std::vector<double>* series : {&h.relative_error, &h.relative_error_low, &h.relative_error_high})
        include(y, *series);
    const double floor = y.lo <= y.hi ? 0.1 * y.lo : 0.0;
    for (double e : h.predicted_relative_error)
        if (e >= floor) include(y, e);
    include(steps, x);
    std::vector<LegendEntry> legend = run_legend(colours().blue, !h.relative_error_low.empty(), false, compact);
    legend.push_back({compact ? "mean" : "mean of many runs: (1 - eta alpha)^t, then the noise floor",
                      colours().foreground, Stroke::Dashed});
    Plot plot(compact ? "|alpha W - C| / |C| (log)" : "Relative error |alpha W - C|_F / |C|_F (log scale)", size,
              finish(steps, 0.0), finish(y), "step", legend);
    draw_single_runs(plot, x, h.relative_error_low, h.relative_error_typical, h.relative_error_high, colours().blue);
    plot.line(x, h.predicted_relative_error, colours().foreground, Stroke::Dashed);
    plot.line(x, h.relative_error, colours().blue, Stroke::Solid, 2.0f);
}

}  // namespace

Changes draw_recurrent_view(const ViewRun& run, UiState& ui, HeatmapRenderer& heatmaps) {
    const Simulation& sim = run.primary();
    if (!ui.embed)
        ImGui::TextWrapped("Every neuron connects to every other: dW = eta (x x^T - alpha W) learns W -> C / alpha, "
                       "the input covariance. Row i of each image is row i of the matrix.");
    if (!heatmaps.error().empty()) ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "%s", heatmaps.error().c_str());
    const Eigen::MatrixXd& w = sim.recurrent()->weights();
    const double alpha = effective_alpha(sim.params().learning);
    const bool has_target = alpha > 0.0;
    const Eigen::MatrixXd target = has_target ? Eigen::MatrixXd(sim.covariance() / alpha) : sim.covariance();
    const double scale = symmetric_scale(w, target);

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float font = ImGui::GetFontSize();
    const float bar = font * 1.2f + ImGui::CalcTextSize("-8.88e+88").x + 2 * ImGui::GetStyle().ItemSpacing.x;
    const float side =
        std::max(40.0f, std::min(0.5f * (avail.x - bar) - 2 * ImGui::GetStyle().ItemSpacing.x, avail.y * 0.55f));
    Hover hover;
    draw_heatmap("learned W", slot::kLearned, w, scale, {run.generation, sim.steps_done()}, side, heatmaps, hover);
    ImGui::SameLine();
    draw_heatmap(has_target ? "target C / alpha" : "C (alpha = 0: no steady state, W grows)", slot::kTarget, target, scale,
                 {run.generation, -1}, side, heatmaps, hover);
    ImGui::SameLine();
    draw_colour_bar(side, scale);

    const bool compact = ui.compact;
    if (hover.name)
        ImGui::Text("%s [row %d, column %d] = %s", hover.name, hover.cell.row + 1, hover.cell.col + 1,
                    format_number(hover.value).c_str());
    else if (!compact)
        ImGui::TextDisabled("Hover a cell to read its value. Shared colour scale: +-%s.", format_number(scale).c_str());

    const ImVec2 plot_size(avail.x, ImGui::GetContentRegionAvail().y);
    if (has_target)
        draw_error_plot(plot_size, sim, compact);
    else
        ImGui::TextWrapped("With plain Hebb (alpha = 0) W has no steady state: |W|_F = %s and growing.",
                           format_number(w.norm()).c_str());
    return {};
}

}  // namespace hebbian::app
