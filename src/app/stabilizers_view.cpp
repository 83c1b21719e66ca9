// The stabilizers view (see stabilizers_view.hpp).
#include "app/stabilizers_view.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "app/band_plot.hpp"
#include "app/controls_panel.hpp"
#include "app/explosion.hpp"
#include "app/plot.hpp"
#include "app/stabilizers.hpp"
#include "app/theme.hpp"
#include "embed/export_text.hpp"
#include "imgui.h"

namespace hebbian::app {

namespace {

// A log |w| axis reaches at most this factor above the largest |w| of the bounded runs, so
// that plain Hebb's run to 1e150 leaves the others readable: it leaves the plot at the top.
constexpr double kNormHeadroom = 100.0;

// Plain Hebb in vermillion and decay in blue, as in the appendix; Oja in yellow (the light
// theme's orange is too close to its vermillion). The inhibitory panel, another model, is
// drawn in the text colour.
ImU32 rule_colour(Rule rule) {
    switch (rule) {
        case Rule::Hebb: return colours().vermillion;
        case Rule::Decay: return colours().blue;
        case Rule::Oja:
        case Rule::Sanger: return colours().yellow;
        case Rule::Bcm: return colours().purple;
        case Rule::Heterosynaptic: return colours().green;
    }
    return colours().foreground;
}

Rule rule_of(const Simulation& sim) { return sim.params().learning.rule; }

std::vector<LegendEntry> rule_legend(const ViewRun& run) {
    std::vector<LegendEntry> legend;
    for (const Simulation& sim : run.sims) legend.push_back({stabilizer_facts(rule_of(sim)).short_name, rule_colour(rule_of(sim))});
    return legend;
}

// Steps from 0 to the furthest run: the axis grows with the runs.
Range step_axis(const ViewRun& run) { return Range{0.0, std::max(double(run.steps_done()), 100.0), false}; }

// The positive |w| of the runs (without plain Hebb's: `without_hebb`) and of their predictions.
Range norm_range(const ViewRun& run, bool without_hebb) {
    Range range = empty_range(true);
    for (const Simulation& sim : run.sims) {
        if (without_hebb && rule_of(sim) == Rule::Hebb) continue;
        for (const std::vector<double>* series : {&sim.history().norm, &sim.history().predicted_norm,
                                                  &sim.history().norm_low, &sim.history().norm_high})
            include(range, *series);
        if (auto fixed = sim.fixed_norm()) include(range, *fixed);
    }
    return range;
}

// |w| of every run on a log scale, each rule's band of single runs shaded and its typical run
// thin, its mean-field prediction dashed, all in its colour, and where plain Hebb (the first
// run) explodes or diverges.
// `compact`: short title; `legend`: the rules' colours (else named above the plots).
void draw_norms(ImVec2 size, const ViewRun& run, bool compact, bool legend) {
    Range y = norm_range(run, false);
    const Range others = norm_range(run, true);
    if (others.lo <= others.hi) y.hi = std::min(y.hi, others.hi * kNormHeadroom);
    Plot plot(compact ? "|w| (log)" : "|w| (log scale); shaded: 90% of runs, dashed: mean", size, step_axis(run), finish(y),
              compact ? "" : "step", legend ? rule_legend(run) : std::vector<LegendEntry>{});
    for (const Simulation& sim : run.sims) {
        const History& h = sim.history();
        const std::vector<double> x = as_x(h.step);
        const ImU32 colour = rule_colour(rule_of(sim));
        draw_single_runs(plot, x, h.norm_low, h.norm_typical, h.norm_high, colour);
        plot.line(x, h.predicted_norm, colour, Stroke::Dashed, 1.0f);
        if (auto fixed = sim.fixed_norm()) plot.segment(0.0, *fixed, step_axis(run).hi, *fixed, colour, Stroke::Dashed, 1.0f);
        plot.line(x, h.norm, colour, Stroke::Solid, 2.0f);
    }
    const Simulation& hebb = run.primary();
    if (hebb.divergence().diverged)
        plot.marker(double(hebb.divergence().step), colours().warning,
                    compact ? "diverged" : "Hebb diverged at step " + std::to_string(hebb.divergence().step));
    else if (auto step = explosion_step(hebb.history()))
        plot.marker(double(*step), colours().warning, compact ? "explodes" : "Hebb explodes");
}

// |cos(w, PC1)| of every run beside its band of single runs and typical run, the mean-field
// prediction dashed for Hebb and decay.
void draw_alignments(ImVec2 size, const ViewRun& run, bool legend) {
    Plot plot("|cos(w, PC1)|; shaded: 90% of runs, dashed: mean", size, step_axis(run), Range{0.0, 1.05, false}, "step",
              legend ? rule_legend(run) : std::vector<LegendEntry>{});
    for (const Simulation& sim : run.sims) {
        const History& h = sim.history();
        const std::vector<double> x = as_x(h.step);
        draw_single_runs(plot, x, h.alignment_low, h.alignment_typical, h.alignment_high, rule_colour(rule_of(sim)));
        plot.line(x, h.predicted_alignment, rule_colour(rule_of(sim)), Stroke::Dashed, 1.0f);
        plot.line(x, h.alignment, rule_colour(rule_of(sim)), Stroke::Solid, 2.0f);
    }
}

// Each run's w / |w| (its sign matched to PC1) as a line over the input index, PC1 dashed
// (the only legend entry: the rules' colours are named above the plots).
void draw_weights(ImVec2 size, const ViewRun& run) {
    const Eigen::VectorXd pc1 = run.primary().components().vectors.col(0);
    const int n = static_cast<int>(pc1.size());
    Plot plot("w / |w| beside PC1 (signs matched)", size, Range{-0.3, n - 0.7, false}, Range{-1.05, 1.05, false},
              "input index i", {{"PC1", colours().foreground, Stroke::Dashed}});
    std::vector<double> index(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) index[static_cast<size_t>(i)] = i;
    plot.segment(-0.3, 0.0, n - 0.7, 0.0, colours().axis);
    for (const Simulation& sim : run.sims) {
        Eigen::VectorXd w = sim.feedforward()->weights().row(0).transpose();
        if (!(w.norm() > 0.0) || !std::isfinite(w.norm())) continue;
        w *= (w.dot(pc1) < 0.0 ? -1.0 : 1.0) / w.norm();
        const std::vector<double> values(w.data(), w.data() + w.size());
        plot.line(index, values, rule_colour(rule_of(sim)), Stroke::Solid, 1.5f);
        for (int i = 0; i < n; ++i) plot.point(i, values[static_cast<size_t>(i)], rule_colour(rule_of(sim)), 2.5f);
    }
    plot.line(index, std::vector<double>(pc1.data(), pc1.data() + n), colours().foreground, Stroke::Dashed, 2.0f);
}

// The fixed excitatory and the learned inhibitory weight of each channel.
void draw_balance_weights(ImVec2 size, const InhibitoryBalance& balance) {
    bar_chart("inhibition: weights", size, balance.excitatory(), balance.inhibitory(), colours().vermillion,
              colours().blue, {{"exc", colours().vermillion}, {"inh", colours().blue}}, "channel j");
}

// The output rate of each recorded interval (thick) beside the band 90% of single runs' rate
// stays in over it (shaded) and their typical rate (thin), against rho0 (dashed).
void draw_balance_rate(ImVec2 size, const ViewRun& run, const InhibitoryBalance& balance, bool compact) {
    const double target = balance.params().target_rate;
    const std::vector<Quantiles>& bands = balance.history_band();
    const std::vector<double> low = embed::quantile_series(bands, &Quantiles::low),
                              typical = embed::quantile_series(bands, &Quantiles::typical),
                              high = embed::quantile_series(bands, &Quantiles::high);
    Range y = empty_range();
    for (const std::vector<double>* series : {&balance.history_rate(), &low, &high}) include(y, *series);
    include(y, 0.0);
    include(y, target);
    std::vector<LegendEntry> legend = run_legend(colours().foreground, !bands.empty(), false, compact);
    legend.push_back({"rho0", colours().axis, Stroke::Dashed});
    Plot plot(compact ? "inhibition: rate" : "output rate", size, step_axis(run), finish(y), compact ? "" : "step",
              legend);
    const std::vector<double> x = as_x(balance.history_step());
    draw_single_runs(plot, x, low, typical, high, colours().foreground);
    plot.segment(0.0, target, step_axis(run).hi, target, colours().axis, Stroke::Dashed, 1.5f);
    plot.line(x, balance.history_rate(), colours().foreground, Stroke::Solid, 2.0f);
}

// The rules' short names in their colours, on one row: the key of the plots below.
void draw_rule_key(const ViewRun& run) {
    for (const Simulation& sim : run.sims) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(rule_colour(rule_of(sim))), "%s",
                           stabilizer_facts(rule_of(sim)).short_name);
        explain(stabilizer_facts(rule_of(sim)).equation);
        ImGui::SameLine();
    }
    ImGui::TextDisabled("(thick: the runs; shaded: 90%% of runs; thin: typical run; dashed: mean of many runs)");
}

