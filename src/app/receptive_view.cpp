// The receptive-fields view (see receptive_view.hpp).
#include "app/receptive_view.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/band_plot.hpp"
#include "app/controls_panel.hpp"
#include "app/plot.hpp"
#include "app/receptive.hpp"
#include "app/theme.hpp"
#include "imgui.h"

namespace hebbian::app {

namespace {

const char* const kIntro =
    "A neuron that learns with a Hebbian rule extracts the principal components of what it sees. Fed small patches "
    "of an image, Sanger's neurons find the components of natural images: a centre blob, then edges in both "
    "orientations, then finer patterns (Hancock, Baddeley and Smith 1992). Hover a panel for why.";

const char* const kImageHelp =
    "The image the patches are cut from: dead leaves (occluding discs of power-law sizes, with edges at every "
    "scale), pink noise (a Gaussian field with a 1/f^2 power spectrum, no edges) or your own picture, its grey "
    "levels standardised. The outlined square is the patch the circuit saw last: every step cuts one at a random "
    "place.";

const char* const kFiltersHelp =
    "Each square is one output's weight vector w_i drawn as the p x p patch it is applied to (red positive, blue "
    "negative, each filter over its own largest |w|). Below it: the principal component of the patches it is "
    "paired with (its sign matched; Sanger pairs w_i with PC_i, other rules the closest one), and |cos| between "
    "the two.\n\n"
    "Why they look like this: the patches of a stationary image have a covariance that depends only on the offset "
    "between two pixels (nearly a Toeplitz matrix), so its eigenvectors are close to Fourier modes, ordered by the "
    "image's power spectrum. Natural images have power falling like 1/f^2: low frequencies carry the most "
    "variance and come first. With a Gaussian window the first component is a centre blob, then come the first "
    "derivatives in both orientations, then second-order operators, each order finer.\n\n"
    "Sanger's rule, dW = eta (y x^T - LT[y y^T] W), turns row i to PC_i; Oja's rule turns a single output to PC1. "
    "Components with (nearly) equal eigenvalues, such as the two orientations of a gradient, may come out as any "
    "rotation of one another: a low |cos| there is no failure. Compare the subspaces instead (the alignment plot).";

const char* const kSpectrumHelp =
    "The eigenvalues lambda_i of the patch covariance C (log scale), the first 2k of them (at least 8), and each output's "
    "variance per unit weight, w_i^T C w_i / |w_i|^2, as a dot at the component it is paired with: once w_i has "
    "turned to PC_i its dot sits on lambda_i. The dashed line separates the k components the outputs can hold.\n\n"
    "The power spectrum of natural images falls like 1/f^2, so the eigenvalues fall steeply; near-equal pairs are "
    "the two orientations of one pattern, and a subspace whose last eigenvalue nearly ties with the next one is "
    "ill-defined (its last filters may wander).";

const char* const kAlignmentHelp =
    "How well the outputs' weights span the top-k principal subspace: the mean squared cosine of the principal "
    "angles between the row space of W and the span of PC_1..PC_k (1: the same subspace). It does not care which "
    "filter holds which component, so it rises even when near-equal components mix. Dashed: |cos(w_1, PC1)|, the "
    "first filter against the first component.";

using Clock = std::chrono::steady_clock;

// `full` when it fits in `width` (CSS px), else `brief`.
const char* fitting(const char* full, const char* brief, float width) {
    return ImGui::CalcTextSize(full).x <= width ? full : brief;
}

HeatmapRenderer::Version fields_version(const ReceptiveCache& cache) { return {cache.record.generation, cache.record.step}; }

// A tile is at most this many text heights: a single filter does not fill a large screen.
constexpr float kLargestTile = 10.0f;

// Filters and components: the diverging map over [-1, 1] (each is scaled to its own range), gaps transparent.
const Shading kTileShading{ColourMap::Diverging, -1.0, 1.0, true, false};

// The image in a square of `side`, keeping its aspect, with the patch seen last outlined.
void draw_image(float side, const Simulation& sim, const ReceptiveCache& cache, HeatmapRenderer& heatmaps) {
    const ImVec2 corner = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(side, side));
    explain(kImageHelp);
    const PatchSource* patches = sim.source().patches();
    if (!patches || cache.image.size() == 0) return;
    const GreyImage& image = patches->image();
    const float scale = side / float(std::max(image.width, image.height));
    const ImVec2 size(scale * float(image.width), scale * float(image.height));
    const ImVec2 at(corner.x + 0.5f * (side - size.x), corner.y + 0.5f * (side - size.y));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImTextureID texture = heatmaps.draw(slot::kImage, cache.image,
                                              Shading{ColourMap::Grey, cache.grey.lo, cache.grey.hi, false, true},
                                              {cache.image_generation, -1});
    if (texture) draw->AddImage(texture, at, ImVec2(at.x + size.x, at.y + size.y));
    draw->AddRect(ImVec2(at.x - 1, at.y - 1), ImVec2(at.x + size.x + 1, at.y + size.y + 1), colours().axis);
    const int position = sim.source().last_patch_position();
    if (position < 0) return;
    const PixelPoint top_left = patches->top_left(position);
    const float p = float(patches->params().side) * scale;
    const ImVec2 a(at.x + float(top_left.x) * scale, at.y + float(top_left.y) * scale);
    const float thick = std::max(1.5f, ImGui::GetFontSize() / 7.0f);
    draw->AddRect(ImVec2(a.x - thick, a.y - thick), ImVec2(a.x + p + thick, a.y + p + thick), colours().vermillion, 0.0f,
                  0, thick);
}

// The text under a pair that fits in `width`: "PC3 0.98", "0.98" or nothing.
std::string pair_label(const FilterPair& pair, float width) {
    char full[32], brief[16];
    std::snprintf(full, sizeof full, "PC%d %.2f", pair.component + 1, pair.cosine);
    std::snprintf(brief, sizeof brief, "%.2f", pair.cosine);
    if (ImGui::CalcTextSize(full).x <= width) return full;
    if (ImGui::CalcTextSize(brief).x <= width) return brief;
    return "";
}

void pair_tooltip(int i, const ReceptiveFields& fields) {
    const FilterPair& pair = fields.pairs[static_cast<size_t>(i)];
    const int j = pair.component;
    const double lambda = j >= 0 && j < fields.eigenvalues.size() ? fields.eigenvalues(j) : std::nan("");
    ImGui::BeginTooltip();
    ImGui::Text("filter w_%d (drawn over +-%s, its largest |w|)", i + 1, format_number(pair.scale).c_str());
    ImGui::Text("paired with PC%d (lambda = %s), sign matched", j + 1, format_number(lambda).c_str());
    ImGui::Text("|cos(w_%d, PC%d)| = %.3f", i + 1, j + 1, pair.cosine);
    ImGui::Text("output variance w^T C w / |w|^2 = %s", format_number(pair.variance).c_str());
    ImGui::Separator();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36.0f);
    ImGui::TextUnformatted(kFiltersHelp);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// The learned filters in a grid that fills `box` (CSS px); with `components`, each filter
// over its paired component and |cos| under each pair. One texture per kind, drawn a row
// of tiles at a time (the strip's gaps keep the tiles apart). `centre`: in the middle of the
// box, else at its top left.
void draw_filter_grid(ImVec2 box, const ReceptiveCache& cache, HeatmapRenderer& heatmaps, bool components, bool centre) {
    const ReceptiveFields& fields = cache.fields;
    const int k = static_cast<int>(fields.filters.rows()), p = fields.side;
    if (k == 0 || p == 0) {
        ImGui::Dummy(box);
        return;
    }
    const float text = components ? ImGui::GetTextLineHeightWithSpacing() : 0.0f;
    // One pixel all round for the tiles' frames.
    const TileGrid grid = fit_tiles(k, p, box.x - 2, box.y - 2, components ? 2 : 1, text);
    const float tile = std::min(grid.tile, kLargestTile * ImGui::GetFontSize()), gap = tile / float(p);
    const float row_height = (components ? 2.0f * tile + gap : tile) + text;
    const ImTextureID filters = heatmaps.draw(slot::kFilters, cache.filter_strip, kTileShading, fields_version(cache));
    const ImTextureID paired =
        components ? heatmaps.draw(slot::kComponents, cache.component_strip, kTileShading, fields_version(cache)) : ImTextureID{};
    const float width = float(grid.columns) * tile + float(grid.columns - 1) * gap;
    const float height = float(grid.rows) * row_height + float(grid.rows - 1) * gap;
    const ImVec2 corner = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(std::max(width + 2, box.x), std::max(height + 2, box.y)));
    const float margin_x = centre ? 0.5f * std::max(box.x - width, 2.0f) : 1.0f;
    const float margin_y = centre ? 0.5f * std::max(box.y - height, 2.0f) : 1.0f;
    const ImVec2 origin(std::floor(corner.x + margin_x), std::floor(corner.y + margin_y));  // on a whole pixel
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float strip = float(cache.filter_strip.cols());
    int hovered_tile = -1;
    for (int row = 0; row < grid.rows; ++row) {
        const int first = row * grid.columns, count = std::min(grid.columns, k - first);
        const float y = origin.y + float(row) * (row_height + gap);
        const float u0 = float(first * (p + 1)) / strip, u1 = float((first + count) * (p + 1) - 1) / strip;
        const float x1 = origin.x + float(count) * tile + float(count - 1) * gap;
        if (filters) draw->AddImage(filters, ImVec2(origin.x, y), ImVec2(x1, y + tile), ImVec2(u0, 0), ImVec2(u1, 1));
        if (paired)
            draw->AddImage(paired, ImVec2(origin.x, y + tile + gap), ImVec2(x1, y + 2 * tile + gap), ImVec2(u0, 0),
                           ImVec2(u1, 1));
        for (int c = 0; c < count; ++c) {
            const int t = first + c;
            const float x = origin.x + float(c) * (tile + gap);
            // A thin frame: the map's near-white zero stays apart from a white page.
            draw->AddRect(ImVec2(x - 1, y - 1), ImVec2(x + tile + 1, y + tile + 1), colours().axis);
            if (components) {
                draw->AddRect(ImVec2(x - 1, y + tile + gap - 1), ImVec2(x + tile + 1, y + 2 * tile + gap + 1), colours().axis);
                // Centred under the pair, or from its left edge into the gap when wider than the tile.
                const std::string label = pair_label(fields.pairs[static_cast<size_t>(t)], tile + gap);
                const float w = ImGui::CalcTextSize(label.c_str()).x;
                draw->AddText(ImVec2(x + std::max(0.0f, 0.5f * (tile - w)), y + 2 * tile + gap + 1), colours().foreground,
                              label.c_str());
            }
            const ImVec2 mouse = ImGui::GetIO().MousePos;
            if (hovered && mouse.x >= x && mouse.x < x + tile + gap && mouse.y >= y && mouse.y < y + row_height) hovered_tile = t;
        }
    }
    if (hovered_tile >= 0)
        pair_tooltip(hovered_tile, fields);
    else
        explain(kFiltersHelp);  // between the tiles
}

