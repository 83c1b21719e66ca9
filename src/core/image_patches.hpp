// Image patches as the input of a Hebbian circuit: the receptive fields that principal
// component learning finds in natural images.
//
// Hancock, Baddeley and Smith (Network 3, 1992) found the principal components of small
// patches of photographs seen through a Gaussian window, as Sanger's rule learns them: the
// first is a centre blob, the next two are first-derivative operators in the two
// orientations, then come higher derivatives, each order a little finer than the last. A patch source here
// cuts p x p patches out of one grey image at uniformly random positions, processes them
// in a fixed order and hands them to the circuit as samples x of dimension N = p^2:
//
//     image  --position (x, y) drawn uniformly-->  p x p pixels r
//            --1. remove_mean: r - mean(r)-->  --2. window: w .* r-->  --3. unit_norm: r / |r|-->  x
//
// with the window w(i, j) = exp(-((i - c)^2 + (j - c)^2) / (2 sigma^2)), c = (p - 1) / 2.
// Patch pixel (i, j) (column i, row j of the patch) is entry j * p + i of x: the patch's
// rows one after another, the same row-major order as GreyImage's pixels.
//
// Because the patch distribution is uniform over the positions, the source knows its
// exact mean and covariance (population form over all positions), the ground truth the
// learned weights are compared with. Without unit_norm every processed patch is a linear
// map L of the raw pixels, so the covariance is L C_raw L^T, and C_raw comes from
// shifted products of the image summed over rectangles (summed-area tables): about
// 2 p^2 passes over the image instead of one p^2 x p^2 outer product per position.
// With unit_norm the map is not linear, and every position's patch is accumulated.
//
// Drawing costs one Rng::below a patch and O(p^2) arithmetic in a fixed order, so a seed
// gives bit-identical patches natively and in WebAssembly, however they are grouped.
#pragma once

#include <Eigen/Dense>
#include <string>
#include <vector>

#include "random.hpp"

namespace hebbian {

// A grey-level image: pixel (x, y), column x of row y, at pixels[y * width + x].
struct GreyImage {
    int width = 0;               // pixels per row (>= the patch side, <= kMaxImageExtent)
    int height = 0;              // rows (>= the patch side, <= kMaxImageExtent)
    std::vector<double> pixels;  // width * height grey levels, row by row (row-major)
};

constexpr int kMinPatchSide = 4;
constexpr int kMaxPatchSide = 16;
// The largest width or height of an image a patch source takes. The exact covariance with
// unit_norm costs (positions) N^2 / 2 multiply-adds: at 512 x 512 and p = 16, about 1.5 s
// natively and 2.5 s in WebAssembly (without unit_norm, about 0.13 s either way).
constexpr int kMaxImageExtent = 512;
// The largest |grey level| an image may hold: sums of squares over a patch or an image
// then stay finite.
constexpr double kMaxPixelMagnitude = 1e100;

struct PatchParams {
    int side = 8;               // patch side p in pixels (kMinPatchSide..kMaxPatchSide); N = p^2 inputs
    bool remove_mean = true;    // step 1: subtract each patch's own mean grey level
    double window_sigma = 0.0;  // step 2: Gaussian window's sigma in pixels (>= 0; 0 = no window)
    bool unit_norm = false;     // step 3: divide each patch by its length (an all-zero patch stays zero)
};

// Empty when the parameters are usable, otherwise one sentence naming the offending field.
std::string validate(const PatchParams& params);
// The same for an image to cut patches of params.side from (the parameters checked first):
// its size, its pixels' count and values, and whether it has any contrast at all.
std::string validate(const GreyImage& image, const PatchParams& params);

// The top-left pixel of a patch in its image.
struct PixelPoint {
    int x = 0;
    int y = 0;
};

class PatchSource {
public:
    // When validate(image, params) is not empty, the source keeps that message in error()
    // and gives no patches: dim() and position_count() are 0 and sample_block returns 0 rows.
    PatchSource(GreyImage image, const PatchParams& params);

    const std::string& error() const { return error_; }
    const GreyImage& image() const { return image_; }
    const PatchParams& params() const { return params_; }
    // N = p^2: patch pixel (i, j) is entry j * p + i (row-major within the patch).
    int dim() const { return static_cast<int>(mean_.size()); }
    // Positions are the (width - p + 1) (height - p + 1) top-left corners that keep the
    // patch inside the image, numbered row by row: position = y * (width - p + 1) + x.
    int position_count() const { return positions_x_ * positions_y_; }
    // The top-left pixel of the patch at `position`; (0, 0) for a position out of range.
    PixelPoint top_left(int position) const;

    // Exact mean and covariance of the processed patches over all positions (population form).
    const Eigen::VectorXd& mean() const { return mean_; }
    const Eigen::MatrixXd& covariance() const { return covariance_; }
    // The window's weights in patch order (empty without a window).
    const std::vector<double>& window() const { return window_; }

    // The processed patch at `position` (0..position_count() - 1) into out, which must have
    // size N (out is set to zeros for a position out of range or a size other than N).
    void patch_at(int position, Eigen::Ref<Eigen::VectorXd> out) const;
    // Fills the x.cols() columns of x (resized to N rows) with patches at positions drawn
    // uniformly, one rng.below(position_count()) a patch in column order; `positions`, when
    // given, receives them. m patches drawn in one block or in several are the same numbers.
    void sample_block(Rng& rng, Eigen::MatrixXd& x, int* positions = nullptr) const;

private:
    void write_patch(int position, double* out) const;
    // Mean and covariance from the raw pixels' shifted products (no unit_norm).
    void linear_moments();
    // Mean and covariance accumulated over every position's patch (unit_norm).
    void enumerated_moments();

    GreyImage image_;
    PatchParams params_;
    std::string error_;
    int positions_x_ = 0, positions_y_ = 0;
    std::vector<double> window_;
    Eigen::VectorXd mean_;
    Eigen::MatrixXd covariance_;
};

}  // namespace hebbian
