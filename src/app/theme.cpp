// The two themes and the style built from them (see theme.hpp).
#include "app/theme.hpp"

#include <algorithm>
#include <cmath>

#include "app/layout.hpp"
#include "app/palette.hpp"

namespace hebbian::app {

namespace {

ImU32 imgui_colour(Rgba c) { return IM_COL32(c.r, c.g, c.b, c.a); }

Palette imgui_palette(const PaletteColours& c) {
    return {imgui_colour(c.blue),   imgui_colour(c.orange),  imgui_colour(c.green),   imgui_colour(c.vermillion),
            imgui_colour(c.purple), imgui_colour(c.yellow),  imgui_colour(c.foreground), imgui_colour(c.samples),
            imgui_colour(c.axis),   imgui_colour(c.grid),    imgui_colour(c.plot_background), imgui_colour(c.warning),
            ImGui::ColorConvertU32ToFloat4(imgui_colour(c.page))};
}

// palette_colours' tables are constant-initialised, so these may be built from them.
const Palette kDark = imgui_palette(palette_colours(false));
const Palette kLight = imgui_palette(palette_colours(true));

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
