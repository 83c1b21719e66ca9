// The desktop window's side of platform.hpp: GLFW reports sizes and scale; no page, so
// the window is always visible, dark, used with a mouse, and its context never lost.
#include "app/platform.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "imgui.h"

namespace hebbian::app {

Display fit_display(GLFWwindow* window) {
    float scale_x = 1.0f, scale_y = 1.0f;
    glfwGetWindowContentScale(window, &scale_x, &scale_y);
    Display display;
    display.pixel_ratio = scale_x > 0.0f ? scale_x : 1.0f;
    glfwGetFramebufferSize(window, &display.framebuffer_width, &display.framebuffer_height);
    display.css_width = float(display.framebuffer_width) / display.pixel_ratio;
    display.css_height = float(display.framebuffer_height) / display.pixel_ratio;
    return display;
}

void match_imgui_display(GLFWwindow* window, const Display& display) {
    // GLFW reports the cursor in window coordinates: framebuffer / window size pixels each.
    int window_width = 0, window_height = 0;
    glfwGetWindowSize(window, &window_width, &window_height);
    ImGuiIO& io = ImGui::GetIO();
    const float to_layout = window_width > 0 ? float(display.framebuffer_width) / float(window_width) / display.pixel_ratio : 1.0f;
    if (io.MousePos.x != -FLT_MAX) io.MousePos = ImVec2(io.MousePos.x * to_layout, io.MousePos.y * to_layout);
    io.DisplaySize = ImVec2(display.css_width, display.css_height);
    io.DisplayFramebufferScale = ImVec2(display.pixel_ratio, display.pixel_ratio);
}

ReaderSettings read_reader_settings() { return {}; }

void watch_gl_context(GlContextEvents&) {}

}  // namespace hebbian::app
