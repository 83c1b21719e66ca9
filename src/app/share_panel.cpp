// The share, data and export section (see share_panel.hpp).
#include "app/share_panel.hpp"

#include "app/controls_panel.hpp"
#include "app/theme.hpp"
#include "imgui.h"

namespace hebbian::app {

namespace {

using embed::ExportFormat;
using embed::ExportWhat;

void warning(const std::string& text) {
    if (text.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, colours().warning);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

// One row of the export menu: "<label>  CSV  JSON"; `help`, when given, is the label's tooltip.
void export_row(const char* label, ExportWhat what, Changes& changes, const char* help = nullptr) {
    ImGui::TextUnformatted(label);
    if (help) explain(help);
    ImGui::SameLine(ImGui::GetFontSize() * 9);
    ImGui::PushID(label);
    if (ImGui::SmallButton("CSV")) changes.download = DownloadRequest{what, ExportFormat::Csv};
    ImGui::SameLine();
    if (ImGui::SmallButton("JSON")) changes.download = DownloadRequest{what, ExportFormat::Json};
    ImGui::PopID();
}

}  // namespace

void draw_notice(UiState& ui) {
    if (ui.motion_hint) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted("Paused because you prefer reduced motion: press Play (or Space) to start.");
        ImGui::PopTextWrapPos();
    }
    if (ui.notice.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, colours().warning);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 4);
    ImGui::TextUnformatted(("Page address corrected: " + ui.notice).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (ImGui::SmallButton("Dismiss")) ui.notice.clear();
}

Changes draw_share_panel(View view, const ViewRun& run, UiState& ui) {
    Changes changes;
    if (ImGui::Button("Copy link")) changes.copy_link = true;
    explain("A link to this page with every parameter, the seed and the speed: it reproduces this run step for step. "
            "A CSV data set is not part of the link.");
    ImGui::SameLine();
    if (ImGui::Button("Load CSV...")) changes.pick_file = true;
    explain("A numeric CSV file: rows are samples, columns are input neurons (2 or more), an optional header row. "
            "It becomes the input of the feedforward and the recurrent circuit. You can also drop the file on the page.");
    ImGui::SameLine();
    if (ImGui::Button("Export...")) ImGui::OpenPopup("export");
    explain(view == View::Receptive
                ? "Download the filters (the weights) or the history as CSV or JSON, the filters or the view as PNG."
                : "Download the weights, the matrices or the history as CSV or JSON, or the view as PNG.");
    if (ImGui::BeginPopup("export")) {
        const bool filters = view == View::Receptive;
        export_row(recurrent_view(view) ? "W (recurrent)" : "weights W", ExportWhat::Weights, changes,
                   filters ? "The filters as numbers: W is k x N (N = p^2), line i of the CSV (array i of the JSON) "
                             "is filter i, and patch pixel (column i, row j), counted from 0, is entry j p + i of "
                             "its line: the patch's rows one after another."
                           : nullptr);
        export_row("covariance C", ExportWhat::Covariance, changes);
        export_row("history", ExportWhat::History, changes);
        if (view == View::Stabilizers) export_row("inhibition", ExportWhat::Inhibition, changes);
        if (filters) {
            ImGui::TextUnformatted("filters");
            explain("The learned filters as a picture: each p x p filter in the diverging map over its own range "
                    "(red positive, blue negative), and under them, in the same places, the principal components "
                    "they are paired with.");
            ImGui::SameLine(ImGui::GetFontSize() * 9);
            if (ImGui::SmallButton("PNG##filters")) changes.download = DownloadRequest{ExportWhat::Filters, ExportFormat::Png};
        }
        ImGui::TextUnformatted("this view");
        ImGui::SameLine(ImGui::GetFontSize() * 9);
        if (ImGui::SmallButton("PNG")) changes.download = DownloadRequest{ExportWhat::View, ExportFormat::Png};
        if (changes.download) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (!ui.link.empty()) {
        ImGui::SetNextItemWidth(-1.0f);
        ImGui::InputText("##link", ui.link.data(), ui.link.size() + 1, ImGuiInputTextFlags_ReadOnly);
        explain("The link copied last (select it and press Ctrl+C if the browser did not allow copying).");
    }
    const SimParams& params = run.primary().params();
    if (params.source.kind == SourceKind::Dataset && params.source.data)
        ImGui::TextDisabled("data: %s (%d rows x %d columns)", ui.data_name.c_str(), int(params.source.data->rows()),
                            int(params.source.data->cols()));
    const char* refused = ui.picture_error ? "Image not loaded (the previous run goes on): "
                                           : "CSV not loaded (the previous data stays): ";
    warning(ui.data_error.empty() ? "" : refused + ui.data_error);
    warning(ui.export_error.empty() ? "" : "Nothing exported: " + ui.export_error);
    return changes;
}

}  // namespace hebbian::app
