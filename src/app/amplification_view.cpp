// The amplification view (see amplification_view.hpp).
#include "app/amplification_view.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "app/controls_panel.hpp"
#include "app/feedforward_view.hpp"
#include "app/theme.hpp"
#include "app/plot.hpp"
#include "imgui.h"

namespace hebbian::app {

namespace {

constexpr Eigen::Index kShownSamples = 100;  // the plot shows the newest samples only, to stay readable

// The newest kShownSamples of the series, rescaled to zero mean and unit variance so
// that shapes can be compared.
Eigen::VectorXd standardised(const Eigen::VectorXd& series) {
    const Eigen::VectorXd v = series.tail(std::min(series.size(), kShownSamples));
    if (v.size() < 2) return v;
    const Eigen::ArrayXd centred = v.array() - v.mean();
    const double sd = std::sqrt((centred * centred).mean());
    return sd > 0.0 ? Eigen::VectorXd(centred / sd) : Eigen::VectorXd(centred);
}

std::string percent(double share) { return std::isfinite(share) ? format_number(100.0 * share) + " %" : "n/a"; }

void number_cell(double value, bool as_percent) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted((as_percent ? percent(value) : format_number(value)).c_str());
}

void draw_numbers(const AmplificationAnalysis& a, const StreamAmplification& s) {
    if (!ImGui::BeginTable("before-after", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn("");
    ImGui::TableSetupColumn("stream i: input x_i");
    ImGui::TableSetupColumn("output r_i");
    ImGui::TableSetupColumn("mean of all streams: input");
    ImGui::TableSetupColumn("output");
    ImGui::TableHeadersRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("correlation with shared s_i");
    explain("Pearson correlation over the last samples: corr(x_i, s_i) before the circuit, corr(r_i, s_i) after.");
    number_cell(s.correlation_before, false);
    number_cell(a.defined ? s.correlation_after : NAN, false);
    number_cell(a.mean_correlation_before, false);
    number_cell(a.defined ? a.mean_correlation_after : NAN, false);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("spurious share of variance");
    explain("Share of the variance that is private noise: sigma^2 / C_ii before the circuit, "
            "sigma^2 (G G^T)_ii / (G C G^T)_ii after it, with G = (I - W)^-1.");
    number_cell(s.spurious_before, true);
    number_cell(a.defined ? s.spurious_after : NAN, true);
    number_cell(a.mean_spurious_before, true);
    number_cell(a.defined ? a.mean_spurious_after : NAN, true);
    ImGui::EndTable();
}

// The analysis of the run, redone when analysis_due says so (analysis_schedule.hpp).
const AmplificationAnalysis& current_analysis(const ViewRun& run, UiState& ui) {
    using Clock = std::chrono::steady_clock;
    const Simulation& sim = run.primary();
    const long long last_point = sim.history().step.empty() ? 0 : sim.history().step.back();
    const Clock::time_point now = Clock::now();
    const double since = std::chrono::duration<double>(now - ui.amplification_time).count();
    if (analysis_due(ui.amplification_record, run.generation, last_point, since)) {
        ui.amplification = analyse_amplification(sim);
        ui.amplification_time = Clock::now();
        ui.amplification_record = {run.generation, sim.steps_done(),
                                   std::chrono::duration<double>(ui.amplification_time - now).count()};
    }
    return ui.amplification;
}

// The full layout's numbers: the spectral radius (and why there is no response when it
// is >= 1), a button that sets alpha = 1.25 lambda_1, and the before/after table.
Changes draw_details(const Simulation& sim, const AmplificationAnalysis& a, const StreamAmplification& s, UiState& ui) {
    Changes changes;
    const double lambda1 = sim.components().values(0);
    ImGui::Text("spectral radius of W: %s    (alpha = %s, lambda_1 = %s; analysed at step %lld)",
                format_number(a.spectral_radius).c_str(), format_number(sim.params().learning.alpha).c_str(),
                format_number(lambda1).c_str(), a.step);
    explain("The analysis (an eigendecomposition of W, O(N^3)) is redone at the run's history points, at most "
            "once per twenty times its own cost; the traces below use the newest samples every frame.");
    if (!a.defined) {
        ImGui::PushStyleColor(ImGuiCol_Text, colours().warning);
        ImGui::TextWrapped("%s", a.why_undefined.c_str());
        ImGui::PopStyleColor();
    }
    if (ImGui::Button("Set alpha = 1.25 lambda_1")) {
        SimParams& draft = ui.drafts[static_cast<size_t>(view_index(View::Amplification))];
        draft.learning.alpha = kAmplificationAlphaFactor * lambda1;
        changes.params = draft;
    }
    explain("W -> C / alpha has spectral radius lambda_1 / alpha; 1.25 lambda_1 gives it 0.8, so the shared "
            "direction gains 1 / (1 - 0.8) = 5 while the private noise directions gain about 1 / (1 - 1/alpha).");
    draw_numbers(a, s);
    return changes;
}

// A small iframe: the stream's two numbers before -> after, in two lines (n/a when
// the spectral radius of W is >= 1 and there is no response).
void draw_numbers_compact(const AmplificationAnalysis& a, const StreamAmplification& s) {
    ImGui::Text("corr with shared s_i: %s -> %s", format_number(s.correlation_before).c_str(),
                a.defined ? format_number(s.correlation_after).c_str() : "n/a");
    ImGui::Text("spurious share: %s -> %s", percent(s.spurious_before).c_str(),
                a.defined ? percent(s.spurious_after).c_str() : "n/a");
}

}  // namespace

Changes draw_amplification_view(const ViewRun& run, UiState& ui) {
    const Simulation& sim = run.primary();
    Changes changes;
    if (!ui.embed)
        ImGui::TextWrapped("Each of N streams carries x_i = s_i + e_i: a signal s shared by all streams plus noise e_i "
                       "private to one. After learning W -> C / alpha, the circuit's response r = (I - W)^-1 x "
                       "boosts the shared directions by 1 / (1 - mu) and leaves private noise nearly alone.");
    if (sim.params().source.kind != SourceKind::Latent || !sim.recurrent()) {
        ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "Choose the latent source: this view needs shared signals.");
        return changes;
    }
    const bool compact = ui.compact;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * (compact ? 6 : 12));
    ImGui::SliderInt("stream i", &ui.amplification_stream, 0, sim.inputs() - 1);
    note_touch_target(ui.touch_targets);
    explain("Which input stream to follow: x_i = (A z)_i + sigma e_i, output r_i = ((I - W)^-1 x)_i.");
    const AmplificationAnalysis& a = current_analysis(run, ui);
    const StreamAmplification stream = follow_stream(a, sim, ui.amplification_stream);
    if (compact)
        draw_numbers_compact(a, stream);
    else
        changes = draw_details(sim, a, stream, ui);

    const ImVec2 size = ImGui::GetContentRegionAvail();
    Range y = empty_range();
    const Eigen::VectorXd raw = standardised(stream.raw), shared = standardised(stream.shared),
                          output = standardised(stream.output);
    for (const Eigen::VectorXd* v : {&raw, &shared, &output})
        for (Eigen::Index t = 0; t < v->size(); ++t) include(y, (*v)(t));
    Plot plot(compact ? "stream i (unit variance)" : "Stream i over the last 100 samples (each trace scaled to unit variance)",
              size, Range{0.0, std::max(1.0, double(raw.size() - 1)), false}, finish(y),
              compact ? "sample" : "sample (oldest to newest)",
              {{compact ? "x_i" : "raw input x_i", colours().samples},
               {compact ? "s_i" : "shared signal s_i", colours().green},
               {compact ? "r_i" : "circuit output r_i", colours().orange}});
    plot.line(raw, colours().samples, 1.5f);
    plot.line(shared, colours().green, 2.0f);
    if (a.defined) plot.line(output, colours().orange, 2.0f);
    return changes;
}

}  // namespace hebbian::app
