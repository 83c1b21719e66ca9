// Axis arithmetic for the plots, without drawing: data ranges that ignore non-finite
// values, when a series needs a log scale, "nice" tick positions and tick labels.
// Pure: no ImGui, so it can be unit-tested.
#pragma once

#include <string>
#include <vector>

namespace hebbian::app {

struct Range {
    double lo = 0.0, hi = 1.0;
    bool log = false;  // logarithmic axis (lo > 0)

    // Position of v along the axis in [0, 1] (outside when v is outside the range).
    double fraction(double v) const;
};

// Grows `range` to cover the finite values of `values` (positive ones only when log).
// Start from empty_range() to collect several series.
Range empty_range(bool log = false);
void include(Range& range, const std::vector<double>& values);
void include(Range& range, double value);
// Makes a usable axis from what include() collected: pads it, gives an empty or
// degenerate range a width, and falls back to [0, 1] (or [0.1, 10] when log).
Range finish(Range range, double padding = 0.05);

// True when positive data spans more than three decades: then |w| plots switch to log.
bool wants_log_scale(const std::vector<double>& values);

// About `target` round tick positions inside [lo, hi] (1, 2 or 5 times a power of ten;
// powers of ten on a log axis).
std::vector<double> ticks(const Range& range, int target);

// Short label: "0", "0.25", "-3", "1e+10".
std::string format_number(double v);

}  // namespace hebbian::app