// The first 2k eigenvalues of C (log scale) and each output's variance at its component.
void draw_spectrum(ImVec2 size, const ReceptiveCache& cache, int k, bool compact) {
    const ReceptiveFields& fields = cache.fields;
    const int m = static_cast<int>(fields.eigenvalues.size());
    Range y = empty_range(true);
    for (int i = 0; i < m; ++i) include(y, fields.eigenvalues(i));
    for (const FilterPair& pair : fields.pairs) include(y, pair.variance);
    compact = compact || size.x < 30 * ImGui::GetFontSize();
    const std::vector<LegendEntry> legend = {{"lambda_i", colours().foreground},
                                             {compact ? "w^T C w" : "w^T C w / |w|^2", colours().blue}};
    {
        Plot plot(fitting("eigenvalues of C (log scale) and each output's variance", "eigenvalues of C (log)", size.x), size,
                  Range{0.5, double(std::max(m, 1)) + 0.5, false}, finish(y, 0.1), compact ? "" : "component i", legend);
        std::vector<double> index(static_cast<size_t>(m)), values(static_cast<size_t>(m));
        for (int i = 0; i < m; ++i) {
            index[static_cast<size_t>(i)] = i + 1;
            values[static_cast<size_t>(i)] = fields.eigenvalues(i);
        }
        if (k < m) plot.segment(k + 0.5, y.lo, k + 0.5, y.hi * 10, colours().axis, Stroke::Dashed, 1.0f);
        plot.line(index, values, colours().foreground, Stroke::Solid, 1.0f);
        for (int i = 0; i < m; ++i) plot.point(i + 1, fields.eigenvalues(i), colours().foreground, 2.5f);
        for (const FilterPair& pair : fields.pairs) plot.point(pair.component + 1, pair.variance, colours().blue, 4.5f);
    }
    explain(kSpectrumHelp);
}

