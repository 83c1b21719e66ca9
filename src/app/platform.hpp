// How the web page and the desktop window size and scale the drawing surface.
// platform_web.cpp (Emscripten) and platform_native.cpp implement it; the build compiles
// exactly one of them. What the page's script and the app exchange is in page_bridge.hpp.
//
// On the web the canvas is sized by CSS to fill the page; its backing store is kept at
// CSS size times devicePixelRatio, ImGui works in device pixels and the fonts and style
// are scaled by the same ratio, so text stays sharp on high-DPI screens.
#pragma once

struct GLFWwindow;

namespace hebbian::app {

struct FramebufferSize {
    int width = 0, height = 0;  // pixels
};

// Device pixels per layout unit: the page's devicePixelRatio, or the monitor's content scale.
float display_scale(GLFWwindow* window);

// Makes the drawing surface follow the page or window and returns its size in pixels.
FramebufferSize fit_framebuffer(GLFWwindow* window);

// After the GLFW backend's NewFrame: gives ImGui the display size it should use
// (web: the canvas in device pixels; native: what GLFW reported, unchanged).
void match_imgui_display(FramebufferSize framebuffer);

}  // namespace hebbian::app
