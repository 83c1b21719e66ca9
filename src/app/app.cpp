// The frame function and the one place where changes are applied (see app.hpp).
#include "app/app.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "app/amplification_view.hpp"
#include "app/appendix_view.hpp"
#include "app/controls_panel.hpp"
#include "app/feedforward_view.hpp"
#include "app/figure_summary.hpp"
#include "app/gl.hpp"
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include "app/page_requests.hpp"
#include "app/receptive_view.hpp"
#include "app/recurrent_view.hpp"
#include "app/run_control.hpp"
#include "app/share_panel.hpp"
#include "app/stabilizers_view.hpp"
#include "app/status_json.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"

namespace hebbian::app {

namespace {

using Clock = std::chrono::steady_clock;

ViewRun& open_run(App& app) { return app.runs[static_cast<size_t>(view_index(app.ui.view))]; }
const ViewRun& open_run(const App& app) { return app.runs[static_cast<size_t>(view_index(app.ui.view))]; }

bool light_theme(const App& app) {
    if (app.ui.theme == embed::Theme::Auto) return !app.reader.prefers_dark;
    return app.ui.theme == embed::Theme::Light;
}

// Restarts ImGui's OpenGL renderer: new shaders, buffers and font texture. (Dropping only
// its device objects would keep its record of the old buffers' sizes.)
void restart_renderer(const App& app) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplOpenGL3_Init(app.glsl_version);
}

// Rebuilds fonts and style when the theme, the pointer or the pixel ratio changed.
void fit_theme(App& app) {
    const ThemeChoice wanted{light_theme(app), app.reader.coarse_pointer, app.display.pixel_ratio};
    if (app.theme && *app.theme == wanted) return;
    apply_theme(wanted);
    restart_renderer(app);
    app.theme = wanted;
}

// The page took the GL context away: release what it held (calls on a lost context do
// nothing), and rebuild it all once the page gives a context back.
// Returns false while there is no context to draw with.
bool keep_gl_context(App& app) {
    if (app.gl.losses != app.gl_losses_handled) {
        app.gl_losses_handled = app.gl.losses;
        if (!app.gl_released) {
            ImGui_ImplOpenGL3_Shutdown();  // shaders, buffers, the font texture
            app.heatmaps.shutdown();
            app.gl_released = true;
        }
    }
    if (app.gl.lost) return false;
    if (app.gl_released) {
        ImGui_ImplOpenGL3_Init(app.glsl_version);  // builds its objects in its next NewFrame
        app.heatmaps.init();
        app.gl_released = false;
        app.gl_restores_done += 1;
    }
    return true;
}

// Space plays or pauses, R resets, Right arrow steps while no control has the keyboard
// focus (arrows then move between controls). Taken from the keys before ImGui sees them,
// so Space never also presses a focused button (Enter does that, see main.cpp).
Changes keyboard_shortcuts(const ViewRun& run) {
    ImGuiIO& io = ImGui::GetIO();
    Changes changes;
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper) return changes;
    const auto take = [&io](int key) {
        if (!io.KeysDown[key] || io.KeysDownDuration[key] >= 0.0f) return false;  // not a new press
        io.KeysDown[key] = false;  // a held key repeats: each repeat is a new press
        return true;
    };
    if (take(GLFW_KEY_SPACE)) changes.playing = !run.playing;
    if (take(GLFW_KEY_R)) changes.reset = true;
    if (!io.NavVisible && take(GLFW_KEY_RIGHT)) changes.steps = 1;
    return changes;
}

// The mouse is over a panel the wheel would scroll (the window ImGui's wheel goes to
// has more content than it shows); the page passes every other wheel event to the host.
bool wheel_scrolls_figure() {
    const ImGuiWindow* window = GImGui->HoveredWindow;
    while (window && (window->Flags & ImGuiWindowFlags_ChildWindow) &&
           (window->ScrollMax.y <= 0.0f || (window->Flags & ImGuiWindowFlags_NoScrollWithMouse)))
        window = window->ParentWindow;
    return window && window->ScrollMax.y > 0.0f && !(window->Flags & ImGuiWindowFlags_NoScrollWithMouse);
}

struct ViewChanges {
    View view = View::Feedforward;
    Changes changes;
};

Changes draw_view(View view, const ViewRun& run, UiState& ui, HeatmapRenderer& heatmaps) {
    switch (view) {
        case View::Feedforward: return draw_feedforward_view(run.primary(), ui);
        case View::Recurrent: return draw_recurrent_view(run, ui, heatmaps);
        case View::Amplification: return draw_amplification_view(run, ui);
        case View::Appendix: return draw_appendix_view(run, ui);
        case View::Stabilizers: return draw_stabilizers_view(run, ui);
        case View::Receptive: return draw_receptive_view(run, ui, heatmaps);
    }
    return {};
}