// The alignment of the learned subspace with the top-k PCs (k = 1: |cos(w, PC1)|) over time.
void draw_alignment(ImVec2 size, const Simulation& sim, bool compact) {
    const History& h = sim.history();
    const bool subspace = sim.params().learning.outputs > 1;
    const std::vector<double> x = as_x(h.step);
    compact = compact || size.x < 30 * ImGui::GetFontSize();
    std::vector<LegendEntry> legend;
    if (subspace) legend.push_back({compact ? "subspace" : "subspace of PCs 1-k", colours().blue});
    legend.push_back({compact ? "w_1" : "|cos(w_1, PC1)|", subspace ? colours().foreground : colours().blue,
                      subspace ? Stroke::Dashed : Stroke::Solid});
    // One output: |cos(w_1, PC1)|'s band of single runs; Sanger with k > 1: the subspace alignment's
    // (NaN, so not drawn, before the step it holds from).
    const bool band = subspace ? !h.subspace_alignment_low.empty() : !h.alignment_low.empty();
    if (band)
        for (const LegendEntry& entry : band_legend(colours().blue, compact)) legend.push_back(entry);
    {
        Plot plot(fitting("alignment with the principal components", "alignment", size.x), size,
                  Range{0.0, std::max(double(sim.steps_done()), 100.0), false}, Range{0.0, 1.05, false},
                  compact ? "" : "step", legend);
        if (subspace) {
            draw_single_runs(plot, x, h.subspace_alignment_low, h.subspace_alignment_typical,
                             h.subspace_alignment_high, colours().blue);
            plot.line(x, h.alignment, colours().foreground, Stroke::Dashed, 1.0f);
            plot.line(x, h.subspace_alignment, colours().blue, Stroke::Solid, 2.0f);
        } else {
            draw_single_runs(plot, x, h.alignment_low, h.alignment_typical, h.alignment_high, colours().blue);
            plot.line(x, h.alignment, colours().blue, Stroke::Solid, 2.0f);
        }
    }
    explain(kAlignmentHelp);
}

