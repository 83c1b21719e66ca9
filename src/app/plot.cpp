// Draw-list plots (see plot.hpp).
#include "app/plot.hpp"

#include <algorithm>
#include <cmath>

#include "app/theme.hpp"

namespace hebbian::app {

namespace {

// Screen coordinates far outside the window are clamped so that float stays finite.
constexpr float kFarAway = 1e5f;

float clamp_screen(double v) { return static_cast<float>(std::clamp(v, -double(kFarAway), double(kFarAway))); }

bool usable(const Range& r, double v) { return std::isfinite(v) && (!r.log || v > 0.0); }

// The opacity of a band's fill (of 255): light enough for lines and other bands to show through.
constexpr ImU32 kBandAlpha = 48;

// A filled quadrilateral a-b-c-d, drawn without anti-aliasing so that neighbouring quads of a
// translucent band meet without a seam.
void fill_quad(ImDrawList* draw, ImVec2 a, ImVec2 b, ImVec2 c, ImVec2 d, ImU32 colour) {
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    draw->PrimReserve(6, 4);
    draw->PrimQuadUV(a, b, c, d, uv, uv, uv, uv, colour);
}

}  // namespace

ImU32 translucent(ImU32 colour) { return (colour & ~IM_COL32_A_MASK) | (kBandAlpha << IM_COL32_A_SHIFT); }

void stroke_path(ImDrawList* draw, const std::vector<ImVec2>& points, ImU32 colour, Stroke stroke,
                 float thickness, float dash) {
    if (points.size() < 2) return;
    if (stroke == Stroke::Solid) {
        // Separate segments: ImGui's joined thick polylines break up at sharp zigzags.
        for (size_t k = 1; k < points.size(); ++k) draw->AddLine(points[k - 1], points[k], colour, thickness);
        return;
    }
    // Dashes of length `dash` separated by gaps of 0.7 dash, continued across vertices.
    const float gap = 0.7f * dash;
    float phase = 0.0f;  // distance into the current dash + gap period
    for (size_t k = 1; k < points.size(); ++k) {
        const ImVec2 a = points[k - 1], b = points[k];
        const float length = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
        float at = 0.0f;
        while (at < length) {
            const bool drawing = phase < dash;
            const float run = std::min(length - at, drawing ? dash - phase : dash + gap - phase);
            if (drawing) {
                const float t0 = at / length, t1 = (at + run) / length;
                draw->AddLine(ImVec2(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0),
                              ImVec2(a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1), colour, thickness);
            }
            at += run;
            phase += run;
            if (phase >= dash + gap) phase = 0.0f;
        }
    }
}

Plot::Plot(const char* title, ImVec2 size, Range x, Range y, const char* x_label,
           const std::vector<LegendEntry>& legend)
    : draw_(ImGui::GetWindowDrawList()), x_(x), y_(y), unit_(ImGui::GetFontSize() / 13.0f) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    size = ImVec2(std::max(size.x, 40.0f), std::max(size.y, 40.0f));
    ImGui::InvisibleButton(title, size);
    const float font = ImGui::GetFontSize();
    draw_->AddText(origin, colours().foreground, title);

    // Legend: after the title when the row has room, else in rows of their own under it
    // (as many as its entries need at this width).
    const float swatch = 1.6f * font, spacing = 1.2f * font, row_height = 1.15f * font;
    const auto entry_width = [&](const LegendEntry& e) {
        return swatch + 4 * unit_ + ImGui::CalcTextSize(e.label).x + spacing;
    };
    float legend_width = 0.0f;
    for (const LegendEntry& e : legend) legend_width += entry_width(e);
    const float title_width = ImGui::CalcTextSize(title).x + 2 * spacing;
    const bool own_row = legend.size() > 0 && title_width + legend_width > size.x;
    const float row_start = origin.x + 4 * unit_;
    ImVec2 at(own_row ? row_start : std::max(origin.x + title_width, origin.x + size.x - legend_width),
              origin.y + (own_row ? row_height : 0.0f));
    int rows = own_row ? 1 : 0;
    for (const LegendEntry& e : legend) {
        if (own_row && at.x > row_start && at.x + entry_width(e) - spacing > origin.x + size.x) {
            at = ImVec2(row_start, at.y + row_height);
            ++rows;
        }
        if (e.shaded)
            draw_->AddRectFilled(ImVec2(at.x, at.y + 0.2f * font), ImVec2(at.x + swatch, at.y + 0.9f * font),
                                 translucent(e.colour));
        else
            stroke_path(draw_, {ImVec2(at.x, at.y + 0.55f * font), ImVec2(at.x + swatch, at.y + 0.55f * font)},
                        e.colour, e.stroke, e.width * unit_, 4 * unit_);
        at.x += swatch + 4 * unit_;
        draw_->AddText(at, colours().axis, e.label);
        at.x += ImGui::CalcTextSize(e.label).x + spacing;
    }

