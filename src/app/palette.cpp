// The themes' colours and the WCAG contrast ratio (see palette.hpp).
#include "app/palette.hpp"

#include <algorithm>
#include <cmath>

namespace hebbian::app {

namespace {

const PaletteColours kDark{
    {86, 180, 233, 255},  {230, 159, 0, 255},   {0, 158, 115, 255}, {213, 94, 0, 255},  {204, 121, 167, 255},
    {240, 228, 66, 255},  {235, 235, 235, 255}, {160, 170, 190, 110}, {150, 150, 160, 255}, {255, 255, 255, 28},
    {22, 24, 30, 255},    {255, 120, 90, 255},  {20, 20, 26, 255}};

const PaletteColours kLight{
    {0, 114, 178, 255},   {178, 95, 0, 255},    {0, 122, 88, 255},  {190, 70, 0, 255},  {150, 60, 120, 255},
    {130, 105, 0, 255},   {30, 30, 30, 255},    {120, 130, 150, 120}, {85, 85, 85, 255}, {0, 0, 0, 22},
    {255, 255, 255, 255}, {180, 40, 20, 255},   {255, 255, 255, 255}};

double relative_luminance(Rgba c) {
    const auto linear = [](std::uint8_t v) {
        const double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

}  // namespace

const PaletteColours& palette_colours(bool light) { return light ? kLight : kDark; }

double contrast_ratio(Rgba a, Rgba b) {
    const double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace hebbian::app
