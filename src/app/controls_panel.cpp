// The controls panel (see controls_panel.hpp).
#include "app/controls_panel.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "app/axis_scale.hpp"
#include "app/theme.hpp"
#include "app/share_panel.hpp"
#include "core/parameters.hpp"
#include "embed/page_state.hpp"
#include "imgui.h"

namespace hebbian::app {

namespace {

bool slider(TouchTargets& targets, const char* label, int& value, int lo, int hi, bool logarithmic, const char* tip) {
    const bool changed = ImGui::SliderInt(label, &value, lo, hi, "%d",
                                          logarithmic ? ImGuiSliderFlags_Logarithmic : ImGuiSliderFlags_None);
    note_touch_target(targets);
    explain(tip);
    return changed;
}

// The tooltip of a parameter: its meaning and, where there are, its equations and effects.
std::string parameter_help(const Parameter& parameter) {
    std::string text = parameter.meaning;
    text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return *parameter.details ? text + ".\n" + parameter.details : text + ".";
}

// A slider for the core table's parameter `id`, with its label, range (k and signals: at
// most N; a whole number also at most `most`) and scale; its tooltip is the table's meaning and details.
bool parameter_slider(ParameterId id, SimParams& p, TouchTargets& targets, double most = 1e300) {
    const Parameter& parameter = hebbian::parameter(id);
    const bool logarithmic = parameter.scale == SliderScale::Log;
    const ImGuiSliderFlags flags = logarithmic ? ImGuiSliderFlags_Logarithmic : ImGuiSliderFlags_None;
    bool changed = false;
    if (parameter.kind == ParameterKind::Whole) {
        int value = static_cast<int>(parameter.get(p));
        const int lo = static_cast<int>(parameter.lo);
        const int hi = std::max(lo, static_cast<int>(std::min(upper_bound(parameter, p), most)));
        changed = ImGui::SliderInt(parameter.label, &value, lo, hi, "%d", flags);
        if (changed) parameter.set(p, value);
    } else {
        double value = parameter.get(p);
        changed = ImGui::SliderScalar(parameter.label, ImGuiDataType_Double, &value, &parameter.lo, &parameter.hi,
                                      "%.4g", flags);
        if (changed) parameter.set(p, value);
    }
    note_touch_target(targets);
    explain(parameter_help(parameter).c_str());
    return changed;
}

// A combo of the table's Choice parameter `id`: every name that `allowed` accepts.
template <typename Allowed>
bool parameter_combo(ParameterId id, SimParams& p, Allowed allowed) {
    const Parameter& parameter = hebbian::parameter(id);
    const int current = static_cast<int>(parameter.get(p));
    bool changed = false;
    if (ImGui::BeginCombo(parameter.label, value_text(parameter, p).c_str())) {
        for (int i = 0; i < parameter.choice_count; ++i)
            if (allowed(i) && ImGui::Selectable(parameter.choice_name(i).c_str(), i == current)) {
                parameter.set(p, i);
                changed = true;
            }
        ImGui::EndCombo();
    }
    explain(parameter_help(parameter).c_str());
    return changed;
}

// Play / pause / step / reset and the speed.
Changes draw_transport(const ViewRun& run, TouchTargets& targets) {
    Changes changes;
    if (ImGui::Button(run.playing ? "Pause" : "Play", ImVec2(ImGui::GetFontSize() * 4.5f, 0)))
        changes.playing = !run.playing;
    explain(kPlayHelp);
    ImGui::SameLine();
    if (ImGui::Button("Step")) changes.steps = 1;
    explain("One learning step: draw a batch of samples x, update the weights once (e.g. w <- w + eta (y x - alpha w)).");
    ImGui::SameLine();
    if (ImGui::Button("Reset")) changes.reset = true;
    explain("Start again from step 0 with the same parameters and seed: same initial weights, same input stream.");
    const embed::SettingSpec& spec = *embed::find_setting("speed");
    int speed = run.steps_per_frame;
    if (slider(targets, "steps/frame", speed, static_cast<int>(spec.lo), static_cast<int>(spec.hi), true,
               "Learning steps per frame while playing: a target; learning gets at most 10 ms of each frame, and "
               "the status line shows how many steps a frame reached. Time runs as t = frames x steps/frame."))
        changes.steps_per_frame = speed;
    return changes;
}

// Rule, eta, alpha, k.
bool draw_learning(View view, SimParams& p, TouchTargets& targets) {
    bool changed = false;
    if (view == View::Appendix) {
        ImGui::TextDisabled("rule: plain Hebb (left) vs decay (right)");
        explain("The appendix runs both rules on the same inputs (same seed):\n"
                "  hebb   dw = eta y x\n  decay  dw = eta (y x - alpha w)");
    } else if (view == View::Stabilizers) {
        ImGui::TextDisabled("rules: hebb, decay, oja, bcm, hetero");
        explain("Five neurons learn from the same inputs (same seed), one per rule:\n"
                "  hebb    dw = eta y x\n  decay   dw = eta (y x - alpha w)\n  oja     dw = eta y (x - y w)\n"
                "  bcm     dw = eta y (y - theta) x,  dtheta = theta_rate (y^2 - theta)\n"
                "  hetero  dw = eta (y x - beta (w - w_ref) y^4)\n"
                "The inhibitory panel is its own circuit, with its own sliders below:\n"
                "  dw_inh_j = inh_eta s_j (y - rho0),  w_inh >= 0.");
    } else {
        changed |= parameter_combo(ParameterId::Rule, p, [&p](int rule) { return circuit_takes(p.circuit, static_cast<Rule>(rule)); });
    }
    changed |= parameter_slider(ParameterId::Eta, p, targets);
    changed |= parameter_slider(ParameterId::Alpha, p, targets);
    if (view == View::Receptive)  // one filter per output: at most 16 drawn
        changed |= parameter_slider(ParameterId::Outputs, p, targets, embed::kReceptiveMaxOutputs);
    else if (!recurrent_view(view) && view != View::Stabilizers)
        changed |= parameter_slider(ParameterId::Outputs, p, targets);
    const bool every_rule = view == View::Stabilizers;
    if (every_rule || p.learning.rule == Rule::Bcm) changed |= parameter_slider(ParameterId::ThetaRate, p, targets);
    if (every_rule || p.learning.rule == Rule::Heterosynaptic) {
        changed |= parameter_slider(ParameterId::Beta, p, targets);
        changed |= parameter_slider(ParameterId::WRef, p, targets);
    }
    if (view == View::Stabilizers) {
        ImGui::Separator();
        ImGui::TextDisabled("inhibitory panel: balanced inhibition");
        for (ParameterId id : {ParameterId::InhibitoryEta, ParameterId::TargetRate, ParameterId::Drive, ParameterId::Channels,
                               ParameterId::TuningWidth, ParameterId::InputRate, ParameterId::RateSpread})
            changed |= parameter_slider(id, p, targets);
    }
    return changed;
}

// The receptive-fields view's own source row: the reader's picture.
void draw_picture_row(const SimParams& p, const UiState& ui, Changes& changes) {
    if (ImGui::Button("Load image...")) changes.pick_image = true;
    explain("A PNG or JPEG picture of your own: the browser decodes it (nothing leaves the page), turns it grey and "
            "shrinks it to at most 512 pixels a side; it becomes the input of this view, p x p patches cut at random "
            "places. You can also drop it on the page.");
    if (p.source.kind == SourceKind::Picture && p.source.picture) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s (%d x %d)", ui.picture_name.c_str(), p.source.picture->width, p.source.picture->height);
    }
}

// Source kind and its parameters, N, baseline, batch, seed. The receptive-fields view
// offers only the image sources.
bool draw_source(View view, SimParams& p, TouchTargets& targets) {
    SourceParams& s = p.source;
    const bool images_only = view == View::Receptive;
    bool changed = parameter_combo(ParameterId::Source, p, [images_only](int kind) {
        return !images_only || image_source(static_cast<SourceKind>(kind));
    });
    if (image_source(s.kind)) {  // N follows from the patch
        ImGui::TextDisabled("inputs N = patch^2 = %d", s.patches.side * s.patches.side);
    } else {
        ImGui::BeginDisabled(s.kind == SourceKind::Gaussian2D || s.kind == SourceKind::Dataset);
        changed |= parameter_slider(ParameterId::Inputs, p, targets);
        ImGui::EndDisabled();
    }
    switch (s.kind) {
        case SourceKind::Gaussian2D:
            for (ParameterId id : {ParameterId::VarianceMajor, ParameterId::VarianceMinor, ParameterId::Angle})
                changed |= parameter_slider(id, p, targets);
            break;
        case SourceKind::Spectrum:
            for (ParameterId id : {ParameterId::Lambda1, ParameterId::Ratio}) changed |= parameter_slider(id, p, targets);
            break;
        case SourceKind::Dataset:
            ImGui::TextDisabled("samples: rows of the CSV file, drawn at random");
            break;
        case SourceKind::Latent:
            for (ParameterId id : {ParameterId::Signals, ParameterId::SignalVariance, ParameterId::NoiseVariance})
                changed |= parameter_slider(id, p, targets);
            break;
        case SourceKind::DeadLeaves:
        case SourceKind::PinkNoise:
        case SourceKind::Picture:
            changed |= parameter_slider(ParameterId::Patch, p, targets);
            if (s.kind != SourceKind::Picture) changed |= parameter_slider(ParameterId::ImageSide, p, targets);
            changed |= parameter_slider(ParameterId::Window, p, targets);
            for (ParameterId id : {ParameterId::PatchMean, ParameterId::UnitNorm}) {
                const Parameter& flag = parameter(id);
                bool on = flag.get(p) != 0.0;
                if (ImGui::Checkbox(flag.label, &on)) {
                    flag.set(p, on ? 1.0 : 0.0);
                    changed = true;
                }
                explain(parameter_help(flag).c_str());
            }
            break;
    }
    changed |= parameter_slider(ParameterId::Baseline, p, targets);
    const Parameter& subtract = parameter(ParameterId::SubtractMean);
    changed |= ImGui::Checkbox(subtract.label, &p.subtract_mean);
    explain(parameter_help(subtract).c_str());
    changed |= parameter_slider(ParameterId::Batch, p, targets);
    ImGui::SetNextItemWidth(ImGui::CalcItemWidth());
    std::uint64_t seed = p.seed;
    if (ImGui::InputScalar(parameter(ParameterId::Seed).label, ImGuiDataType_U64, &seed)) {
        p.seed = seed;
        changed = true;
    }
    explain(parameter_help(parameter(ParameterId::Seed)).c_str());
    return changed;
}

void draw_regime(View view, const ViewRun& run) {
    const Simulation& sim = run.primary();
    const double lambda1 = sim.components().values(0);
    ImGui::Text("lambda_1 = %s (largest eigenvalue of C)", std::isfinite(lambda1) ? format_number(lambda1).c_str() : "n/a");
    const Rule rule = sim.params().learning.rule;
    ImGui::PushTextWrapPos(0.0f);
    if (view == View::Stabilizers) {  // the regimes alpha and beta decide: decay's and hetero's
        for (const Simulation& each : run.sims)
            if (each.params().learning.rule == Rule::Decay || each.params().learning.rule == Rule::Heterosynaptic)
                ImGui::TextUnformatted(each.regime().c_str());
    } else if (rule == Rule::Hebb || rule == Rule::Decay || view == View::Appendix) {
        ImGui::TextUnformatted(sim.regime().c_str());
        if (recurrent_view(view))
            ImGui::TextDisabled("The response r = (I - W)^-1 x exists once W = C / alpha has spectral radius < 1, "
                                "i.e. alpha > lambda_1.");
    } else {
        ImGui::TextDisabled("alpha only enters the decay rule; %s keeps |w| bounded by itself.",
                            to_string(rule).c_str());
    }
    ImGui::PopTextWrapPos();
}

}  // namespace