// One coloured line per run, wrapped on a narrow screen.
void draw_statuses(const ViewRun& run) {
    ImGui::PushTextWrapPos(0.0f);
    for (const Simulation& sim : run.sims)
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(rule_colour(rule_of(sim))), "%s", stabilizer_status(sim).c_str());
    ImGui::TextUnformatted(balance_status(*run.balance).c_str());
    ImGui::PopTextWrapPos();
}

// The runs' brief lines in two columns, for a small iframe: also the legend of the plot below.
void draw_status_columns(const ViewRun& run) {
    if (!ImGui::BeginTable("status", 2, ImGuiTableFlags_NoPadOuterX)) return;
    for (const Simulation& sim : run.sims) {
        ImGui::TableNextColumn();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(rule_colour(rule_of(sim))), "%s",
                           stabilizer_status(sim, true).c_str());
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(balance_status(*run.balance, true).c_str());
    ImGui::EndTable();
}

void table_row(const StabilizerFacts& facts, const StabilizerRow& row, ImU32 colour) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour), "%s", facts.name);
    explain((std::string(facts.name) + ":  " + facts.equation).c_str());
    for (const std::string* cell : {&row.now, &row.bounded, &row.norm, &row.direction}) {
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", cell->c_str());
    }
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", facts.needs);
}

