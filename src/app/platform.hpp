// How the web page and the desktop window size the drawing surface, and what the page
// tells the app about the reader's screen. platform_web.cpp (Emscripten) and
// platform_native.cpp implement it; the build compiles exactly one of them. Requests
// and files between the page's script and the app are in page_bridge.hpp.
//
// Dear ImGui works in CSS pixels (layout units): io.DisplaySize is the canvas's CSS
// size, io.DisplayFramebufferScale the device pixel ratio, and the mouse is converted to
// CSS pixels; the framebuffer stays at CSS size x devicePixelRatio, so text is sharp
// while every layout decision sees the same numbers at ratio 1, 2 and 3. Natively the
// layout unit is the window's content scale (1 on most Linux screens).
#pragma once

struct GLFWwindow;

namespace hebbian::app {

struct Display {
    float css_width = 0, css_height = 0;  // layout units (CSS px)
    float pixel_ratio = 1;                // device pixels per layout unit
    int framebuffer_width = 0, framebuffer_height = 0;
};

// Makes the drawing surface follow the page or window, and measures it.
Display fit_display(GLFWwindow* window);

// After the GLFW backend's NewFrame: gives ImGui the display in layout units and the
// mouse position in the same units.
void match_imgui_display(GLFWwindow* window, const Display& display);

// What the page says about the reader (web: page.js keeps these on Module; native: a
// visible window, dark, a mouse, no reduced motion).
struct ReaderSettings {
    bool visible = true;          // the figure is in view and its tab is shown
    bool prefers_dark = true;     // prefers-color-scheme: dark
    bool coarse_pointer = false;  // pointer: coarse (a finger)
    bool reduced_motion = false;  // prefers-reduced-motion: reduce
};
ReaderSettings read_reader_settings();

// The GL context's life: the page may take the context away (webglcontextlost) and give
// a new one back (webglcontextrestored); the app then rebuilds every GL resource.
struct GlContextEvents {
    bool lost = false;      // drawing is impossible until restored
    int losses = 0;         // counts webglcontextlost
    int restores = 0;       // counts webglcontextrestored
};
// Starts counting into `events` (which must outlive the window). Natively nothing happens.
void watch_gl_context(GlContextEvents& events);

}  // namespace hebbian::app
