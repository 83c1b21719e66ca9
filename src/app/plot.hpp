// Small plots drawn with ImGui's draw lists (ImPlot is not available): a framed area
// with ticks, grid and axis labels, and lines (solid or dashed), arrows, points and
// markers in data coordinates. Used by every view.
//
//   Plot plot("|w|", size, x_range, y_range, "step",
//             {{"simulation", colours().blue}, {"theory", colours().foreground, Stroke::Dashed}});
//   plot.line(steps, norms, colours().blue);
//   plot.line(steps, predicted, colours().foreground, Stroke::Dashed);
//   plot.band(steps, low, high, colours().blue);   // shaded between two series
//
// The legend sits in the title row (or a row under it when it does not fit), never over the data.
#pragma once

#include <Eigen/Dense>
#include <string>
#include <vector>

#include "app/axis_scale.hpp"
#include "imgui.h"

namespace hebbian::app {

enum class Stroke { Solid, Dashed };

struct LegendEntry {
    const char* label;
    ImU32 colour;
    Stroke stroke = Stroke::Solid;
    bool shaded = false;  // a translucent swatch (a band drawn with Plot::band) instead of a line
    float width = 2.0f;   // the swatch line's width in UI pixels
};

// `colour` made translucent: the fill of a band.
ImU32 translucent(ImU32 colour);

class Plot {
public:
    // Places a plot of `size` at the cursor (as one ImGui item) and draws its frame and legend.
    Plot(const char* title, ImVec2 size, Range x, Range y, const char* x_label,
         const std::vector<LegendEntry>& legend = {});
    ~Plot();
    Plot(const Plot&) = delete;
    Plot& operator=(const Plot&) = delete;

    ImVec2 to_screen(double x, double y) const;

    void line(const std::vector<double>& xs, const std::vector<double>& ys, ImU32 colour,
              Stroke stroke = Stroke::Solid, float thickness = 1.5f);
    void line(const Eigen::VectorXd& ys, ImU32 colour, float thickness = 1.5f);  // x = 0, 1, 2, ...
    // Shades the area between the series `low` and `high` in translucent `colour`; a point where
    // either is not drawable (non-finite, or not positive on a log axis) leaves a gap.
    void band(const std::vector<double>& xs, const std::vector<double>& low, const std::vector<double>& high,
              ImU32 colour);
    // Shades the vertical strip x0 <= x <= x1 in translucent `colour`.
    void span(double x0, double x1, ImU32 colour);
    void segment(double x0, double y0, double x1, double y1, ImU32 colour, Stroke stroke = Stroke::Solid,
                 float thickness = 1.0f);
    void arrow(double x0, double y0, double x1, double y1, ImU32 colour, float thickness = 2.5f);
    void point(double x, double y, ImU32 colour, float radius = 2.0f);
    void label(double x, double y, ImU32 colour, const std::string& text);
    // A vertical line at x with `text` written beside it near the top (`row` lines lower).
    void marker(double x, ImU32 colour, const std::string& text, int row = 0);

private:
    ImDrawList* draw_;
    ImVec2 min_, max_;  // the data area on screen
    Range x_, y_;
    float unit_;  // one UI pixel scaled by the font size
};

// History steps as plot x values.
std::vector<double> as_x(const std::vector<long long>& steps);

// Two series as grouped bars (index on x, labelled `x_label`; value on y): a in colour_a, b in colour_b.
void bar_chart(const char* title, ImVec2 size, const Eigen::VectorXd& a, const Eigen::VectorXd& b,
               ImU32 colour_a, ImU32 colour_b, const std::vector<LegendEntry>& legend, const char* x_label);

// Polyline through screen points, dashed (dash length `dash`) or solid.
void stroke_path(ImDrawList* draw, const std::vector<ImVec2>& points, ImU32 colour, Stroke stroke,
                 float thickness, float dash);

}  // namespace hebbian::app
