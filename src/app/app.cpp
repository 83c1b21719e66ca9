// The frame function and the one place where changes are applied (see app.hpp).
#include "app/app.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "app/amplification_view.hpp"
#include "app/appendix_view.hpp"
#include "app/controls_panel.hpp"
#include "app/feedforward_view.hpp"
#include "app/gl.hpp"
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include "app/page_requests.hpp"
#include "app/platform.hpp"
#include "app/recurrent_view.hpp"
#include "app/run_control.hpp"
#include "app/share_panel.hpp"
#include "app/status_json.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

namespace hebbian::app {

namespace {

using Clock = std::chrono::steady_clock;

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
ViewChanges draw_tabbed_ui(const std::array<ViewRun, kViewCount>& runs, const FrameStats& stats, UiState& ui,
                           HeatmapRenderer& heatmaps) {
    ViewChanges result{ui.view, {}};
    const float status_height = ImGui::GetFrameHeightWithSpacing();
    draw_notice(ui);
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
    return result;
}

// Embed mode (?embed=1), for an iframe down to 320 x 240: one view and no tabs; a strip
// with play / pause, reset, the step count and a button that swaps the view for the controls.
ViewChanges draw_embedded_ui(const std::array<ViewRun, kViewCount>& runs, UiState& ui, HeatmapRenderer& heatmaps) {
    const ViewRun& run = runs[static_cast<size_t>(view_index(ui.view))];
    ui.select_view = false;
    Changes changes;
    if (ImGui::Button(run.playing ? "Pause" : "Play")) changes.playing = !run.playing;
    ImGui::SameLine();
    if (ImGui::Button("Reset")) changes.reset = true;
    ImGui::SameLine();
    if (ImGui::Button(ui.controls_open ? "View" : "Controls")) ui.controls_open = !ui.controls_open;
    ImGui::SameLine();
    ImGui::TextDisabled("step %lld%s", run.primary().steps_done(), run.finished() ? " (done)" : "");
    draw_notice(ui);
    if (ui.controls_open) {
        ImGui::BeginChild("controls", ImVec2(0, 0), false);
        ImGui::PushItemWidth(std::min(ImGui::GetFontSize() * 13, ImGui::GetContentRegionAvail().x * 0.55f));
        changes.merge(draw_controls(ui.view, run, ui));
        ImGui::PopItemWidth();
        ImGui::EndChild();
    } else {
        ImGui::BeginChild("view", ImVec2(0, 0), false);
        changes.merge(draw_view(ui.view, run, ui, heatmaps));
        ImGui::EndChild();
    }
    return ViewChanges{ui.view, changes};
}

ViewChanges draw_ui(const std::array<ViewRun, kViewCount>& runs, const FrameStats& stats, UiState& ui,
                    HeatmapRenderer& heatmaps) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    if (ui.embed) ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(4, 4));
    ImGui::Begin("Hebbian learning", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    const ViewChanges result = ui.embed ? draw_embedded_ui(runs, ui, heatmaps) : draw_tabbed_ui(runs, stats, ui, heatmaps);
    ImGui::End();
    if (ui.embed) ImGui::PopStyleVar();
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
    r.embed = app.ui.embed;
    r.notice = app.ui.notice;
    r.data_error = app.ui.data_error;
    return r;
}

}  // namespace

void init_app(App& app, GLFWwindow* window, const PageAddress& address) {
    app.window = window;
    app.page_base = address.base;
    app.heatmaps.init();  // on failure the recurrent view shows heatmaps.error()
    const embed::SettingsResult settings = embed::parse_page_address(address.query, address.fragment);
    for (View view : kAllViews) {
        ViewRun& run = app.runs[static_cast<size_t>(view_index(view))];
        const embed::ViewSetup setup = default_setup(view);
        run.sims.resize(view == View::Appendix ? 2 : 1);
        run.steps_per_frame = setup.speed;
        if (view == View::Appendix) {
            run.step_limit = kAppendixSteps;
            run.weight_paths.resize(run.sims.size());
        }
        run.playing = settings.state.autoplay;
        app.ui.drafts[static_cast<size_t>(view_index(view))] = setup.params;
        Changes defaults;
        defaults.view = view;
        defaults.params = setup.params;
        apply_changes(app, defaults);
    }
    for (const std::string& key : settings.unknown_keys)
        warn_console("hebbian: the page address key \"" + key + "\" is not a parameter; ignored");
    for (const embed::Correction& correction : settings.corrections)
        app.ui.notice += (app.ui.notice.empty() ? "" : "; ") + correction.message();
    Changes start;
    start.view = settings.state.view;
    start.params = settings.state.setup.params;
    start.steps_per_frame = settings.state.setup.speed;
    start.embed = settings.state.embed;
    if (std::string why = apply_changes(app, start); !why.empty())
        app.ui.notice += (app.ui.notice.empty() ? "" : "; ") + ("these settings cannot run (" + why + "): using the defaults");
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

    // 4. The one place where runs change: the panels' changes, then the page's requests.
    // (While the tab bar is still switching to ui.view, another tab may have drawn: its changes wait.)
    if (requested.view == app.ui.view) apply_changes(app, requested.changes);
    serve_page_requests(app);

    // 5. Render (and save it as PNG when asked), and tell the page how the run is doing.
    glViewport(0, 0, framebuffer.width, framebuffer.height);
    glClearColor(0.08f, 0.08f, 0.10f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (app.png_request) {
        save_view_png(*app.png_request);
        app.png_request.reset();
    }
    glfwSwapBuffers(app.window);
    publish_status(status_json(report(app)));
}

void shutdown_app(App& app) { app.heatmaps.shutdown(); }

}  // namespace hebbian::app
