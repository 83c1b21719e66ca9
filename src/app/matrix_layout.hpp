// How a matrix becomes an image, without GL: the flat order of the texture data, the
// symmetric colour scale, and which cell lies under the mouse. Pure, so the layout can
// be unit-tested with a non-symmetric matrix (a transpose would otherwise hide).
#pragma once

#include <Eigen/Dense>
#include <optional>
#include <vector>

namespace hebbian::app {

// An entry of a tiled matrix that marks the gap between two tiles (tile_strip in
// receptive.hpp): the heatmap shader draws it transparent.
constexpr double kTileGap = 1e30;

// Row-major float copy of m: element (i, j) sits at index i * cols + j. Uploaded as a
// cols x rows texture, row i of the matrix becomes texel row i, which the heatmap draws
// as the i-th row from the top. (Eigen itself stores column-major: never upload m.data().)
std::vector<float> row_major_floats(const Eigen::MatrixXd& m);

// The largest finite |entry| of either matrix, for a colour scale shared by both and
// centred on zero; 1 when both are all zero (or non-finite).
double symmetric_scale(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b);

struct Cell {
    int row = 0, col = 0;
};

// The cell of a rows x cols image drawn into a width x height rectangle that lies
// under the point (x, y), measured from the rectangle's top-left corner; none outside.
std::optional<Cell> cell_under(double x, double y, double width, double height, int rows, int cols);

}  // namespace hebbian::app
