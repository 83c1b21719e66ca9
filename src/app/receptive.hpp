// The receptive-fields view's numbers and pictures, without drawing: each learned filter
// (row i of W, a p x p patch) paired with the principal component of the patches it is
// compared with, the filters and components tiled for the heatmap shader, the sheet of them
// the page downloads as PNG, the image's grey range, the reader's picture, and when the
// view recomputes all this.
//
// Why the filters look as they do: patches of a stationary image have a covariance that
// depends only on the offset between two pixels (nearly Toeplitz), so its eigenvectors are
// close to Fourier modes, ordered by the power spectrum. Natural images fall like 1/f^2:
// low frequencies come first. A Gaussian window (Hancock, Baddeley and Smith 1992) makes
// the first component a centre blob, then the two first derivatives (one per orientation),
// then higher orders. Sanger's rule turns row i of W to PC_i; components with (nearly)
// equal eigenvalues, such as the two orientations of a gradient, may come out as any
// rotation of each other, so the view also compares whole subspaces.
//
// Cost: pairing O(k^2 N), the outputs' variances w^T C w O(k N^2); the eigenvectors are
// the simulation's own (computed once by reset). The view recomputes only when the run
// moved on and at most as often as fields_due allows.
// Pure: reads core runs, no ImGui, no GL, so the helpers' tests check it.
#pragma once

#include <Eigen/Dense>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/analysis_schedule.hpp"
#include "app/matrix_layout.hpp"
#include "core/image_patches.hpp"
#include "core/simulation.hpp"

namespace hebbian::app {

// One learned filter w_i (row i of W) and the principal component v_j it is compared with.
struct FilterPair {
    int component = 0;        // j, 0-based: Sanger pairs row i with PC i; other rules greedily by |cos|
    double cosine = 0.0;      // |cos(w_i, v_j)|
    double variance = 0.0;    // w_i^T C w_i / |w_i|^2: the output's variance per unit |w| (lambda_j once converged)
    double scale = 0.0;       // max_m |w_im|: the filter is drawn over [-scale, scale]
};

struct ReceptiveFields {
    int side = 0;                   // patch side p (N = p^2); 0 when the run's inputs are not square patches
    Eigen::MatrixXd filters;        // k x N: row i is w_i / max_m |w_im|, in [-1, 1] (a zero row stays 0)
    Eigen::MatrixXd components;     // k x N: row i is v_j of pairs[i], its sign that of w_i (w_i . v_j >= 0),
                                    // over its own max |v_jm|
    std::vector<FilterPair> pairs;  // one per filter
    Eigen::VectorXd eigenvalues;    // the first 2k (at least 8, at most N) eigenvalues of C, descending
};

// The component each row is paired with, from `cosines` (k x m, |cos(w_i, v_j)| for the top
// m >= k components): row i with component i when `in_order` (Sanger), else greedily, the
// largest |cos| among rows and components not yet paired first.
std::vector<int> pair_components(const Eigen::MatrixXd& cosines, bool in_order);

// The filters of `sim`'s first-layer weights against its covariance's components.
ReceptiveFields receptive_fields(const Simulation& sim);

// The rows of `tiles` (each a p x p patch in patch order, pixel (i, j) at j p + i) side by
// side as one p x (k (p + 1) - 1) matrix with a column of kTileGap between neighbours:
// entry (j, t (p + 1) + i) is tiles(t, j p + i), so row j of the matrix is row j of every tile.
Eigen::MatrixXd tile_strip(const Eigen::MatrixXd& tiles, int side);

// An RGBA8 picture, row by row from the top: pixel (x, y) at 4 (y width + x).
struct RgbaImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> pixels;
};

// The sheet the page downloads ("filters as PNG"): the learned filters in a grid of
// `columns`, under it their paired components in the same places, each patch pixel a block of
// `zoom` x `zoom`, each tile through the diverging map over its own range. One patch pixel
// of transparent gap between tiles, half a tile (at least two) between the grids.
RgbaImage filter_sheet(const ReceptiveFields& fields, int columns, int zoom);

// How `count` tiles of p x p pixels fill a width x height box (CSS px): `stacked` tiles above
// each other per cell (2: a filter over its component), `row_extra` px under each row (a
// line of text), a gap of one patch pixel (tile / p) between tiles and rows.
struct TileGrid {
    int columns = 1, rows = 1;
    float tile = 0.0f;  // the side of a tile in CSS px
};
// The number of columns that gives the largest tiles (the fewest rows among equals).
TileGrid fit_tiles(int count, int side, float width, float height, int stacked, float row_extra);
// The height such a grid takes (CSS px), for the same side, stacked and row_extra.
float grid_height(const TileGrid& grid, int side, int stacked, float row_extra);

// The grey levels an image is drawn between: its 0.5th and 99.5th percentiles, so that a
// few extreme pixels do not wash out the rest; a flat image gets a unit range around its level.
struct GreyRange {
    double lo = 0.0, hi = 1.0;
};
GreyRange grey_range(const GreyImage& image);
// The image as a matrix for the heatmap renderer: entry (y, x) is pixel (x, y), so row y
// of the matrix is row y of the image from the top.
Eigen::MatrixXd image_matrix(const GreyImage& image);

// The reader's picture as the page decoded it (width x height grey levels 0..255, row by
// row), standardised to pixel mean 0 and variance 1 like the generated images, so that one
// learning rate suits both (core standardise(), as the runner's --image). A flat picture is
// only shifted: the source then refuses it ("the image is constant").
struct Picture {
    std::shared_ptr<const GreyImage> image;  // null when `error` says why not
    std::string error;
};
Picture picture_from_grey(int width, int height, const std::vector<std::uint8_t>& grey);

// When the view recomputes its fields: for a new run at once; otherwise only once the run
// has moved on, and no sooner than kLeastFieldsInterval, nor than twenty times the last
// computation's cost after it (so it takes at most ~5% of the time, whatever N and k).
constexpr double kLeastFieldsInterval = 1.0 / 30.0;
bool fields_due(const AnalysisRecord& last, long long generation, long long steps, double since_seconds);

// What the view keeps between frames (UiState::receptive): the fields of its run as last
// computed, their tiles for the renderer, and the run's image as the renderer takes it.
struct ReceptiveCache {
    ReceptiveFields fields;
    Eigen::MatrixXd filter_strip, component_strip;  // tile_strip of fields.filters and .components
    AnalysisRecord record;                          // the run (generation) and step they are of, their cost
    std::chrono::steady_clock::time_point time;     // when they were computed
    long long image_generation = -1;                // the run whose image `image` holds
    Eigen::MatrixXd image;                          // image_matrix of the run's image (empty without one)
    GreyRange grey;                                 // its grey range
};

// Recomputes what is due (fields_due; the image once per run) for run `generation` of `sim`
// at time `now`; returns true when the fields were recomputed.
bool refresh_receptive(ReceptiveCache& cache, const Simulation& sim, long long generation,
                       std::chrono::steady_clock::time_point now);

// What the run learns from: "8 filters (sanger) on 8 x 8 patches of dead-leaves, window sigma 2".
std::string receptive_source(const Simulation& sim);

// One line on the run: "step 120000: alignment with the top 8 PCs' subspace 0.990, inside the 90%
// band of single runs (0.983-0.995)" (the band's words once Sanger's stationary band holds,
// none before), or for k = 1 "step 120000: |cos(w, PC1)| 0.990"; `brief`, without the band:
// "subspace of PCs 1-8: alignment 0.990" or "|cos(w, PC1)| 0.990".
std::string receptive_status(const Simulation& sim, bool brief = false);

}  // namespace hebbian::app
