// Entry point of the Hebbian learning front end: a Dear ImGui app on GLFW + OpenGL,
// the same code as a web page (Emscripten, WebGL 2) and as a desktop window.
// The steps follow Dear ImGui's own examples; all state lives in the App (app.hpp).
//
//   web:     emcmake cmake --preset wasm && cmake --build build/wasm --target hebbian_app
//            then serve build/wasm/web (index.html?view=recurrent&alpha=3: see README, "Embedding")
//   native:  cmake --preset native && cmake --build build/native --target hebbian_app
//            ./build/native/src/app/hebbian_app "?view=appendix&seed=7"
#include <cstdio>
#include <memory>

#include "app/app.hpp"
#include "app/page_bridge.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#endif

namespace {
void report_glfw_error(int code, const char* description) { std::fprintf(stderr, "GLFW error %d: %s\n", code, description); }
}  // namespace

int main(int argc, char** argv) {
    // 1. Window and OpenGL context: ES 3.0 (WebGL 2) on the web, 3.3 core natively.
    glfwSetErrorCallback(report_glfw_error);
    if (!glfwInit()) return 1;
#ifdef __EMSCRIPTEN__
    const char* glsl_version = "#version 300 es";
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
#else
    const char* glsl_version = "#version 330 core";
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
#endif
    GLFWwindow* window = glfwCreateWindow(1280, 800, "Hebbian learning", nullptr, nullptr);
    if (!window) return 1;
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    // 2. Dear ImGui context. Nothing is written to files: no imgui.ini. Keyboard navigation
    //    (Tab, arrows, Enter); Space is the app's play / pause key (app.cpp).
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;

    // 3. Platform and renderer backends; Enter, not Space, presses the focused control.
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init(glsl_version);
    ImGui::GetIO().KeyMap[ImGuiKey_Space] = GLFW_KEY_ENTER;

    // 4. The app, and the loop that calls its frame function.
    auto app = std::make_unique<hebbian::app::App>();
    hebbian::app::init_app(*app, window, glsl_version, hebbian::app::startup_address(argc, argv));
#ifdef __EMSCRIPTEN__
    emscripten_set_main_loop_arg(hebbian::app::frame, app.get(), 0, true);  // never returns
#else
    while (!glfwWindowShouldClose(window)) hebbian::app::frame(app.get());
#endif

    // 5. Cleanup.
    hebbian::app::shutdown_app(*app);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