// A small iframe: one line on the run, then the filters as large as they fit.
void draw_small(const Simulation& sim, const ReceptiveCache& cache, HeatmapRenderer& heatmaps) {
    ImGui::TextUnformatted(receptive_status(sim, true).c_str());
    explain(kAlignmentHelp);
    draw_filter_grid(ImGui::GetContentRegionAvail(), cache, heatmaps, false, true);
}

// A screen held upright (a phone, a narrow page): the run's lines, the pairs (half the
// height), the image beside the alignment, the spectrum.
void draw_upright(const Simulation& sim, const ReceptiveCache& cache, HeatmapRenderer& heatmaps, bool intro) {
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::PushTextWrapPos(0.0f);
    if (intro) ImGui::TextUnformatted(kIntro);
    ImGui::TextUnformatted(receptive_status(sim, true).c_str());
    ImGui::TextDisabled("%s", receptive_source(sim).c_str());
    ImGui::PopTextWrapPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // The pairs as wide as they fit within half the height, and no taller than they need.
    const float text = ImGui::GetTextLineHeightWithSpacing();
    const int k = static_cast<int>(cache.fields.filters.rows()), p = cache.fields.side;
    TileGrid grid = fit_tiles(k, p, avail.x - 2, 0.5f * avail.y - 2, 2, text);
    grid.tile = std::min(grid.tile, kLargestTile * ImGui::GetFontSize());
    draw_filter_grid(ImVec2(avail.x, std::min(0.5f * avail.y, grid_height(grid, p, 2, text) + 2)), cache, heatmaps, true, true);
    const float rest = ImGui::GetContentRegionAvail().y;
    const float side = std::min(0.45f * avail.x, 0.5f * (rest - style.ItemSpacing.y));
    draw_image(side, sim, cache, heatmaps);
    ImGui::SameLine();
    draw_alignment(ImVec2(avail.x - side - style.ItemSpacing.x, side), sim, true);
    draw_spectrum(ImVec2(avail.x, ImGui::GetContentRegionAvail().y), cache, sim.params().learning.outputs, true);
}