// The wide page: a tab per view, each with the controls on the left and the view on the
// right, and the status line at the bottom.
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

// An embed (?embed=1, an iframe down to 320 x 240) and a narrow page (a phone): a strip
// with play / pause, reset, a button that swaps the view for the controls and the step
// count (a narrow page also a menu of the views below it), then the view at full width.
ViewChanges draw_strip_ui(const std::array<ViewRun, kViewCount>& runs, UiState& ui, HeatmapRenderer& heatmaps) {
    const ViewRun& run = runs[static_cast<size_t>(view_index(ui.view))];
    ui.select_view = false;
    Changes changes;
    if (ImGui::Button(run.playing ? "Pause" : "Play")) changes.playing = !run.playing;
    explain(kPlayHelp);
    ImGui::SameLine();
    if (ImGui::Button("Reset")) changes.reset = true;
    ImGui::SameLine();
    if (ImGui::Button(ui.controls_open ? "View" : "Controls")) ui.controls_open = !ui.controls_open;
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("step %lld%s", run.steps_done(), run.finished() ? " (done)" : "");
    if (ui.layout.mode == LayoutMode::Narrow) {  // the views in a menu of their own row
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::BeginCombo("##view", view_title(ui.view))) {
            for (View view : kAllViews)
                if (ImGui::Selectable(view_title(view), view == ui.view)) changes.view = view;
            ImGui::EndCombo();
        }
        explain("The figure's six views; each keeps its own run.");
    }
    draw_notice(ui);
    if (ui.controls_open) {
        ImGui::BeginChild("controls", ImVec2(0, 0), false);
        ImGui::PushItemWidth(std::min(ImGui::GetFontSize() * 13, ImGui::GetContentRegionAvail().x * 0.55f));
        changes.merge(draw_controls(ui.view, run, ui));
        ImGui::PopItemWidth();
        ImGui::EndChild();
    } else {
        // Compact views are drawn to fit exactly: no scroll bar for a fraction of a pixel.
        const ImGuiWindowFlags fit = ui.compact ? ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse : 0;
        ImGui::BeginChild("view", ImVec2(0, 0), false, fit);
        changes.merge(draw_view(ui.view, run, ui, heatmaps));
        ImGui::EndChild();
    }
    return ViewChanges{ui.view, changes};
}

ViewChanges draw_ui(const std::array<ViewRun, kViewCount>& runs, const FrameStats& stats, UiState& ui,
                    HeatmapRenderer& heatmaps) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool strip = ui.layout.mode != LayoutMode::Wide;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    if (strip) ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(4, 4));
    ImGui::Begin("Hebbian learning", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    const ViewChanges result = strip ? draw_strip_ui(runs, ui, heatmaps) : draw_tabbed_ui(runs, stats, ui, heatmaps);
    ImGui::End();
    if (strip) ImGui::PopStyleVar();
    return result;
}

StatusReport report(const App& app) {
    const ViewRun& run = open_run(app);
    StatusReport r;
    r.view = app.ui.view;
    r.steps = run.steps_done();
    const History& history = run.primary().history();
    r.alignment = history.alignment.empty() ? 0.0 : history.alignment.back();
    r.subspace_alignment = history.subspace_alignment.empty() ? std::nan("") : history.subspace_alignment.back();
    for (const Simulation& sim : run.sims) r.diverged = r.diverged || sim.divergence().diverged;
    r.playing = run.playing;
    r.embed = app.ui.embed;
    r.notice = app.ui.notice;
    r.data_error = app.ui.data_error;
    r.layout = app.ui.layout;
    r.css_width = app.display.css_width;
    r.css_height = app.display.css_height;
    r.pixel_ratio = app.display.pixel_ratio;
    r.framebuffer_width = app.display.framebuffer_width;
    r.framebuffer_height = app.display.framebuffer_height;
    r.font_px = app.frames > 0 ? ImGui::GetFontSize() : kTextPixels;
    r.theme = light_theme(app) ? "light" : "dark";
    r.coarse_pointer = app.reader.coarse_pointer;
    r.speed = run.steps_per_frame;
    r.frame_steps = app.stats.frame_steps;
    r.steps_per_second = app.stats.steps_per_second;
    r.simulation_ms = app.stats.frame_simulation_ms;
    r.frames = app.frames;
    r.active = app.active;
    r.preferred_height = preferred_height(app.ui.view, app.display.css_width);
    r.summary = figure_summary(app.ui.view, run);
    r.context_restores = app.gl_restores_done;
    return r;
}

}  // namespace

