// The diverging, zero-centred colour map of the heatmaps and their colour bars, and the
// grey map of images.
//
// ColorBrewer's RdBu (11 classes, flagged colour-blind safe), ordered so that negative
// values are blue, zero is near-white and positive values are red; linear interpolation
// between the 11 colours. The heatmap shader looks colours up in a texture built from
// diverging_table_rgba(), and the colour bar drawn by ImGui uses diverging_colour(), so
// both show the same map. Pure: no GL, no ImGui.
#pragma once

#include <cstdint>
#include <vector>

namespace hebbian::app {

struct Rgb {
    float r = 0, g = 0, b = 0;  // each in [0, 1]
};

// t in [0, 1] (clamped): 0 is the most negative value, 0.5 zero, 1 the most positive.
Rgb diverging_colour(double t);

// Where `value` falls on a symmetric scale [-scale, scale]: 0.5 + 0.5 * value / scale, clamped.
double colour_coordinate(double value, double scale);

// `entries` RGBA8 texels, left (t = 0) to right (t = 1): a one-row texture of the map.
std::vector<std::uint8_t> diverging_table_rgba(int entries);

// The grey map of images: t = 0 black to t = 1 white, linear in the sRGB values, as a
// one-row texture of `entries` RGBA8 texels.
std::vector<std::uint8_t> grey_table_rgba(int entries);

}  // namespace hebbian::app
