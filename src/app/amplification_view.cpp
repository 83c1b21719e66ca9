// The amplification view (see amplification_view.hpp).
#include "app/amplification_view.hpp"

#include <cmath>

#include "app/amplification_analysis.hpp"
#include "app/controls_panel.hpp"
#include "app/palette.hpp"
#include "app/plot.hpp"
#include "imgui.h"

namespace hebbian::app {

namespace {

// The series rescaled to zero mean and unit variance, so that shapes can be compared.
Eigen::VectorXd standardised(const Eigen::VectorXd& v) {
    if (v.size() < 2) return v;
    const Eigen::ArrayXd centred = v.array() - v.mean();
    const double sd = std::sqrt((centred * centred).mean());
    return sd > 0.0 ? Eigen::VectorXd(centred / sd) : Eigen::VectorXd(centred);
}

std::string percent(double share) { return std::isfinite(share) ? format_number(100.0 * share) + " %" : "n/a"; }

void draw_numbers(const StreamAmplification& a) {
    if (!ImGui::BeginTable("before-after", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn("");
    ImGui::TableSetupColumn("before: input x_i");
    ImGui::TableSetupColumn("after: output r_i");
    ImGui::TableHeadersRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("correlation with shared s_i");
    explain("Pearson correlation over the last samples: corr(x_i, s_i) and corr(r_i, s_i).");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(format_number(a.correlation_before).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(a.defined ? format_number(a.correlation_after).c_str() : "n/a");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("spurious share of variance");
    explain("Share of the variance that is private noise: sigma^2 / C_ii before the circuit, "
            "sigma^2 (G G^T)_ii / (G C G^T)_ii after it, with G = (I - W)^-1.");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(percent(a.spurious_before).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(a.defined ? percent(a.spurious_after).c_str() : "n/a");
    ImGui::EndTable();
}

}  // namespace

Changes draw_amplification_view(const Simulation& sim, UiState& ui) {
    Changes changes;
    ImGui::TextWrapped("Each of N streams carries x_i = s_i + e_i: a signal s shared by all streams plus noise e_i "
                       "private to one. After learning W -> C / alpha, the circuit's response r = (I - W)^-1 x "
                       "boosts the shared directions by 1 / (1 - mu) and leaves private noise nearly alone.");
    if (sim.params().source.kind != SourceKind::Latent || !sim.recurrent()) {
        ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "Choose the latent source: this view needs shared signals.");
        return changes;
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    ImGui::SliderInt("stream i", &ui.amplification_stream, 0, sim.inputs() - 1);
    explain("Which input stream to follow: x_i = (A z)_i + sigma e_i, output r_i = ((I - W)^-1 x)_i.");
    const StreamAmplification a = analyse_stream(sim, ui.amplification_stream);

    const double lambda1 = sim.components().values(0);
    ImGui::Text("spectral radius of W: %s    (alpha = %s, lambda_1 = %s)", format_number(a.spectral_radius).c_str(),
                format_number(sim.params().learning.alpha).c_str(), format_number(lambda1).c_str());
    if (!a.defined) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette::kWarning);
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
    draw_numbers(a);

    const ImVec2 size = ImGui::GetContentRegionAvail();
    Range y = empty_range();
    const Eigen::VectorXd raw = standardised(a.raw), shared = standardised(a.shared), output = standardised(a.output);
    for (const Eigen::VectorXd* v : {&raw, &shared, &output})
        for (Eigen::Index t = 0; t < v->size(); ++t) include(y, (*v)(t));
    Plot plot("Stream i over the last samples (each trace scaled to unit variance)", size,
              Range{0.0, std::max(1.0, double(a.raw.size() - 1)), false}, finish(y), "sample (oldest to newest)");
    plot.line(raw, palette::kSamples, 1.5f);
    plot.line(shared, palette::kGreen, 2.0f);
    if (a.defined) plot.line(output, palette::kOrange, 2.0f);
    plot.legend({{"raw input x_i", palette::kSamples},
                 {"shared signal s_i", palette::kGreen},
                 {"circuit output r_i", palette::kOrange}});
    return changes;
}

}  // namespace hebbian::app
