// The desktop window's side of platform.hpp: GLFW reports sizes and scale, no page.
#include "app/platform.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace hebbian::app {

float display_scale(GLFWwindow* window) {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(window, &x, &y);
    return x > 0.0f ? x : 1.0f;
}

FramebufferSize fit_framebuffer(GLFWwindow* window) {
    FramebufferSize size;
    glfwGetFramebufferSize(window, &size.width, &size.height);
    return size;
}

void match_imgui_display(FramebufferSize) {}

}  // namespace hebbian::app