// A page or a large embed: the image beside the pairs, the spectrum beside the alignment.
void draw_full(const Simulation& sim, const ReceptiveCache& cache, HeatmapRenderer& heatmaps, bool intro) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float font = ImGui::GetFontSize();
    if (intro) ImGui::TextWrapped("%s", kIntro);
    const std::string status = receptive_status(sim), source = "|  " + receptive_source(sim);
    ImGui::TextUnformatted(status.c_str());
    const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(status.c_str()).x - style.ItemSpacing.x;
    if (ImGui::CalcTextSize(source.c_str()).x <= room) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", source.c_str());
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // The top row gets a little over half the height (at least 12 lines), the plots the rest.
    const float top = std::max(0.55f * avail.y, 12.0f * font);
    const float title = ImGui::GetTextLineHeightWithSpacing();
    const float side = std::min(top - title, 0.38f * avail.x);
    ImGui::BeginGroup();
    ImGui::TextUnformatted("image, last patch outlined");
    draw_image(side, sim, cache, heatmaps);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    const float right = avail.x - side - style.ItemSpacing.x;
    ImGui::TextUnformatted(fitting("learned filters w_i, under each its principal component and |cos|",
                                   "filters over their PCs, |cos|", right));
    explain(kFiltersHelp);
    draw_filter_grid(ImVec2(right, top - title), cache, heatmaps, true, false);
    ImGui::EndGroup();
    const float rest = std::max(ImGui::GetContentRegionAvail().y, 10.0f * font);
    const float half = 0.5f * (avail.x - style.ItemSpacing.x);
    draw_spectrum(ImVec2(half, rest), cache, sim.params().learning.outputs, false);
    ImGui::SameLine();
    draw_alignment(ImVec2(half, rest), sim, false);
}

}  // namespace

Changes draw_receptive_view(const ViewRun& run, UiState& ui, HeatmapRenderer& heatmaps) {
    const Simulation& sim = run.primary();
    refresh_receptive(ui.receptive, sim, run.generation, Clock::now());
    if (!heatmaps.error().empty()) ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "%s", heatmaps.error().c_str());
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (avail.y > 1.3f * avail.x)
        draw_upright(sim, ui.receptive, heatmaps, !ui.embed && !ui.compact);
    else if (ui.compact)
        draw_small(sim, ui.receptive, heatmaps);
    else
        draw_full(sim, ui.receptive, heatmaps, !ui.embed);
    return {};
}

}  // namespace hebbian::app
