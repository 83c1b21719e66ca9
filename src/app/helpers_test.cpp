// Tests of the app's pure helpers (no GL, no ImGui): matrix-to-image
// layout (with a non-symmetric matrix, so a transpose cannot hide), colour map, axis
// ticks, the mean-field alignment curve, the amplification analysis and the status JSON.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest.h>

#include <cmath>
#include <limits>

#include "app/amplification_analysis.hpp"
#include "app/axis_scale.hpp"
#include "app/colour_map.hpp"
#include "app/explosion.hpp"
#include "app/matrix_layout.hpp"
#include "app/predictions.hpp"
#include "app/status_json.hpp"
#include "app/view.hpp"

using namespace hebbian;
using namespace hebbian::app;

TEST_CASE("row-major layout puts matrix row i in texture row i") {
    Eigen::MatrixXd m(2, 3);
    m << 1, 2, 3,
         4, 5, 6;  // not symmetric, not square
    const std::vector<float> flat = row_major_floats(m);
    REQUIRE(flat.size() == 6);
    CHECK(flat[0] == 1);
    CHECK(flat[1] == 2);  // (0, 1): the next texel along the first row
    CHECK(flat[3] == 4);  // (1, 0): the start of the second row
    CHECK(flat[5] == 6);
}

TEST_CASE("the cell under the mouse counts rows downwards and columns rightwards") {
    const auto cell = cell_under(/*x=*/250, /*y=*/10, /*width=*/300, /*height=*/200, /*rows=*/2, /*cols=*/3);
    REQUIRE(cell);
    CHECK(cell->row == 0);
    CHECK(cell->col == 2);
    CHECK_FALSE(cell_under(-1, 10, 300, 200, 2, 3));
    CHECK_FALSE(cell_under(10, 200, 300, 200, 2, 3));
}

TEST_CASE("the colour scale is symmetric and the map is zero-centred") {
    Eigen::MatrixXd a(1, 2), b(1, 1);
    a << -3, 1;
    b << std::numeric_limits<double>::quiet_NaN();
    CHECK(symmetric_scale(a, b) == 3);
    CHECK(colour_coordinate(0, 3) == doctest::Approx(0.5));
    CHECK(colour_coordinate(-3, 3) == 0);
    CHECK(colour_coordinate(30, 3) == 1);
    const Rgb zero = diverging_colour(0.5), low = diverging_colour(0), high = diverging_colour(1);
    CHECK(zero.r > 0.9f);  // near white
    CHECK(low.b > low.r);   // negative: blue
    CHECK(high.r > high.b); // positive: red
    CHECK(diverging_table_rgba(256).size() == 256 * 4);
}

TEST_CASE("ticks and ranges") {
    Range r = empty_range();
    include(r, std::vector<double>{0.0, 1.0, std::numeric_limits<double>::infinity()});
    r = finish(r, 0.0);
    CHECK(r.lo == 0);
    CHECK(r.hi == 1);
    const std::vector<double> t = ticks(r, 5);
    REQUIRE(t.size() == 6);
    CHECK(t[1] == doctest::Approx(0.2));
    CHECK(ticks(Range{0.5, 2e4, true}, 5) == std::vector<double>{1, 10, 100, 1000, 10000});
    CHECK(wants_log_scale({1.0, 2e3}));
    CHECK_FALSE(wants_log_scale({1.0, 500.0}));
    CHECK(format_number(std::nan("")) == "n/a");
}

TEST_CASE("mean-field alignment: decay turns w to PC1, at any alpha") {
    PrincipalComponents pcs{Eigen::Vector2d(1.0, 0.25), Eigen::Matrix2d::Identity()};
    const Eigen::Vector2d w0(0.1, 0.1);
    CHECK(predicted_alignment(pcs, w0, 0.01, 1.0, 0.0) == doctest::Approx(std::sqrt(0.5)));
    CHECK(predicted_alignment(pcs, w0, 0.01, 1.0, 5000.0) == doctest::Approx(1.0).epsilon(1e-6));
    CHECK(predicted_alignment(pcs, w0, 0.1, 0.0, 1e6) == doctest::Approx(1.0));  // Hebb, |w| overflows
}

TEST_CASE("explosion step: first step past 1000 |w_0|") {
    History h;
    h.step = {0, 1, 2, 3};
    h.norm = {0.1, 1.0, 100.1, 1e9};
    CHECK(explosion_step(h) == 2);
    h.norm = {0.1, 0.2, 0.1, 0.2};
    CHECK_FALSE(explosion_step(h));
}

TEST_CASE("the recurrent circuit lowers the spurious share of a latent source") {
    // The amplification view's own starting run: latent N = 16, alpha = 1.25 lambda_1.
    const SimParams p = embed::default_setup(View::Amplification).params;
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    REQUIRE(p.learning.alpha == doctest::Approx(1.25 * sim.components().values(0)));
    sim.step(3000);
    const StreamAmplification a = analyse_stream(sim, 3);
    REQUIRE(a.defined);
    CHECK(a.raw.size() == a.output.size());
    CHECK(a.mean_spurious_after < a.mean_spurious_before - 0.2);
    CHECK(a.mean_correlation_after > a.mean_correlation_before + 0.2);
    CHECK(correlation(Eigen::Vector3d(1, 2, 3), Eigen::Vector3d(2, 4, 6)) == doctest::Approx(1.0));
}

TEST_CASE("status JSON writes non-finite numbers as null") {
    StatusReport r;
    r.view = View::Recurrent;
    r.steps = 12;
    r.alignment = std::nan("");
    CHECK(status_json(r) == R"({"view":"recurrent","steps":12,"alignment":null,"diverged":false,"playing":false,)"
                            R"("embed":false,"notice":null,"data_error":null})");
    r.alignment = 0.5;
    CHECK(status_json(r).find(R"("alignment":0.5)") != std::string::npos);
}

TEST_CASE("status JSON quotes the notice and the CSV error") {
    StatusReport r;
    r.notice = "eta=\"x\": not a number; using 0.01";
    r.data_error = "a.csv: line 2, column 3: not a number";
    const std::string json = status_json(r);
    CHECK(json.find(R"("notice":"eta=\"x\": not a number; using 0.01")") != std::string::npos);
    CHECK(json.find(R"("data_error":"a.csv: line 2, column 3: not a number")") != std::string::npos);
}