    const float left = ImGui::CalcTextSize("-8.88e+88").x + 6 * unit_;
    min_ = ImVec2(origin.x + left, origin.y + (rows > 0 ? 2.6f + 1.15f * (rows - 1) : 1.5f) * font);
    const float right = 0.5f * ImGui::CalcTextSize("8888").x + 2 * unit_;  // room for the last x tick's label
    max_ = ImVec2(origin.x + size.x - right, origin.y + size.y - (x_label && *x_label ? 2.6f : 1.5f) * font);
    max_.x = std::max(max_.x, min_.x + 10), max_.y = std::max(max_.y, min_.y + 10);

    draw_->AddRectFilled(min_, max_, colours().plot_background);
    for (double t : ticks(y_, 5)) {
        const float sy = to_screen(x_.lo, t).y;
        draw_->AddLine(ImVec2(min_.x, sy), ImVec2(max_.x, sy), colours().grid);
        const std::string text = format_number(t);
        const ImVec2 extent = ImGui::CalcTextSize(text.c_str());
        draw_->AddText(ImVec2(min_.x - extent.x - 4 * unit_, sy - 0.5f * extent.y), colours().axis, text.c_str());
    }
    // Up to six x ticks, at least five characters' room apart.
    const int x_ticks = std::clamp(static_cast<int>((max_.x - min_.x) / (5.0f * font)), 2, 6);
    for (double t : ticks(x_, x_ticks)) {
        const float sx = to_screen(t, y_.lo).x;
        draw_->AddLine(ImVec2(sx, min_.y), ImVec2(sx, max_.y), colours().grid);
        const std::string text = format_number(t);
        const ImVec2 extent = ImGui::CalcTextSize(text.c_str());
        draw_->AddText(ImVec2(sx - 0.5f * extent.x, max_.y + 2 * unit_), colours().axis, text.c_str());
    }
    if (x_label && *x_label) {
        const ImVec2 extent = ImGui::CalcTextSize(x_label);
        draw_->AddText(ImVec2(0.5f * (min_.x + max_.x - extent.x), max_.y + 1.2f * font), colours().axis, x_label);
    }
    draw_->AddRect(min_, max_, colours().axis);
    draw_->PushClipRect(min_, max_, true);
}

Plot::~Plot() { draw_->PopClipRect(); }

ImVec2 Plot::to_screen(double x, double y) const {
    return ImVec2(clamp_screen(min_.x + x_.fraction(x) * (max_.x - min_.x)),
                  clamp_screen(max_.y - y_.fraction(y) * (max_.y - min_.y)));
}

void Plot::line(const std::vector<double>& xs, const std::vector<double>& ys, ImU32 colour, Stroke stroke,
                float thickness) {
    std::vector<ImVec2> run;  // consecutive drawable points; a gap (non-finite value) breaks the line
    const size_t count = std::min(xs.size(), ys.size());
    for (size_t k = 0; k <= count; ++k) {
        if (k < count && usable(x_, xs[k]) && usable(y_, ys[k])) {
            run.push_back(to_screen(xs[k], ys[k]));
            continue;
        }
        stroke_path(draw_, run, colour, stroke, thickness * unit_, 6 * unit_);
        run.clear();
    }
}

void Plot::line(const Eigen::VectorXd& ys, ImU32 colour, float thickness) {
    std::vector<double> xs(static_cast<size_t>(ys.size())), values(ys.data(), ys.data() + ys.size());
    for (size_t k = 0; k < xs.size(); ++k) xs[k] = double(k);
    line(xs, values, colour, Stroke::Solid, thickness);
}

void Plot::band(const std::vector<double>& xs, const std::vector<double>& low, const std::vector<double>& high,
                ImU32 colour) {
    const ImU32 fill = translucent(colour);
    const size_t count = std::min({xs.size(), low.size(), high.size()});
    const auto drawable = [&](size_t k) { return usable(x_, xs[k]) && usable(y_, low[k]) && usable(y_, high[k]); };
    // One quadrilateral between each two neighbouring points that are both drawable.
    for (size_t k = 1; k < count; ++k) {
        if (!drawable(k - 1) || !drawable(k)) continue;
        fill_quad(draw_, to_screen(xs[k - 1], high[k - 1]), to_screen(xs[k], high[k]), to_screen(xs[k], low[k]),
                  to_screen(xs[k - 1], low[k - 1]), fill);
    }
}

