// The web page's side of platform.hpp: the canvas backing store follows its CSS size
// times devicePixelRatio; ImGui works in CSS pixels; the reader's settings come from
// page.js (Module.hebbianVisible, ...), the context's loss and return from the canvas.
#include "app/platform.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <cmath>

#include "imgui.h"

namespace hebbian::app {

namespace {

constexpr const char* kCanvas = "#canvas";

// A flag page.js keeps on Module: 0 visible, 1 prefers dark, 2 coarse pointer, 3 reduced motion.
// A flag not set yet reads as its default (-1 here).
EM_JS(int, module_flag, (int which), {
    var names = ['hebbianVisible', 'hebbianPrefersDark', 'hebbianCoarsePointer', 'hebbianReducedMotion'];
    var value = Module[names[which]];
    return value === undefined ? -1 : (value ? 1 : 0);
});

bool flag_or(int which, bool fallback) {
    const int value = module_flag(which);
    return value < 0 ? fallback : value == 1;
}

EM_BOOL on_context_lost(int, const void*, void* events) {
    auto& e = *static_cast<GlContextEvents*>(events);
    e.lost = true;
    e.losses += 1;
    return EM_TRUE;  // preventDefault: the browser may restore the context
}

EM_BOOL on_context_restored(int, const void*, void* events) {
    auto& e = *static_cast<GlContextEvents*>(events);
    e.lost = false;
    e.restores += 1;
    return EM_TRUE;
}

}  // namespace

Display fit_display(GLFWwindow*) {
    double css_width = 0.0, css_height = 0.0;
    emscripten_get_element_css_size(kCanvas, &css_width, &css_height);
    const double ratio = emscripten_get_device_pixel_ratio() > 0.0 ? emscripten_get_device_pixel_ratio() : 1.0;
    const int wanted_width = static_cast<int>(std::lround(css_width * ratio));
    const int wanted_height = static_cast<int>(std::lround(css_height * ratio));
    Display display;
    display.pixel_ratio = static_cast<float>(ratio);
    emscripten_get_canvas_element_size(kCanvas, &display.framebuffer_width, &display.framebuffer_height);
    if (wanted_width > 0 && wanted_height > 0 &&
        (wanted_width != display.framebuffer_width || wanted_height != display.framebuffer_height)) {
        emscripten_set_canvas_element_size(kCanvas, wanted_width, wanted_height);
        display.framebuffer_width = wanted_width;
        display.framebuffer_height = wanted_height;
    }
    display.css_width = float(display.framebuffer_width) / display.pixel_ratio;
    display.css_height = float(display.framebuffer_height) / display.pixel_ratio;
    return display;
}

void match_imgui_display(GLFWwindow*, const Display& display) {
    // GLFW on Emscripten reports the cursor in canvas (device) pixels.
    ImGuiIO& io = ImGui::GetIO();
    if (io.MousePos.x != -FLT_MAX)
        io.MousePos = ImVec2(io.MousePos.x / display.pixel_ratio, io.MousePos.y / display.pixel_ratio);
    io.DisplaySize = ImVec2(display.css_width, display.css_height);
    io.DisplayFramebufferScale = ImVec2(display.pixel_ratio, display.pixel_ratio);
}

ReaderSettings read_reader_settings() {
    ReaderSettings settings;
    settings.visible = flag_or(0, settings.visible);
    settings.prefers_dark = flag_or(1, settings.prefers_dark);
    settings.coarse_pointer = flag_or(2, settings.coarse_pointer);
    settings.reduced_motion = flag_or(3, settings.reduced_motion);
    return settings;
}

void watch_gl_context(GlContextEvents& events) {
    emscripten_set_webglcontextlost_callback(kCanvas, &events, EM_TRUE, on_context_lost);
    emscripten_set_webglcontextrestored_callback(kCanvas, &events, EM_TRUE, on_context_restored);
}

}  // namespace hebbian::app
