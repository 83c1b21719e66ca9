// The front end's whole state (one App) and the one frame function that drives it.
//
// main() creates the window and the ImGui context, calls init_app, then calls
// frame(&app) from a while loop natively, or hands it to
// emscripten_set_main_loop_arg(frame, &app, 0, true) on the web. A frame:
//   1. polls events and fits the drawing surface to the page or window,
//   2. runs the open view's learning steps (the fixed work of the speed control), timed,
//   3. draws the UI: panels read the runs and return the Changes they want,
//   4. applies those changes in one place (apply_changes, run_control.hpp), then serves
//      the page's requests (host messages, CSV files) through the same function,
//   5. renders (and saves the view as PNG when asked), and publishes the status JSON.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>

#include "app/heatmap_renderer.hpp"
#include "app/page_bridge.hpp"
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
    std::string page_base;                  // the page's address without query, for links
    std::optional<std::string> png_request;  // file name: save the view as PNG once this frame is drawn
};

// Starts every view's default run, then applies the page address's settings (showing a
// notice for each value it had to correct). Needs the GL context.
void init_app(App& app, GLFWwindow* window, const PageAddress& address);
// One frame; `app` is the App (the signature emscripten_set_main_loop_arg wants).
void frame(void* app);
// Releases the app's GL resources, before the context goes.
void shutdown_app(App& app);

}  // namespace hebbian::app