void init_app(App& app, GLFWwindow* window, const char* glsl_version, const PageAddress& address) {
    app.window = window;
    app.glsl_version = glsl_version;
    app.page_base = address.base;
    app.reader = read_reader_settings();
    app.heatmaps.init();  // on failure the recurrent view shows heatmaps.error()
    watch_gl_context(app.gl);
    const embed::SettingsResult settings = embed::parse_page_address(address.query, address.fragment);
    // A reader who prefers reduced motion gets a paused figure, unless the address asks to play.
    const bool playing = settings.state.autoplay && (settings.autoplay_given || !app.reader.reduced_motion);
    app.ui.motion_hint = settings.state.autoplay && !playing;
    for (View view : kAllViews) {
        ViewRun& run = app.runs[static_cast<size_t>(view_index(view))];
        const embed::ViewSetup setup = default_setup(view);
        run.sims.resize(view == View::Appendix ? 2 : view == View::Stabilizers ? embed::kStabilizerRuns : 1);
        run.steps_per_frame = setup.speed;
        if (view == View::Appendix) {
            run.step_limit = kAppendixSteps;
            run.weight_paths.resize(run.sims.size());
        }
        if (view == View::Stabilizers) {
            run.step_limit = embed::kStabilizerSteps;
            run.balance.emplace();
        }
        run.playing = playing;
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
    start.theme = settings.state.theme;
    if (std::string why = apply_changes(app, start); !why.empty())
        app.ui.notice += (app.ui.notice.empty() ? "" : "; ") + ("these settings cannot run (" + why + "): using the defaults");
    app.ui.select_view = true;
    serve_page_requests_with(serve_page, &app);
}

void frame(void* pointer) {
    App& app = *static_cast<App*>(pointer);

    // 1. Events and the reader's settings; out of view or without a context, nothing runs.
    glfwPollEvents();
    app.reader = read_reader_settings();
    const bool can_draw = keep_gl_context(app);
    app.active = can_draw && app.reader.visible;
    if (!app.active) {
        app.last_frame = Clock::now();  // the time away does not count as a slow frame
        serve_page(pointer);
        return;
    }

    // 2. The drawing surface, the theme and the layout, all from CSS pixels.
    app.display = fit_display(app.window);
    fit_theme(app);
    app.ui.layout = choose_layout(app.ui.embed, app.display.css_width, app.display.css_height);
    app.ui.compact = app.ui.layout.compact;

    // 3. The learning steps of the open view, within the frame's time budget.
    ViewRun& run = open_run(app);
    const Clock::time_point start = Clock::now();
    const long long steps =
        run.playing && !run.finished() ? advance_within(run, run.steps_per_frame, kFrameBudgetSeconds) : 0;
    const Clock::time_point stepped = Clock::now();
    app.stats.add_frame(steps, std::chrono::duration<double>(stepped - start).count(),
                        std::chrono::duration<double>(stepped - app.last_frame).count());
    app.last_frame = stepped;

    // 4. The UI: panels read the runs and return the changes they want.
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    match_imgui_display(app.window, app.display);
    Changes keys = keyboard_shortcuts(run);
    ImGui::NewFrame();
    app.ui.touch_targets.clear();
    ViewChanges requested = draw_ui(app.runs, app.stats, app.ui, app.heatmaps);
    ImGui::Render();

    // 5. The one place where runs change: keys and panels, then the page's requests.
    // (While the tab bar is still switching to ui.view, another tab may have drawn: its changes wait.)
    if (requested.view == app.ui.view) keys.merge(requested.changes);
    apply_changes(app, keys);
    serve_page_requests(app);

    // 6. Render (and save it as PNG when asked), and tell the page how the figure is doing.
    const ImVec4 page = colours().page;
    glViewport(0, 0, app.display.framebuffer_width, app.display.framebuffer_height);
    glClearColor(page.x, page.y, page.z, page.w);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (app.png_request) {
        save_view_png(*app.png_request);
        app.png_request.reset();
    }
    glfwSwapBuffers(app.window);
    app.frames += 1;
    publish_pointer_regions(app.ui.touch_targets, wheel_scrolls_figure());
    publish_status(status_json(report(app)));
}

void serve_page(void* pointer) {
    App& app = *static_cast<App*>(pointer);
    app.reader = read_reader_settings();  // between frames too: the status says whether the figure runs
    app.active = app.active && app.reader.visible && !app.gl.lost;
    serve_page_requests(app);
    publish_status(status_json(report(app)));
}

void shutdown_app(App& app) { app.heatmaps.shutdown(); }

}  // namespace hebbian::app
