// ColorBrewer RdBu as a continuous diverging map, and the grey map (see colour_map.hpp).
#include "app/colour_map.hpp"

#include <algorithm>
#include <cmath>

namespace hebbian::app {

namespace {
// RdBu, 11 classes, from the negative (blue) end to the positive (red) end.
constexpr unsigned char kRdBu[11][3] = {{5, 48, 97},    {33, 102, 172}, {67, 147, 195}, {146, 197, 222},
                                        {209, 229, 240}, {247, 247, 247}, {253, 219, 199}, {244, 165, 130},
                                        {214, 96, 77},   {178, 24, 43},   {103, 0, 31}};
constexpr int kStops = 11;
}  // namespace

Rgb diverging_colour(double t) {
    if (!std::isfinite(t)) t = 0.5;
    const double position = std::clamp(t, 0.0, 1.0) * (kStops - 1);
    const int low = std::min(static_cast<int>(position), kStops - 2);
    const float f = static_cast<float>(position - low);
    auto mix = [&](int channel) {
        return ((1.0f - f) * kRdBu[low][channel] + f * kRdBu[low + 1][channel]) / 255.0f;
    };
    return {mix(0), mix(1), mix(2)};
}

double colour_coordinate(double value, double scale) {
    if (!std::isfinite(value) || !(scale > 0.0)) return 0.5;
    return std::clamp(0.5 + 0.5 * value / scale, 0.0, 1.0);
}

std::vector<std::uint8_t> diverging_table_rgba(int entries) {
    std::vector<std::uint8_t> table;
    table.reserve(static_cast<size_t>(entries) * 4);
    for (int i = 0; i < entries; ++i) {
        const Rgb c = diverging_colour(entries > 1 ? double(i) / (entries - 1) : 0.5);
        for (float channel : {c.r, c.g, c.b}) table.push_back(static_cast<std::uint8_t>(std::lround(channel * 255)));
        table.push_back(255);
    }
    return table;
}

std::vector<std::uint8_t> grey_table_rgba(int entries) {
    std::vector<std::uint8_t> table;
    table.reserve(static_cast<size_t>(entries) * 4);
    for (int i = 0; i < entries; ++i) {
        const auto level = static_cast<std::uint8_t>(entries > 1 ? std::lround(255.0 * i / (entries - 1)) : 128);
        table.insert(table.end(), {level, level, level, 255});
    }
    return table;
}

}  // namespace hebbian::app
