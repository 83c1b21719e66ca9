// Line and marker colours of the plots: the Okabe-Ito palette (colour-blind safe),
// plus the greys of axes and grid, as ImGui colours (IM_COL32 is ABGR-packed).
#pragma once

#include "imgui.h"

namespace hebbian::app::palette {

constexpr ImU32 kBlue = IM_COL32(86, 180, 233, 255);      // sky blue
constexpr ImU32 kOrange = IM_COL32(230, 159, 0, 255);
constexpr ImU32 kGreen = IM_COL32(0, 158, 115, 255);
constexpr ImU32 kVermillion = IM_COL32(213, 94, 0, 255);
constexpr ImU32 kPurple = IM_COL32(204, 121, 167, 255);
constexpr ImU32 kYellow = IM_COL32(240, 228, 66, 255);
constexpr ImU32 kWhite = IM_COL32(235, 235, 235, 255);
constexpr ImU32 kSamples = IM_COL32(160, 170, 190, 110);  // scatter points
constexpr ImU32 kAxis = IM_COL32(150, 150, 160, 255);
constexpr ImU32 kGrid = IM_COL32(255, 255, 255, 28);
constexpr ImU32 kPlotBackground = IM_COL32(22, 24, 30, 255);
constexpr ImU32 kWarning = IM_COL32(255, 120, 90, 255);

// The k-th of a cycle of distinguishable line colours.
inline ImU32 series_colour(int k) {
    constexpr ImU32 cycle[] = {kBlue, kOrange, kGreen, kPurple, kYellow, kVermillion};
    return cycle[static_cast<unsigned>(k) % 6];
}

}  // namespace hebbian::app::palette
