// Tests of the app's pure helpers (no GL, no ImGui): matrix-to-image
// layout (with a non-symmetric matrix, so a transpose cannot hide), colour map, axis
// ticks, the explosion marker, the layout chosen from CSS pixels, the figure's one-sentence summary, the
// stabilizers' table and the status JSON.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest.h>

#include <cmath>
#include <iterator>
#include <limits>

#include "app/axis_scale.hpp"
#include "app/analysis_schedule.hpp"
#include "app/colour_map.hpp"
#include "app/explosion.hpp"
#include "app/figure_summary.hpp"
#include "app/layout.hpp"
#include "app/matrix_layout.hpp"
#include "app/palette.hpp"
#include "app/stabilizers.hpp"
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

TEST_CASE("explosion step: first step past 1000 |w_0|") {
    History h;
    h.step = {0, 1, 2, 3};
    h.norm = {0.1, 1.0, 100.1, 1e9};
    CHECK(explosion_step(h) == 2);
    h.norm = {0.1, 0.2, 0.1, 0.2};
    CHECK_FALSE(explosion_step(h));
}

TEST_CASE("status JSON writes non-finite numbers as null") {
    StatusReport r;
    r.view = View::Recurrent;
    r.steps = 12;
    r.alignment = std::nan("");
    CHECK(status_json(r).rfind(R"({"view":"recurrent","steps":12,"alignment":null,"diverged":false,"playing":false,)"
                               R"("embed":false,"notice":null,"data_error":null,"layout":"wide","compact":false,)", 0) == 0);
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

TEST_CASE("status JSON reports the layout, the display and the frame budget") {
    StatusReport r;
    r.layout = choose_layout(true, 320, 240);
    r.css_width = 320;
    r.css_height = 240;
    r.pixel_ratio = 3;
    r.framebuffer_width = 960;
    r.framebuffer_height = 720;
    r.font_px = 13;
    r.theme = "light";
    r.speed = 5000;
    r.frame_steps = 812;
    r.simulation_ms = 9.75;
    r.preferred_height = 264;
    r.summary = "Feedforward, step 3: \"quoted\"";
    const std::string json = status_json(r);
    for (const char* part : {R"("layout":"embed","compact":true,"css_width":320,"css_height":240,"pixel_ratio":3,)",
                             R"("framebuffer_width":960,"framebuffer_height":720,"font_px":13,"theme":"light",)",
                             R"("speed":5000,"frame_steps":812,"simulation_ms":9.75,)",
                             R"("preferred_height":264,"summary":"Feedforward, step 3: \"quoted\"","context_restores":0})"})
        CHECK_MESSAGE(json.find(part) != std::string::npos, part);
}

TEST_CASE("the layout follows the CSS size, whatever the pixel ratio") {
    // The same CSS sizes the browser suite uses; the ratio never enters.
    CHECK(choose_layout(false, 1280, 800).mode == LayoutMode::Wide);
    CHECK_FALSE(choose_layout(false, 1280, 800).compact);
    CHECK(choose_layout(false, 390, 844).mode == LayoutMode::Narrow);
    CHECK(choose_layout(false, 390, 844).compact);  // narrower than 420: compact plots
    CHECK(choose_layout(false, 599, 800).mode == LayoutMode::Narrow);
    CHECK_FALSE(choose_layout(false, 599, 800).compact);
    CHECK(choose_layout(false, 600, 800).mode == LayoutMode::Wide);
    CHECK(choose_layout(true, 320, 240).mode == LayoutMode::Embed);
    CHECK(choose_layout(true, 320, 240).compact);
    CHECK(choose_layout(true, 640, 420).mode == LayoutMode::Embed);
    CHECK_FALSE(choose_layout(true, 640, 420).compact);
    CHECK(choose_layout(true, 1280, 800).mode == LayoutMode::Embed);
    CHECK(std::string(layout_name(LayoutMode::Narrow)) == "narrow");
}

TEST_CASE("an embed asks for a height that grows with its width, within bounds") {
    for (View view : kAllViews) {
        CHECK(preferred_height(view, 320) >= kMinPreferredHeight);
        CHECK(preferred_height(view, 640) > preferred_height(view, 480));
        CHECK(preferred_height(view, 5000) == kMaxPreferredHeight);
        CHECK(preferred_height(view, 0) == kMinPreferredHeight);
    }
    CHECK(preferred_height(View::Recurrent, 640) == 552);  // 0.8 x 640 + the 40 px strip
    CHECK(preferred_height(View::Stabilizers, 640) == 616);  // 0.9 x 640 + the strip: plots and the table
}

TEST_CASE("the figure's summary names the step, the numbers and the regime") {
    ViewRun run;
    run.sims.resize(1);
    SimParams p;
    p.learning.rule = Rule::Decay;
    p.learning.alpha = 1.5;
    p.source.variance_major = 1.0;
    REQUIRE(validate(p).empty());
    run.sims[0].reset(p);
    run.sims[0].step(40);
    const std::string text = figure_summary(View::Feedforward, run);
    CHECK(text.rfind("Feedforward, step 40: |w| = ", 0) == 0);
    CHECK(text.find("alignment with PC1 0.") != std::string::npos);
    CHECK(text.find("alpha > lambda_1") != std::string::npos);
    CHECK(text.find("the norm shrinks") != std::string::npos);
    run.playing = false;
    CHECK(figure_summary(View::Feedforward, run).find(". Paused.") != std::string::npos);
}

TEST_CASE("the appendix summary names both runs and the divergence") {
    ViewRun run;
    run.sims.resize(2);
    run.step_limit = 250;
    SimParams p;
    p.learning.eta = 0.1;
    p.learning.alpha = 1.5;
    p.learning.rule = Rule::Hebb;
    run.sims[0].reset(p);
    p.learning.rule = Rule::Decay;
    run.sims[1].reset(p);
    for (Simulation& sim : run.sims) sim.step(250);
    const std::string text = figure_summary(View::Appendix, run);
    CHECK(text.rfind("Appendix: Hebb vs decay, step ", 0) == 0);
    CHECK(text.find(" of 250: plain Hebb |w| = ") != std::string::npos);
    CHECK(text.find(", Hebb with decay |w| = ") != std::string::npos);
    CHECK(text.find("Finished.") != std::string::npos);
}

TEST_CASE("the amplification analysis is redone for a new run, then only at new history points, not too often") {
    const AnalysisRecord last{3, 1000, 0.5};  // run 3 analysed at step 1000; it took 0.5 s
    CHECK(analysis_due(last, 4, 0, 0.0));              // a new run: at once
    CHECK_FALSE(analysis_due(last, 3, 1000, 60.0));    // no history point since: never
    CHECK_FALSE(analysis_due(last, 3, 1064, 9.9));     // a new point, but before 20 x 0.5 s
    CHECK(analysis_due(last, 3, 1064, 10.0));
    const AnalysisRecord cheap{3, 1000, 1e-5};
    CHECK_FALSE(analysis_due(cheap, 3, 1001, 0.2));    // at most four times a second
    CHECK(analysis_due(cheap, 3, 1001, 0.25));
    CHECK(analysis_due(AnalysisRecord{}, 0, 0, 0.0));  // never analysed
}

TEST_CASE("every text colour of both themes keeps WCAG AA contrast against its plot background") {
    CHECK(contrast_ratio({255, 255, 255, 255}, {0, 0, 0, 255}) == doctest::Approx(21.0));
    CHECK(contrast_ratio({118, 118, 118, 255}, {255, 255, 255, 255}) == doctest::Approx(4.54).epsilon(0.01));
    for (bool light : {false, true}) {
        CAPTURE(light);
        const PaletteColours& c = palette_colours(light);
        for (Rgba text : {c.blue, c.orange, c.green, c.vermillion, c.purple, c.yellow, c.foreground, c.axis, c.warning}) {
            const int rgb = (text.r << 16) | (text.g << 8) | text.b;
            CAPTURE(rgb);
            CHECK(contrast_ratio(text, c.plot_background) >= 4.5);
            CHECK(contrast_ratio(text, c.page) >= 4.5);
        }
        CHECK(contrast_ratio(c.samples, c.plot_background) >= 3.0);  // scatter points: graphics, 3:1
    }
}

namespace {

// The stabilizers view's five runs and its inhibitory balance, as the app starts them.
ViewRun stabilizers_run(long long steps) {
    ViewRun run;
    const embed::ViewSetup setup = default_setup(View::Stabilizers);
    run.step_limit = embed::kStabilizerSteps;
    run.sims.resize(embed::kStabilizerRuns);
    for (int s = 0; s < embed::kStabilizerRuns; ++s) {
        SimParams p = setup.params;
        p.learning.rule = embed::kStabilizerRules[s];
        REQUIRE(run.sims[static_cast<size_t>(s)].reset(p).empty());
        run.sims[static_cast<size_t>(s)].step(steps);
    }
    run.balance.emplace();
    REQUIRE(run.balance->reset(balance_params(setup.params)).empty());
    run.balance->step(steps);
    return run;
}

}  // namespace

TEST_CASE("the stabilizers view starts five rules on one Gaussian source with lambda_1 = 1 and alpha = lambda_1") {
    const embed::ViewSetup setup = default_setup(View::Stabilizers);
    CHECK(setup.params.source.kind == SourceKind::Spectrum);
    CHECK(setup.params.source.inputs == 8);
    CHECK(setup.params.source.lambda1 == 1.0);
    CHECK(setup.params.learning.alpha == setup.params.source.lambda1);
    CHECK(setup.params.learning.eta == 0.01);
    CHECK(std::string(view_name(View::Stabilizers)) == "stabilizers");
    CHECK(parse_view("stabilizers") == View::Stabilizers);
    CHECK(std::size(embed::kStabilizerRules) == size_t(embed::kStabilizerRuns));
}

TEST_CASE("the stabilizers' table: Hebb unbounded, Oja at 1, hetero at its fixed norm, decay by alpha vs lambda_1") {
    const ViewRun run = stabilizers_run(3000);
    const StabilizerRow hebb = stabilizer_row(run.sims[0]), decay = stabilizer_row(run.sims[1]);
    CHECK(hebb.bounded == "no");
    CHECK(decay.bounded == "only at alpha = lambda_1 (1 = 1)");
    CHECK(stabilizer_row(run.sims[2]).norm == "1");
    CHECK(stabilizer_row(run.sims[3]).direction.rfind("no", 0) == 0);  // BCM on Gaussian inputs
    CHECK(stabilizer_row(run.sims[4]).norm == "(3 beta lambda_1)^(-1/4) = 0.76");
    CHECK(run.sims[2].fixed_norm() == 1.0);
    CHECK(*run.sims[4].fixed_norm() == doctest::Approx(std::pow(3.0, -0.25)));
    CHECK_FALSE(run.sims[0].fixed_norm());
    // After 3000 steps Oja and hetero hold their predicted norms and point along PC1.
    for (size_t s : {size_t(2), size_t(4)}) {
        CAPTURE(s);
        CHECK(run.sims[s].history().norm.back() == doctest::Approx(*run.sims[s].fixed_norm()).epsilon(0.15));
        CHECK(run.sims[s].history().alignment.back() > 0.95);
    }
    CHECK(stabilizer_status(run.sims[2]).rfind("Oja |w| 1", 0) == 0);
    CHECK(stabilizer_status(run.sims[2], true).find("cos") == std::string::npos);
    CHECK(balance_status(*run.balance).rfind("inhibition: rate ", 0) == 0);
    CHECK(balance_row(*run.balance).direction == "inhibition copies the excitatory tuning");
}

TEST_CASE("the stabilizers summary names every rule, plain Hebb's divergence and the inhibitory rate") {
    ViewRun run = stabilizers_run(40000);
    REQUIRE(run.sims[0].divergence().diverged);
    const std::string text = figure_summary(View::Stabilizers, run);
    CHECK(text.rfind("Stabilizers, step 40000 of 50000: plain Hebb |w| = ", 0) == 0);
    CHECK(text.find("(diverged at step " + std::to_string(run.sims[0].divergence().step) + ")") != std::string::npos);
    for (const char* name : {", Hebb with decay |w| = ", ", Oja |w| = ", ", BCM |w| = ", ", heterosynaptic |w| = ",
                             "; inhibitory balance: output rate ", ", rho0 = 1."})
        CHECK_MESSAGE(text.find(name) != std::string::npos, name);
    CHECK(stabilizer_status(run.sims[0]) == "Hebb: diverged at step " + std::to_string(run.sims[0].divergence().step));
    CHECK(stabilizer_status(run.sims[0], true) == "Hebb: diverged");
    CHECK(run.steps_done() == 40000);  // the furthest run, not plain Hebb's
}
