// The controls panel (see controls_panel.hpp).
#include "app/controls_panel.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "app/axis_scale.hpp"
#include "app/theme.hpp"
#include "app/share_panel.hpp"
#include "imgui.h"

namespace hebbian::app {

namespace {

bool slider(TouchTargets& targets, const char* label, double& value, double lo, double hi, bool logarithmic,
            const char* tip) {
    const bool changed = ImGui::SliderScalar(label, ImGuiDataType_Double, &value, &lo, &hi, "%.4g",
                                             logarithmic ? ImGuiSliderFlags_Logarithmic : ImGuiSliderFlags_None);
    note_touch_target(targets);
    explain(tip);
    return changed;
}

bool slider(TouchTargets& targets, const char* label, int& value, int lo, int hi, bool logarithmic, const char* tip) {
    const bool changed = ImGui::SliderInt(label, &value, lo, hi, "%d",
                                          logarithmic ? ImGuiSliderFlags_Logarithmic : ImGuiSliderFlags_None);
    note_touch_target(targets);
    explain(tip);
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
    int speed = run.steps_per_frame;
    if (slider(targets, "steps/frame", speed, 1, 5000, true,
               "Learning steps per frame while playing: the fixed amount of work each frame does before drawing. "
               "Time runs as t = frames x steps/frame."))
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
    } else {
        constexpr Rule kFeedforwardRules[] = {Rule::Hebb, Rule::Decay, Rule::Oja, Rule::Sanger, Rule::Bcm};
        const int rule_count = recurrent_view(view) ? 2 : 5;
        if (ImGui::BeginCombo("rule", to_string(p.learning.rule).c_str())) {
            for (int r = 0; r < rule_count; ++r) {
                const Rule rule = kFeedforwardRules[r];
                if (ImGui::Selectable(to_string(rule).c_str(), rule == p.learning.rule)) {
                    p.learning.rule = rule;
                    changed = true;
                }
            }
            ImGui::EndCombo();
        }
        explain(recurrent_view(view)
                    ? "Learning rule of the recurrent weights W (N x N):\n"
                      "  decay  dW = eta (x x^T - alpha W)   ->  W = C / alpha\n"
                      "  hebb   dW = eta x x^T               (alpha = 0: W grows without bound)"
                    : "Learning rule of the feedforward weights (y = W x):\n"
                      "  hebb    dw = eta y x                 |w| grows like (1 + eta lambda_1)^t\n"
                      "  decay   dw = eta (y x - alpha w)     fixed point C w = alpha w\n"
                      "  oja     dw = eta y (x - y w)         |w| -> 1, w -> PC1\n"
                      "  sanger  dW = eta (y x^T - LT[y y^T] W)  rows -> PC1..PCk\n"
                      "  bcm     dw = eta y (y - theta) x,  dtheta = rate (y^2 - theta)");
    }
    changed |= slider(targets, "eta", p.learning.eta, 1e-4, 1.0, true,
                      "Learning rate eta: the step size of every rule, e.g. dw = eta (y x - alpha w).\n"
                      "Plain Hebb grows by (1 + eta lambda_1) per step; the recurrent decay run closes its gap "
                      "by (1 - eta alpha) per step and needs eta alpha < 2.");
    changed |= slider(targets, "alpha", p.learning.alpha, 0.0, 20.0, false,
                      "Decay rate alpha in dw = eta (y x - alpha w) (feedforward) and dW = eta (x x^T - alpha W) "
                      "(recurrent). Feedforward: |w| shrinks, holds or grows as alpha >, =, < lambda_1. "
                      "Recurrent: W -> C / alpha, and the response (I - W)^-1 x exists only when alpha > lambda_1.");
    if (!recurrent_view(view)) {
        const int most = std::min(input_count(p.source), 8);
        changed |= slider(targets, "outputs k", p.learning.outputs, 1, std::max(most, 1), false,
                          "Number of output neurons k: y = W x with W a k x N matrix, one row w_i per output. "
                          "Sanger's rule makes row i learn PC i; the other rules treat each row alone.");
    }
    return changed;
}

// Source kind and its parameters, N, baseline, batch, seed.
bool draw_source(SimParams& p, TouchTargets& targets) {
    bool changed = false;
    SourceParams& s = p.source;
    constexpr SourceKind kKinds[] = {SourceKind::Gaussian2D, SourceKind::Spectrum, SourceKind::Latent};
    if (ImGui::BeginCombo("source", to_string(s.kind).c_str())) {
        for (SourceKind kind : kKinds)
            if (ImGui::Selectable(to_string(kind).c_str(), kind == s.kind)) {
                s.kind = kind;
                changed = true;
            }
        ImGui::EndCombo();
    }
    explain("Input model x = A z + sigma e (z, e standard normal), covariance C = A A^T + sigma^2 I:\n"
            "  gaussian2d  N = 2, A = R(angle) diag(sqrt(var major), sqrt(var minor))\n"
            "  spectrum    A = Q diag(sqrt(lambda_i)), lambda_i = lambda_1 ratio^(i-1), Q random\n"
            "  latent      A = sqrt(signal var) L (N x k loadings), sigma^2 = noise var (private)");
    const bool fixed = s.kind == SourceKind::Gaussian2D || s.kind == SourceKind::Dataset;
    int inputs = input_count(s);
    ImGui::BeginDisabled(fixed);
    if (slider(targets, "inputs N", inputs, 2, kMaxInputsWeb, true,
               "Number of input neurons N: x has N entries and C is N x N. The 2-D Gaussian fixes N = 2, "
               "a data set its number of columns.\nN stops at 1024 so the page stays under 256 MiB of memory "
               "(measured: 94 MiB at N = 1024); large N also costs O(N^2) per sample.")) {
        s.inputs = inputs;
        changed = true;
    }
    ImGui::EndDisabled();
    switch (s.kind) {
        case SourceKind::Gaussian2D:
            changed |= slider(targets, "var major", s.variance_major, 0.01, 10.0, true,
                              "Variance along the major axis = lambda_1, the largest eigenvalue of C.");
            changed |= slider(targets, "var minor", s.variance_minor, 0.01, 10.0, true,
                              "Variance along the minor axis = lambda_2 of C.");
            changed |= slider(targets, "angle", s.angle_deg, -90.0, 90.0, false,
                              "Angle of the major axis (PC1) from the x axis, degrees: A = R(angle) diag(...).");
            break;
        case SourceKind::Spectrum:
            changed |= slider(targets, "lambda_1", s.lambda1, 0.01, 10.0, true,
                              "Largest eigenvalue of C: lambda_i = lambda_1 ratio^(i-1).");
            changed |= slider(targets, "ratio", s.ratio, 0.05, 1.0, false,
                              "Geometric ratio between successive eigenvalues: lambda_(i+1) = ratio lambda_i. "
                              "Close to 1 makes PC1 hard to single out.");
            break;
        case SourceKind::Dataset:
            ImGui::TextDisabled("samples: rows of the CSV file, drawn at random");
            break;
        case SourceKind::Latent:
            changed |= slider(targets, "signals", s.signals, 1, std::max(1, std::min(s.inputs, 8)), false,
                              "Number k of shared latent signals z (x = sqrt(signal var) L z + sigma e); "
                              "every stream mixes all k of them through its loadings L.");
            changed |= slider(targets, "signal var", s.signal_variance, 0.01, 10.0, true,
                              "Variance of each shared signal: A = sqrt(signal var) L, so the shared part of "
                              "stream i has variance signal var |L_i|^2.");
            changed |= slider(targets, "noise var", s.noise_variance, 0.0, 10.0, false,
                              "sigma^2, the variance of the private (spurious) noise of each stream: "
                              "C = A A^T + sigma^2 I; spurious share of stream i = sigma^2 / C_ii.");
            break;
    }
    changed |= slider(targets, "baseline", s.baseline, -2.0, 2.0, false,
                      "Constant added to every input (a mean firing rate m). With 'subtract mean' the circuit "
                      "sees x - m; without it, C + m m^T drags w towards the mean.");
    changed |= ImGui::Checkbox("subtract mean", &p.subtract_mean);
    explain("Feed x - m (the offset rule) instead of x, so the covariance the rule sees is C, not C + m m^T.");
    changed |= slider(targets, "batch", p.batch, 1, 256, true,
                      "Samples averaged per learning step: dw = eta <y x - alpha w> over the batch (1 = online).");
    ImGui::SetNextItemWidth(ImGui::CalcItemWidth());
    std::uint64_t seed = p.seed;
    if (ImGui::InputScalar("seed", ImGuiDataType_U64, &seed)) {
        p.seed = seed;
        changed = true;
    }
    explain("Random seed: fixes the source model (rotation, loadings), the initial weights w_0 = 0.1 N(0, 1) "
            "and the input stream. Equal seeds give identical inputs.");
    return changed;
}

void draw_regime(View view, const Simulation& sim) {
    const double lambda1 = sim.components().values(0);
    ImGui::Text("lambda_1 = %s (largest eigenvalue of C)", std::isfinite(lambda1) ? format_number(lambda1).c_str() : "n/a");
    const Rule rule = sim.params().learning.rule;
    ImGui::PushTextWrapPos(0.0f);
    if (rule == Rule::Hebb || rule == Rule::Decay || view == View::Appendix) {
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
    edited |= draw_source(draft, ui.touch_targets);
    if (edited) changes.params = draft;
    ImGui::Separator();
    draw_regime(view, run.primary());
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