// What each rule does and needs: the theory's answers beside the run's numbers.
void draw_table(const ViewRun& run) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("rules", 6, flags)) return;
    const char* headers[] = {"rule", "now", "bounded", "the norm goes to", "reaches PC1", "what it needs to know"};
    const float weights[] = {1.3f, 1.5f, 1.3f, 2.0f, 1.5f, 2.0f};
    for (int c = 0; c < 6; ++c) ImGui::TableSetupColumn(headers[c], ImGuiTableColumnFlags_None, weights[c]);
    ImGui::TableHeadersRow();
    for (const Simulation& sim : run.sims)
        table_row(stabilizer_facts(rule_of(sim)), stabilizer_row(sim), rule_colour(rule_of(sim)));
    table_row(balance_facts(), balance_row(*run.balance), colours().foreground);
    ImGui::EndTable();
}

}  // namespace

Changes draw_stabilizers_view(const ViewRun& run, UiState& ui) {
    const InhibitoryBalance& balance = *run.balance;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    if (ui.compact) {
        if (avail.y > 1.3f * avail.x) {
            // A phone held upright: the runs' lines, then every plot stacked.
            draw_statuses(run);
            const float each = (ImGui::GetContentRegionAvail().y - 4 * ImGui::GetStyle().ItemSpacing.y) / 5;
            draw_norms(ImVec2(avail.x, each), run, true, true);
            draw_alignments(ImVec2(avail.x, each), run, true);
            draw_weights(ImVec2(avail.x, each), run);
            draw_balance_weights(ImVec2(avail.x, each), balance);
            draw_balance_rate(ImVec2(avail.x, ImGui::GetContentRegionAvail().y), run, balance, true);
            return {};
        }
        // A small iframe: the runs' lines in two columns, under them |w| of all five.
        draw_status_columns(run);
        draw_norms(ImGui::GetContentRegionAvail(), run, true, false);
        return {};
    }
    if (!ui.embed)
        ImGui::TextWrapped("One input stream, one seed: five neurons learn from the same inputs. Plain Hebb runs away; "
                           "each other rule stops it in its own way, and needs something to do so. Hover a rule in the "
                           "table for its equation.");
    draw_rule_key(run);
    // The plots over the table (a header and six rows of up to two lines). The plots keep at
    // least 24 lines: on a shorter screen the table follows them and the view scrolls.
    const float font = ImGui::GetFontSize();
    const float table_height = 17.5f * font;
    const float plots = std::max(ImGui::GetContentRegionAvail().y - table_height, 24.0f * font);
    const float half = 0.5f * (avail.x - gap);
    const float top = 0.52f * plots;
    draw_norms(ImVec2(half, top), run, false, false);
    ImGui::SameLine();
    draw_alignments(ImVec2(half, top), run, false);
    const float row = plots - top - ImGui::GetStyle().ItemSpacing.y;
    draw_weights(ImVec2(half, row), run);
    ImGui::SameLine();
    if (half > 30 * font) {  // the inhibitory panel's two plots side by side, else stacked
        const float quarter = 0.5f * (half - gap);
        draw_balance_weights(ImVec2(quarter, row), balance);
        ImGui::SameLine();
        draw_balance_rate(ImVec2(quarter, row), run, balance, false);
    } else {
        ImGui::BeginGroup();
        const float each = 0.5f * (row - ImGui::GetStyle().ItemSpacing.y);
        draw_balance_weights(ImVec2(half, each), balance);
        draw_balance_rate(ImVec2(half, each), run, balance, false);
        ImGui::EndGroup();
    }
    draw_table(run);
    return {};
}

}  // namespace hebbian::app
