// Axis ranges, ticks and labels (see axis_scale.hpp).
#include "app/axis_scale.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace hebbian::app {

double Range::fraction(double v) const {
    if (log) return (std::log10(v) - std::log10(lo)) / (std::log10(hi) - std::log10(lo));
    return (v - lo) / (hi - lo);
}

Range empty_range(bool log) {
    const double inf = std::numeric_limits<double>::infinity();
    return Range{inf, -inf, log};
}

void include(Range& range, double value) {
    if (!std::isfinite(value) || (range.log && !(value > 0.0))) return;
    range.lo = std::min(range.lo, value);
    range.hi = std::max(range.hi, value);
}

void include(Range& range, const std::vector<double>& values) {
    for (double v : values) include(range, v);
}

Range finish(Range range, double padding) {
    if (!(range.lo <= range.hi)) return range.log ? Range{0.1, 10.0, true} : Range{0.0, 1.0, false};
    if (range.log) {
        double lo = std::log10(range.lo), hi = std::log10(range.hi);
        if (hi - lo < 1e-9) lo -= 0.5, hi += 0.5;
        const double pad = (hi - lo) * padding;
        return Range{std::pow(10.0, lo - pad), std::pow(10.0, hi + pad), true};
    }
    double lo = range.lo, hi = range.hi;
    if (hi - lo <= 1e-12 * std::max(1.0, std::abs(hi))) {
        const double half = std::max(0.5 * std::abs(hi), 0.5);
        lo -= half, hi += half;
    }
    const double pad = (hi - lo) * padding;
    return Range{lo - pad, hi + pad, false};
}

bool wants_log_scale(const std::vector<double>& values) {
    Range r = empty_range(true);
    include(r, values);
    return r.lo <= r.hi && r.hi > 1e3 * r.lo;
}

std::vector<double> ticks(const Range& range, int target) {
    std::vector<double> out;
    if (!(range.hi > range.lo) || target < 1) return out;
    if (range.log) {
        const int first = static_cast<int>(std::ceil(std::log10(range.lo) - 1e-9));
        const int last = static_cast<int>(std::floor(std::log10(range.hi) + 1e-9));
        const int every = std::max(1, (last - first + 1 + target - 1) / target);
        for (int e = first; e <= last; ++e)
            if ((e - first) % every == 0) out.push_back(std::pow(10.0, e));
        return out;
    }
    const double raw = (range.hi - range.lo) / target;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    for (double v = std::ceil(range.lo / step) * step; v <= range.hi + 1e-9 * step; v += step)
        out.push_back(std::abs(v) < 1e-12 * step ? 0.0 : v);
    return out;
}

std::string format_number(double v) {
    if (!std::isfinite(v)) return std::isnan(v) ? "n/a" : (v > 0 ? "inf" : "-inf");
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", v);
    return text;
}

}  // namespace hebbian::app
