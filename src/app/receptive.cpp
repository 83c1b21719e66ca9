// The receptive-fields view's numbers and pictures (see receptive.hpp).
#include "app/receptive.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/axis_scale.hpp"
#include "app/band.hpp"
#include "app/colour_map.hpp"

namespace hebbian::app {

namespace {

// The patch side of `sim`'s inputs: its image source's, else the side of a square N (0 if none).
int patch_side(const Simulation& sim) {
    if (const PatchSource* patches = sim.source().patches()) return patches->params().side;
    const int n = sim.inputs();
    const int side = static_cast<int>(std::lround(std::sqrt(double(n))));
    return side * side == n ? side : 0;
}

// `v` over its largest |entry| (a zero or non-finite vector becomes zeros).
Eigen::VectorXd over_largest(const Eigen::VectorXd& v, double& largest) {
    largest = v.cwiseAbs().maxCoeff();
    if (!(largest > 0.0) || !std::isfinite(largest)) return Eigen::VectorXd::Zero(v.size());
    return v / largest;
}

std::uint8_t byte(float channel) { return static_cast<std::uint8_t>(std::lround(std::clamp(channel, 0.0f, 1.0f) * 255)); }

// Paints `tiles` (k x N, entries in [-1, 1]) into the sheet from row `top`, `columns` a row.
void paint_grid(RgbaImage& sheet, const Eigen::MatrixXd& tiles, int side, int columns, int zoom, int top) {
    const int step = (side + 1) * zoom;
    for (Eigen::Index t = 0; t < tiles.rows(); ++t) {
        const int x0 = static_cast<int>(t % columns) * step, y0 = top + static_cast<int>(t / columns) * step;
        for (int j = 0; j < side; ++j)
            for (int i = 0; i < side; ++i) {
                const Rgb c = diverging_colour(colour_coordinate(tiles(t, j * side + i), 1.0));
                for (int dy = 0; dy < zoom; ++dy)
                    for (int dx = 0; dx < zoom; ++dx) {
                        const size_t at = 4 * (size_t(y0 + j * zoom + dy) * size_t(sheet.width) + size_t(x0 + i * zoom + dx));
                        sheet.pixels[at] = byte(c.r);
                        sheet.pixels[at + 1] = byte(c.g);
                        sheet.pixels[at + 2] = byte(c.b);
                        sheet.pixels[at + 3] = 255;
                    }
            }
    }
}

}  // namespace

std::vector<int> pair_components(const Eigen::MatrixXd& cosines, bool in_order) {
    const int k = static_cast<int>(cosines.rows()), m = static_cast<int>(cosines.cols());
    std::vector<int> paired(static_cast<size_t>(k), -1);
    if (in_order) {
        for (int i = 0; i < k; ++i) paired[static_cast<size_t>(i)] = std::min(i, m - 1);
        return paired;
    }
    std::vector<bool> taken(static_cast<size_t>(m), false);
    for (int round = 0; round < std::min(k, m); ++round) {
        int best_i = -1, best_j = -1;
        double best = -1.0;
        for (int i = 0; i < k; ++i) {
            if (paired[static_cast<size_t>(i)] >= 0) continue;
            for (int j = 0; j < m; ++j)
                if (!taken[static_cast<size_t>(j)] && cosines(i, j) > best) {
                    best = cosines(i, j);
                    best_i = i;
                    best_j = j;
                }
        }
        paired[static_cast<size_t>(best_i)] = best_j;
        taken[static_cast<size_t>(best_j)] = true;
    }
    return paired;
}

ReceptiveFields receptive_fields(const Simulation& sim) {
    ReceptiveFields fields;
    const FeedforwardCircuit* circuit = sim.feedforward();
    fields.side = patch_side(sim);
    if (!circuit || fields.side == 0) return fields;
    const WeightMatrix& w = circuit->weights();
    const PrincipalComponents& pcs = sim.components();
    const int k = static_cast<int>(w.rows()), n = static_cast<int>(w.cols());
    const int m = std::min(k, static_cast<int>(pcs.vectors.cols()));
    fields.eigenvalues = pcs.values.head(std::min<Eigen::Index>(std::max(2 * k, 8), pcs.values.size()));

    // |cos(w_i, v_j)| for the top m components: V_m^T w_i, O(k m N).
    const Eigen::MatrixXd projections = w * pcs.vectors.leftCols(m);  // k x m: w_i . v_j
    Eigen::MatrixXd cosines(k, m);
    for (int i = 0; i < k; ++i) {
        const double length = w.row(i).norm();
        for (int j = 0; j < m; ++j)
            cosines(i, j) = length > 0.0 && std::isfinite(length) ? std::abs(projections(i, j)) / length : 0.0;
    }
    const std::vector<int> paired = pair_components(cosines, sim.params().learning.rule == Rule::Sanger);

    fields.filters.resize(k, n);
    fields.components.resize(k, n);
    fields.pairs.resize(static_cast<size_t>(k));
    for (int i = 0; i < k; ++i) {
        FilterPair& pair = fields.pairs[static_cast<size_t>(i)];
        pair.component = paired[static_cast<size_t>(i)];
        const Eigen::VectorXd row = w.row(i).transpose();
        fields.filters.row(i) = over_largest(row, pair.scale).transpose();
        double ignored = 0.0;
        if (pair.component < 0) {  // more rows than components (k > N cannot run; kept safe)
            fields.components.row(i).setZero();
            continue;
        }
        pair.cosine = cosines(i, pair.component);
        const double sign = projections(i, pair.component) < 0.0 ? -1.0 : 1.0;
        fields.components.row(i) = over_largest(sign * pcs.vectors.col(pair.component), ignored).transpose();
        const double length2 = row.squaredNorm();
        pair.variance = length2 > 0.0 ? row.dot(sim.covariance() * row) / length2 : 0.0;
    }
    return fields;
}

Eigen::MatrixXd tile_strip(const Eigen::MatrixXd& tiles, int side) {
    const int k = static_cast<int>(tiles.rows());
    if (k == 0 || side <= 0) return Eigen::MatrixXd();
    Eigen::MatrixXd strip = Eigen::MatrixXd::Constant(side, k * (side + 1) - 1, kTileGap);
    for (int t = 0; t < k; ++t)
        for (int j = 0; j < side; ++j)
            for (int i = 0; i < side; ++i) strip(j, t * (side + 1) + i) = tiles(t, j * side + i);
    return strip;
}

RgbaImage filter_sheet(const ReceptiveFields& fields, int columns, int zoom) {
    RgbaImage sheet;
    const int k = static_cast<int>(fields.filters.rows()), p = fields.side;
    if (k == 0 || p == 0 || columns < 1 || zoom < 1) return sheet;
    columns = std::min(columns, k);
    const int rows = (k + columns - 1) / columns;
    const int step = (p + 1) * zoom;  // a tile and the gap after it
    const int grid_height = rows * step - zoom;
    const int between = std::max(2, p / 2) * zoom;  // the gap between the two grids
    sheet.width = columns * step - zoom;
    sheet.height = 2 * grid_height + between;
    sheet.pixels.assign(4 * size_t(sheet.width) * size_t(sheet.height), 0);  // transparent
    paint_grid(sheet, fields.filters, p, columns, zoom, 0);
    paint_grid(sheet, fields.components, p, columns, zoom, grid_height + between);
    return sheet;
}

TileGrid fit_tiles(int count, int side, float width, float height, int stacked, float row_extra) {
    TileGrid best;
    if (count < 1 || side < 1) return best;
    const float gap = 1.0f / float(side);  // in tiles
    for (int columns = 1; columns <= count; ++columns) {
        const int rows = (count + columns - 1) / columns;
        const float across = width / (float(columns) + float(columns - 1) * gap);
        const float down = (height - float(rows) * row_extra) /
                           (float(rows) * (float(stacked) + float(stacked - 1) * gap) + float(rows - 1) * gap);
        const float tile = std::max(0.0f, std::min(across, down));
        if (tile > best.tile) best = TileGrid{columns, rows, tile};
    }
    return best;
}

float grid_height(const TileGrid& grid, int side, int stacked, float row_extra) {
    const float gap = side > 0 ? grid.tile / float(side) : 0.0f;
    return float(grid.rows) * (float(stacked) * grid.tile + float(stacked - 1) * gap + row_extra) + float(grid.rows - 1) * gap;
}

GreyRange grey_range(const GreyImage& image) {
    std::vector<double> values;
    values.reserve(image.pixels.size());
    for (double v : image.pixels)
        if (std::isfinite(v)) values.push_back(v);
    if (values.empty()) return {};
    const auto at = [&values](double fraction) {
        const size_t index = static_cast<size_t>(std::lround(fraction * double(values.size() - 1)));
        std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index), values.end());
        return values[index];
    };
    GreyRange range{at(0.005), at(0.995)};
    if (!(range.hi > range.lo)) range = {range.lo - 0.5, range.lo + 0.5};
    return range;
}

