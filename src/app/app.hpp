// The front end's whole state (one App) and the one frame function that drives it.
//
// main() creates the window and the ImGui context, calls init_app, then calls
// frame(&app) from a while loop natively, or hands it to
// emscripten_set_main_loop_arg(frame, &app, 0, true) on the web. A frame:
//   1. polls events and reads what the page says about the reader (in view? dark? touch?);
//      a figure out of view or without a GL context stops here, keeping its state,
//   2. fits the drawing surface (CSS size x devicePixelRatio), the theme and the layout,
//   3. runs the open view's learning steps: up to the speed asked for, within the frame's
//      time budget (kFrameBudgetSeconds, run_control.hpp),
//   4. draws the UI: panels read the runs and return the Changes they want,
//   5. applies those changes in one place (apply_changes, run_control.hpp), then serves
//      the page's requests (host messages, CSV files, pictures) through the same function,
//   6. renders (and saves the view as PNG when asked), and publishes the status JSON
//      and where touches and the wheel belong to the figure.
// The page's requests are also served between frames, at once (serve_page), so a figure
// whose frames the browser has stopped still answers its host.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>

#include "app/heatmap_renderer.hpp"
#include "app/page_bridge.hpp"
#include "app/platform.hpp"
#include "app/status_line.hpp"
#include "app/theme.hpp"
#include "app/ui_state.hpp"
#include "app/view_run.hpp"

struct GLFWwindow;

namespace hebbian::app {

struct App {
    GLFWwindow* window = nullptr;
    const char* glsl_version = "";         // what the GL renderer backend is started with
    std::array<ViewRun, kViewCount> runs;  // one per view, indexed by view_index()
    UiState ui;
    HeatmapRenderer heatmaps;
    FrameStats stats;
    Display display;                      // the drawing surface of the last drawn frame
    ReaderSettings reader;                // what the page said about the reader this frame
    std::optional<ThemeChoice> theme;     // the theme, fonts and sizes last built
    GlContextEvents gl;                   // the page's context lost / restored events
    int gl_losses_handled = 0;            // losses whose GL resources were released
    int gl_restores_done = 0;             // times every GL resource was rebuilt
    bool gl_released = false;             // GL resources are released, to rebuild once restored
    bool active = true;                   // the last frame simulated and drew
    long long frames = 0;                 // frames drawn
    std::chrono::steady_clock::time_point last_frame = std::chrono::steady_clock::now();
    std::string page_base;                  // the page's address without query, for links
    std::optional<std::string> png_request;  // file name: save the view as PNG once this frame is drawn
};

// Starts every view's default run, then applies the page address's settings (showing a
// notice for each value it had to correct). Needs the GL context.
// `glsl_version` is the one ImGui's OpenGL3 backend was initialised with.
void init_app(App& app, GLFWwindow* window, const char* glsl_version, const PageAddress& address);
// One frame; `app` is the App (the signature emscripten_set_main_loop_arg wants).
void frame(void* app);
// Serves the page's waiting requests now and publishes the status; `app` is the App.
void serve_page(void* app);
// Releases the app's GL resources, before the context goes.
void shutdown_app(App& app);

}  // namespace hebbian::app