const char* const kPlayHelp =
    "Play runs 'steps per frame' learning steps every frame (at most 10 ms of learning per frame); pause stops "
    "learning (the views stay).\n\nKeys: Space plays or pauses, Right arrow steps once (while no control has the "
    "keyboard focus), R resets. Tab and the arrows move between controls, Enter presses or edits, Esc leaves them; "
    "Esc then Tab leaves the figure.";

void note_touch_target(TouchTargets& targets) {
    if (!ImGui::IsItemVisible()) return;
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    targets.push_back({lo.x, lo.y, hi.x, hi.y});
}

void explain(const char* text) {
    if (!ImGui::IsItemHovered()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

Changes draw_controls(View view, const ViewRun& run, UiState& ui) {
    Changes changes = draw_transport(run, ui.touch_targets);
    ImGui::Separator();
    SimParams& draft = ui.drafts[static_cast<size_t>(view_index(view))];
    bool edited = draw_learning(view, draft, ui.touch_targets);
    ImGui::Separator();
    edited |= draw_source(view, draft, ui.touch_targets);
    if (edited) changes.params = draft;
    if (view == View::Receptive) draw_picture_row(draft, ui, changes);
    ImGui::Separator();
    draw_regime(view, run);
    if (!run.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colours().warning);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::Text("Not applied: %s. The previous run continues.", run.error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    ImGui::Separator();
    changes.merge(draw_share_panel(view, run, ui));
    return changes;
}

}  // namespace hebbian::app
