// Matrix-to-image layout helpers (see matrix_layout.hpp).
#include "app/matrix_layout.hpp"

#include <cmath>

namespace hebbian::app {

std::vector<float> row_major_floats(const Eigen::MatrixXd& m) {
    std::vector<float> flat(static_cast<size_t>(m.size()));
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        for (Eigen::Index j = 0; j < m.cols(); ++j) flat[static_cast<size_t>(i * m.cols() + j)] = float(m(i, j));
    return flat;
}

double symmetric_scale(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
    double largest = 0.0;
    for (const Eigen::MatrixXd* m : {&a, &b})
        for (Eigen::Index k = 0; k < m->size(); ++k)
            if (std::isfinite(m->data()[k])) largest = std::max(largest, std::abs(m->data()[k]));
    return largest > 0.0 ? largest : 1.0;
}

std::optional<Cell> cell_under(double x, double y, double width, double height, int rows, int cols) {
    if (!(x >= 0.0 && y >= 0.0 && x < width && y < height) || rows <= 0 || cols <= 0) return std::nullopt;
    return Cell{static_cast<int>(y / height * rows), static_cast<int>(x / width * cols)};
}

}  // namespace hebbian::app
