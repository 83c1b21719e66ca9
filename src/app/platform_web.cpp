// The web page's side of platform.hpp: the canvas follows its CSS size times
// devicePixelRatio, and ImGui works in canvas pixels.
#include "app/platform.hpp"

#include <emscripten/html5.h>

#include <cmath>

#include "imgui.h"

namespace hebbian::app {

namespace {
constexpr const char* kCanvas = "#canvas";
}  // namespace

float display_scale(GLFWwindow*) {
    const double ratio = emscripten_get_device_pixel_ratio();
    return ratio > 0.0 ? static_cast<float>(ratio) : 1.0f;
}

FramebufferSize fit_framebuffer(GLFWwindow* window) {
    double css_width = 0.0, css_height = 0.0;
    emscripten_get_element_css_size(kCanvas, &css_width, &css_height);
    const double ratio = display_scale(window);
    const FramebufferSize wanted{static_cast<int>(std::lround(css_width * ratio)),
                                 static_cast<int>(std::lround(css_height * ratio))};
    FramebufferSize current;
    emscripten_get_canvas_element_size(kCanvas, &current.width, &current.height);
    if (wanted.width > 0 && wanted.height > 0 && (wanted.width != current.width || wanted.height != current.height)) {
        emscripten_set_canvas_element_size(kCanvas, wanted.width, wanted.height);
        return wanted;
    }
    return current;
}

void match_imgui_display(FramebufferSize framebuffer) {
    // GLFW on Emscripten reports mouse positions in canvas pixels, so ImGui works in them too.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(framebuffer.width), float(framebuffer.height));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
}

}  // namespace hebbian::app
