// The two themes and the style built from them (see theme.hpp).
#include "app/theme.hpp"

#include <algorithm>
#include <cmath>

#include "app/layout.hpp"

namespace hebbian::app {

namespace {

const Palette kDark{
    IM_COL32(86, 180, 233, 255),  IM_COL32(230, 159, 0, 255),   IM_COL32(0, 158, 115, 255),
    IM_COL32(213, 94, 0, 255),    IM_COL32(204, 121, 167, 255), IM_COL32(240, 228, 66, 255),
    IM_COL32(235, 235, 235, 255), IM_COL32(160, 170, 190, 110), IM_COL32(150, 150, 160, 255),
    IM_COL32(255, 255, 255, 28),  IM_COL32(22, 24, 30, 255),    IM_COL32(255, 120, 90, 255),
    ImVec4(0.08f, 0.08f, 0.10f, 1.0f)};

const Palette kLight{
    IM_COL32(0, 114, 178, 255),   IM_COL32(178, 95, 0, 255),    IM_COL32(0, 122, 88, 255),
    IM_COL32(190, 70, 0, 255),    IM_COL32(150, 60, 120, 255),  IM_COL32(130, 105, 0, 255),
    IM_COL32(30, 30, 30, 255),    IM_COL32(120, 130, 150, 120), IM_COL32(85, 85, 85, 255),
    IM_COL32(0, 0, 0, 22),        IM_COL32(255, 255, 255, 255), IM_COL32(180, 40, 20, 255),
    ImVec4(1.0f, 1.0f, 1.0f, 1.0f)};

}  // namespace

const Palette& palette_for(bool light) { return light ? kLight : kDark; }

const Palette& colours() {
    const void* palette = ImGui::GetIO().UserData;
    return palette ? *static_cast<const Palette*>(palette) : kDark;
}

ImU32 series_colour(int k) {
    const Palette& p = colours();
    const ImU32 cycle[] = {p.blue, p.orange, p.green, p.purple, p.yellow, p.vermillion};
    return cycle[static_cast<unsigned>(k) % 6];
}

void apply_theme(const ThemeChoice& choice) {
    ImGuiIO& io = ImGui::GetIO();
    io.UserData = const_cast<Palette*>(&palette_for(choice.light));

    // The pixel font at a whole multiple of its 13 px design size, shown at 13 CSS px.
    const float atlas_scale = std::max(1.0f, std::round(choice.pixel_ratio));
    io.Fonts->Clear();
    ImFontConfig font;
    font.SizePixels = kTextPixels * atlas_scale;
    io.Fonts->AddFontDefault(&font);
    io.FontGlobalScale = 1.0f / atlas_scale;

    ImGuiStyle style;
    if (choice.light) {
        ImGui::StyleColorsLight(&style);
        style.Colors[ImGuiCol_WindowBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
        style.Colors[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 0.0f);
        style.Colors[ImGuiCol_TextDisabled] = ImVec4(0.36f, 0.36f, 0.36f, 1.0f);  // 7:1 on white
        style.Colors[ImGuiCol_Border] = ImVec4(0.0f, 0.0f, 0.0f, 0.18f);
        // Sliders, fields and combos on a light grey, so they read as controls on the white page.
        style.Colors[ImGuiCol_FrameBg] = ImVec4(0.90f, 0.91f, 0.93f, 1.0f);
        style.Colors[ImGuiCol_FrameBgHovered] = ImVec4(0.84f, 0.88f, 0.95f, 1.0f);
        style.Colors[ImGuiCol_FrameBgActive] = ImVec4(0.76f, 0.84f, 0.95f, 1.0f);
    } else {
        ImGui::StyleColorsDark(&style);
        style.Colors[ImGuiCol_TextDisabled] = ImVec4(0.62f, 0.62f, 0.62f, 1.0f);  // 6:1 on the dark page
    }
    style.Colors[ImGuiCol_NavHighlight] = choice.light ? ImVec4(0.0f, 0.36f, 0.75f, 1.0f) : ImVec4(1.0f, 0.78f, 0.2f, 1.0f);
    style.WindowPadding = ImVec2(10, 8);
    style.FrameRounding = 3.0f;
    if (choice.coarse_pointer) {
        // Frames (buttons, sliders, combos) kTouchTargetPixels tall, more room between them.
        style.FramePadding = ImVec2(10.0f, 0.5f * (kTouchTargetPixels - kTextPixels));
        style.ItemSpacing = ImVec2(10.0f, 8.0f);
        style.GrabMinSize = 24.0f;
        style.ScrollbarSize = 20.0f;
        style.TouchExtraPadding = ImVec2(2.0f, 2.0f);
    }
    ImGui::GetStyle() = style;
}

}  // namespace hebbian::app