Eigen::MatrixXd image_matrix(const GreyImage& image) {
    Eigen::MatrixXd m(image.height, image.width);
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) m(y, x) = image.pixels[size_t(y) * size_t(image.width) + size_t(x)];
    return m;
}

Picture picture_from_grey(int width, int height, const std::vector<std::uint8_t>& grey) {
    Picture picture;
    if (width < 1 || height < 1 || grey.size() != size_t(width) * size_t(height)) {
        picture.error = "the decoded image has no pixels";
        return picture;
    }
    if (width > kMaxImageExtent || height > kMaxImageExtent) {
        picture.error = "the image is larger than " + std::to_string(kMaxImageExtent) + " pixels a side";
        return picture;
    }
    GreyImage image;
    image.width = width;
    image.height = height;
    image.pixels.assign(grey.begin(), grey.end());
    standardise(image);
    picture.image = std::make_shared<const GreyImage>(std::move(image));
    return picture;
}

bool fields_due(const AnalysisRecord& last, long long generation, long long steps, double since_seconds) {
    if (last.generation != generation) return true;
    if (steps == last.step) return false;
    return since_seconds >= std::max(kLeastFieldsInterval, kAnalysisCostFactor * last.cost_seconds);
}

bool refresh_receptive(ReceptiveCache& cache, const Simulation& sim, long long generation,
                       std::chrono::steady_clock::time_point now) {
    if (cache.image_generation != generation) {
        cache.image_generation = generation;
        const PatchSource* patches = sim.source().patches();
        cache.image = patches ? image_matrix(patches->image()) : Eigen::MatrixXd();
        cache.grey = patches ? grey_range(patches->image()) : GreyRange{};
    }
    const double since = std::chrono::duration<double>(now - cache.time).count();
    if (!fields_due(cache.record, generation, sim.steps_done(), since)) return false;
    const auto start = std::chrono::steady_clock::now();
    cache.fields = receptive_fields(sim);
    cache.filter_strip = tile_strip(cache.fields.filters, cache.fields.side);
    cache.component_strip = tile_strip(cache.fields.components, cache.fields.side);
    cache.record = {generation, sim.steps_done(), std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
    cache.time = now;
    return true;
}

std::string receptive_source(const Simulation& sim) {
    const SimParams& p = sim.params();
    const int k = p.learning.outputs, side = p.source.patches.side;
    std::string text = std::to_string(k) + (k == 1 ? " filter (" : " filters (") + to_string(p.learning.rule) + ") on " +
                       std::to_string(side) + " x " + std::to_string(side) + " patches of " +
                       (p.source.kind == SourceKind::Picture ? std::string("the picture") : to_string(p.source.kind));
    if (p.source.patches.window_sigma > 0.0) text += ", window sigma " + format_number(p.source.patches.window_sigma);
    return text;
}

std::string receptive_status(const Simulation& sim, bool brief) {
    const History& h = sim.history();
    const int k = sim.params().learning.outputs;
    const std::vector<double>& series = k > 1 ? h.subspace_alignment : h.alignment;
    char value[16] = "n/a";
    if (!series.empty() && std::isfinite(series.back())) std::snprintf(value, sizeof value, "%.3f", series.back());
    if (brief)
        return k > 1 ? "subspace of PCs 1-" + std::to_string(k) + ": alignment " + value : std::string("|cos(w, PC1)| ") + value;
    const std::string step = "step " + std::to_string(sim.steps_done()) + ": ";
    if (k == 1) return step + "|cos(w, PC1)| " + std::string(value);
    // Sanger's stationary band, once it holds: ", inside the 90% band of single runs (0.983-0.995)".
    const std::string band =
        series.empty() ? "" : band_words(series.back(), last_subspace_alignment_band(h));
    return step + "alignment with the top " + std::to_string(k) + " PCs' subspace " + value +
           (band.empty() ? "" : ", " + band);
}

}  // namespace hebbian::app
