// The front end's whole state (one App) and the one frame function that drives it.
//
// main() creates the window and the ImGui context, calls init_app, then calls
// frame(&app) from a while loop natively, or hands it to
// emscripten_set_main_loop_arg(frame, &app, 0, true) on the web. A frame:
//   1. polls events and fits the drawing surface to the page or window,
//   2. runs the open view's learning steps (the fixed work of the speed control), timed,
//   3. draws the UI: panels read the runs and return the Changes they want,
//   4. applies those changes in one place (Simulation::reset / step),
//   5. renders, and publishes the status JSON for the page's script.
#pragma once

#include <array>
#include <chrono>

#include "app/heatmap_renderer.hpp"
#include "app/page_options.hpp"
#include "app/status_line.hpp"
#include "app/ui_state.hpp"
#include "app/view_run.hpp"

struct GLFWwindow;

namespace hebbian::app {

struct App {
    GLFWwindow* window = nullptr;
    std::array<ViewRun, kViewCount> runs;  // one per view, indexed by view_index()
    UiState ui;
    HeatmapRenderer heatmaps;
    FrameStats stats;
    float ui_scale = 0.0f;  // the display scale fonts and style were last built for
    std::chrono::steady_clock::time_point last_frame = std::chrono::steady_clock::now();
};

// Starts every view's default run and applies the page options. Needs the GL context.
void init_app(App& app, GLFWwindow* window, const PageOptions& options);
// One frame; `app` is the App (the signature emscripten_set_main_loop_arg wants).
void frame(void* app);
// Releases the app's GL resources, before the context goes.
void shutdown_app(App& app);

}  // namespace hebbian::app