void Plot::span(double x0, double x1, ImU32 colour) {
    if (!usable(x_, x0) || !usable(x_, x1)) return;
    const float a = to_screen(x0, y_.lo).x, b = to_screen(x1, y_.lo).x;
    fill_quad(draw_, ImVec2(a, min_.y), ImVec2(b, min_.y), ImVec2(b, max_.y), ImVec2(a, max_.y), translucent(colour));
}

void Plot::segment(double x0, double y0, double x1, double y1, ImU32 colour, Stroke stroke, float thickness) {
    stroke_path(draw_, {to_screen(x0, y0), to_screen(x1, y1)}, colour, stroke, thickness * unit_, 6 * unit_);
}

void Plot::arrow(double x0, double y0, double x1, double y1, ImU32 colour, float thickness) {
    const ImVec2 a = to_screen(x0, y0), b = to_screen(x1, y1);
    const float dx = b.x - a.x, dy = b.y - a.y, length = std::sqrt(dx * dx + dy * dy);
    if (!(length > 1.0f)) return;
    const float ux = dx / length, uy = dy / length, head = std::min(12 * unit_, 0.4f * length);
    const ImVec2 base(b.x - ux * head, b.y - uy * head);
    draw_->AddLine(a, base, colour, thickness * unit_);
    draw_->AddTriangleFilled(b, ImVec2(base.x - uy * 0.5f * head, base.y + ux * 0.5f * head),
                             ImVec2(base.x + uy * 0.5f * head, base.y - ux * 0.5f * head), colour);
}

void Plot::point(double x, double y, ImU32 colour, float radius) {
    if (usable(x_, x) && usable(y_, y)) draw_->AddCircleFilled(to_screen(x, y), radius * unit_, colour, 8);
}

void Plot::label(double x, double y, ImU32 colour, const std::string& text) {
    if (usable(x_, x) && usable(y_, y)) draw_->AddText(to_screen(x, y), colour, text.c_str());
}

void Plot::marker(double x, ImU32 colour, const std::string& text, int row) {
    if (!usable(x_, x)) return;
    const float sx = to_screen(x, y_.lo).x;
    stroke_path(draw_, {ImVec2(sx, min_.y), ImVec2(sx, max_.y)}, colour, Stroke::Dashed, 1.5f * unit_, 4 * unit_);
    const ImVec2 extent = ImGui::CalcTextSize(text.c_str());
    // Written to the right of the line, or to its left when it would leave the plot (and never
    // past the plot's left edge).
    const float tx = sx + 4 * unit_ + extent.x < max_.x ? sx + 4 * unit_ : std::max(min_.x + 2 * unit_, sx - 4 * unit_ - extent.x);
    const ImVec2 at(tx, min_.y + (2.4f + 1.3f * float(row)) * ImGui::GetFontSize());
    // The label sits on a box of the plot's own background, so it reads over the lines in either theme.
    const ImU32 box = (colours().plot_background & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 220);
    draw_->AddRectFilled(ImVec2(at.x - 2, at.y - 1), ImVec2(at.x + extent.x + 2, at.y + extent.y + 1), box);
    draw_->AddText(at, colour, text.c_str());
}

std::vector<double> as_x(const std::vector<long long>& steps) { return {steps.begin(), steps.end()}; }

void bar_chart(const char* title, ImVec2 size, const Eigen::VectorXd& a, const Eigen::VectorXd& b,
               ImU32 colour_a, ImU32 colour_b, const std::vector<LegendEntry>& legend, const char* x_label) {
    Range y = empty_range();
    include(y, 0.0);
    for (const Eigen::VectorXd* v : {&a, &b})
        for (Eigen::Index i = 0; i < v->size(); ++i) include(y, (*v)(i));
    const Eigen::Index n = std::max(a.size(), b.size());
    Plot plot(title, size, Range{-0.5, double(n) - 0.5, false}, finish(y, 0.25), x_label, legend);
    const float half_gap = 0.5f * (plot.to_screen(1.0, 0.0).x - plot.to_screen(0.0, 0.0).x);
    const float bar = std::max(1.0f, 0.4f * half_gap);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (Eigen::Index i = 0; i < n; ++i) {
        const ImVec2 base = plot.to_screen(double(i), 0.0);
        if (i < a.size() && std::isfinite(a(i)))
            draw->AddRectFilled(ImVec2(base.x - bar, plot.to_screen(0, a(i)).y), ImVec2(base.x, base.y), colour_a);
        if (i < b.size() && std::isfinite(b(i)))
            draw->AddRectFilled(ImVec2(base.x, plot.to_screen(0, b(i)).y), ImVec2(base.x + bar, base.y), colour_b);
    }
    plot.segment(-0.5, 0.0, double(n) - 0.5, 0.0, colours().axis);
}

}  // namespace hebbian::app
