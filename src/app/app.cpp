// The frame function and the one place where changes are applied (see app.hpp).
#include "app/app.hpp"

#include <algorithm>
#include <cmath>

#include "app/amplification_view.hpp"
#include "app/appendix_view.hpp"
#include "app/controls_panel.hpp"
#include "app/feedforward_view.hpp"
#include "app/gl.hpp"
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include "app/platform.hpp"
#include "app/recurrent_view.hpp"
#include "app/status_json.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

namespace hebbian::app {

namespace {

using Clock = std::chrono::steady_clock;

// The parameters each view starts with.
SimParams default_params(View view) {
    SimParams p;
    switch (view) {
        case View::Feedforward:
            p.learning.rule = Rule::Decay;  // alpha = lambda_1 = 1: the norm holds
            break;
        case View::Recurrent:
            p.circuit = Circuit::Recurrent;
            p.source.kind = SourceKind::Spectrum;
            p.source.inputs = 8;
            p.source.ratio = 0.6;
            p.learning.eta = 0.002;  // time constant 1 / (eta alpha) = 250 steps, a low noise floor
            p.learning.alpha = 2.0;
            break;
        case View::Amplification: {
            p.circuit = Circuit::Recurrent;
            p.source.kind = SourceKind::Latent;
            p.source.inputs = 16;
            p.learning.eta = 0.001;  // W averages ~1 / (eta alpha) ~ 200 samples: a steady spectral radius
            Simulation probe;  // alpha = 1.25 lambda_1 of this source: (I - W)^-1 defined, gain 5
            if (probe.reset(p).empty()) p.learning.alpha = kAmplificationAlphaFactor * probe.components().values(0);
            break;
        }
        case View::Appendix:
            p.learning.eta = kAppendixEta;
            break;
    }
    return p;
}

// The appendix runs the same parameters twice: plain Hebb, then Hebb with decay.
SimParams params_for(View view, const SimParams& params, size_t run) {
    SimParams p = params;
    if (view == View::Appendix) p.learning.rule = run == 0 ? Rule::Hebb : Rule::Decay;
    return p;
}

// Restarts every run of the view with `params`; on invalid parameters keeps the runs
// and records why.
void restart(ViewRun& run, View view, const SimParams& params) {
    for (size_t s = 0; s < run.sims.size(); ++s)
        if (std::string why = validate(params_for(view, params, s)); !why.empty()) {
            run.error = why;
            return;
        }
    run.error.clear();
    for (size_t s = 0; s < run.sims.size(); ++s) run.sims[s].reset(params_for(view, params, s));
    if (!run.weight_paths.empty())
        for (size_t s = 0; s < run.sims.size(); ++s)
            run.weight_paths[s] = {run.sims[s].feedforward()->weights().row(0).transpose()};
}

// Runs up to `steps` learning steps of every run (respecting step_limit, recording the
// weight paths when the view keeps them); returns the steps the primary run made.
long long advance(ViewRun& run, long long steps) {
    const long long before = run.primary().steps_done();
    for (size_t s = 0; s < run.sims.size(); ++s) {
        Simulation& sim = run.sims[s];
        long long todo = run.step_limit > 0 ? std::min(steps, run.step_limit - sim.steps_done()) : steps;
        if (run.weight_paths.empty()) {
            sim.step(std::max(todo, 0LL));
            continue;
        }
        for (; todo > 0 && !sim.divergence().diverged; --todo) {
            sim.step(1);
            if (!sim.divergence().diverged) run.weight_paths[s].push_back(sim.feedforward()->weights().row(0).transpose());
        }
    }
    return run.primary().steps_done() - before;
}

void apply_changes(ViewRun& run, View view, const Changes& changes) {
    if (changes.params) restart(run, view, *changes.params);
    if (changes.reset) restart(run, view, run.primary().params());
    if (changes.playing) run.playing = *changes.playing;
    if (changes.steps_per_frame) run.steps_per_frame = std::max(1, *changes.steps_per_frame);
    if (changes.step_once) advance(run, 1);
}

// Rebuilds the font atlas and the style when the display scale changes (first frame,
// browser zoom, a move to another monitor). The pixel font stays at integer multiples.
void fit_ui_scale(App& app) {
    const float scale = display_scale(app.window);
    if (scale == app.ui_scale) return;
    app.ui_scale = scale;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig font;
    font.SizePixels = 13.0f * std::max(1.0f, std::round(scale));
    io.Fonts->AddFontDefault(&font);
    ImGui_ImplOpenGL3_DestroyDeviceObjects();  // the next NewFrame rebuilds them with the new atlas
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.WindowPadding = ImVec2(10, 8);
    style.FrameRounding = 3.0f;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

struct ViewChanges {
    View view = View::Feedforward;
    Changes changes;
};

Changes draw_view(View view, const ViewRun& run, UiState& ui, HeatmapRenderer& heatmaps) {
    switch (view) {
        case View::Feedforward: return draw_feedforward_view(run.primary(), ui);
        case View::Recurrent: return draw_recurrent_view(run.primary(), ui, heatmaps);
        case View::Amplification: return draw_amplification_view(run.primary(), ui);
        case View::Appendix: return draw_appendix_view(run, ui);
    }
    return {};
}

// The whole window: a tab per view, each with the controls on the left and the view
// on the right, and the status line at the bottom.
ViewChanges draw_ui(const std::array<ViewRun, kViewCount>& runs, const FrameStats& stats, UiState& ui,
                    HeatmapRenderer& heatmaps) {
    ViewChanges result{ui.view, {}};
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("Hebbian learning", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    const float status_height = ImGui::GetFrameHeightWithSpacing();
    std::optional<View> opened;
    if (ImGui::BeginTabBar("views")) {
        for (View view : kAllViews) {
            const bool select = ui.select_view && view == ui.view;
            if (!ImGui::BeginTabItem(view_title(view), nullptr, select ? ImGuiTabItemFlags_SetSelected : 0)) continue;
            opened = view;
            const ViewRun& run = runs[static_cast<size_t>(view_index(view))];
            ImGui::BeginChild("controls", ImVec2(ImGui::GetFontSize() * 26, -status_height), true);
            ImGui::PushItemWidth(ImGui::GetFontSize() * 13);
            Changes changes = draw_controls(view, run, ui);
            ImGui::PopItemWidth();
            ImGui::EndChild();
            ImGui::SameLine();
            ImGui::BeginChild("view", ImVec2(0, -status_height), false);
            changes.merge(draw_view(view, run, ui, heatmaps));
            ImGui::EndChild();
            result = ViewChanges{view, changes};
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    if (opened) {
        if (!ui.select_view) ui.view = *opened;
        if (*opened == ui.view) ui.select_view = false;
        draw_status_line(runs[static_cast<size_t>(view_index(*opened))], stats);
    }
    ImGui::End();
    return result;
}

StatusReport report(const App& app) {
    const ViewRun& run = app.runs[static_cast<size_t>(view_index(app.ui.view))];
    StatusReport r;
    r.view = app.ui.view;
    r.steps = run.primary().steps_done();
    r.alignment = run.primary().history().alignment.empty() ? 0.0 : run.primary().history().alignment.back();
    for (const Simulation& sim : run.sims) r.diverged = r.diverged || sim.divergence().diverged;
    r.playing = run.playing;
    return r;
}

}  // namespace

void init_app(App& app, GLFWwindow* window, const PageOptions& options) {
    app.window = window;
    app.heatmaps.init();  // on failure the recurrent view shows heatmaps.error()
    for (View view : kAllViews) {
        ViewRun& run = app.runs[static_cast<size_t>(view_index(view))];
        const SimParams params = default_params(view);
        run.sims.resize(view == View::Appendix ? 2 : 1);
        if (view == View::Recurrent || view == View::Amplification) run.steps_per_frame = 20;
        if (view == View::Appendix) {
            run.step_limit = kAppendixSteps;
            run.steps_per_frame = 2;
            run.weight_paths.resize(run.sims.size());
        }
        run.playing = options.playing;
        restart(run, view, params);
        app.ui.drafts[static_cast<size_t>(view_index(view))] = params;
    }
    app.ui.view = options.view;
    app.ui.select_view = true;
}

void frame(void* pointer) {
    App& app = *static_cast<App*>(pointer);

    // 1. Events, and a drawing surface that follows the page or window.
    glfwPollEvents();
    const FramebufferSize framebuffer = fit_framebuffer(app.window);
    fit_ui_scale(app);

    // 2. The fixed work: this frame's learning steps for the open view, timed.
    ViewRun& run = app.runs[static_cast<size_t>(view_index(app.ui.view))];
    const Clock::time_point start = Clock::now();
    const long long steps = run.playing && !run.finished() ? advance(run, run.steps_per_frame) : 0;
    const Clock::time_point stepped = Clock::now();
    app.stats.add_frame(steps, std::chrono::duration<double>(stepped - start).count(),
                        std::chrono::duration<double>(stepped - app.last_frame).count());
    app.last_frame = stepped;

    // 3. The UI: panels read the runs and return the changes they want.
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    match_imgui_display(framebuffer);
    ImGui::NewFrame();
    const ViewChanges requested = draw_ui(app.runs, app.stats, app.ui, app.heatmaps);
    ImGui::Render();

    // 4. The one place where runs change.
    apply_changes(app.runs[static_cast<size_t>(view_index(requested.view))], requested.view, requested.changes);

    // 5. Render, and tell the page how the run is doing.
    glViewport(0, 0, framebuffer.width, framebuffer.height);
    glClearColor(0.08f, 0.08f, 0.10f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(app.window);
    publish_status(status_json(report(app)));
}

void shutdown_app(App& app) { app.heatmaps.shutdown(); }

}  // namespace hebbian::app
