// Tests of the app's pure helpers (no GL, no ImGui): matrix-to-image
// layout (with a non-symmetric matrix, so a transpose cannot hide), colour map, axis
// ticks, the explosion marker, the layout chosen from CSS pixels, the figure's one-sentence summary, the
// stabilizers' table, the receptive fields' pairs, tiles, sheet and picture, and the status JSON.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest.h>

#include <cmath>
#include <iterator>
#include <limits>

#include "app/axis_scale.hpp"
#include "app/band.hpp"
#include "app/analysis_schedule.hpp"
#include "app/colour_map.hpp"
#include "app/explosion.hpp"
#include "app/figure_summary.hpp"
#include "app/layout.hpp"
#include "app/matrix_layout.hpp"
#include "app/palette.hpp"
#include "app/receptive.hpp"
#include "app/stabilizers.hpp"
#include "app/status_json.hpp"
#include "app/view.hpp"
#include "embed/page_state.hpp"

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
    r.subspace_alignment = std::nan("");
    CHECK(status_json(r).rfind(R"({"view":"recurrent","steps":12,"alignment":null,"subspace_alignment":null,)"
                               R"("diverged":false,"playing":false,)"
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
    r.steps_per_second = 48720;
    r.simulation_ms = 9.75;
    r.preferred_height = 264;
    r.summary = "Feedforward, step 3: \"quoted\"";
    const std::string json = status_json(r);
    for (const char* part : {R"("layout":"embed","compact":true,"css_width":320,"css_height":240,"pixel_ratio":3,)",
                             R"("framebuffer_width":960,"framebuffer_height":720,"font_px":13,"theme":"light",)",
                             R"("speed":5000,"frame_steps":812,"steps_per_second":48720,"simulation_ms":9.75,)",
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

TEST_CASE("a value beside its band: inside, or outside above or below, with the band's ends") {
    const Quantiles band{0.05, 0.1, 0.31};
    CHECK(band_words(0.12, band) == "inside the 90% band of single runs (0.05-0.31)");
    CHECK(band_words(0.4, band) == "outside (above) the 90% band of single runs (0.05-0.31)");
    CHECK(band_words(0.01, band, true) == "outside (below) its 90% band (0.05-0.31)");
    // A narrow band gets the digits that tell its ends and the value apart.
    CHECK(band_words(1.00004, Quantiles{0.99987, 0.99995, 0.99998}) == "outside (above) the 90% band of single runs "
                                                                      "(0.99987-0.99998)");
    CHECK(band_words(0.12, std::nullopt).empty());
    CHECK(band_words(std::numeric_limits<double>::quiet_NaN(), band).empty());
    CHECK(!last_band({}, {}, {}));
    CHECK(last_band({1, 2}, {3, 4}, {5, 6})->typical == 4);
}

TEST_CASE("the feedforward and recurrent summaries say whether the run is inside its band") {
    ViewRun run;
    run.sims.resize(1);
    SimParams p;
    p.learning.rule = Rule::Oja;
    REQUIRE(run.sims[0].reset(p).empty());
    run.sims[0].step(300);
    const History& h = run.sims[0].history();
    const std::optional<Quantiles> band = last_norm_band(h);
    REQUIRE(band);
    CHECK(band->low <= band->typical);
    CHECK(band->typical <= band->high);
    const std::string where = band->contains(h.norm.back()) ? "inside" : "outside";
    std::string text = figure_summary(View::Feedforward, run);
    CHECK(text.find("|w| = " + format_number(h.norm.back()) + ", " + where + " the 90% band of single runs (" +
                    format_number(band->low) + "-" + format_number(band->high) + ")") != std::string::npos);
    CHECK(text.find("alignment with PC1 " + format_number(h.alignment.back()) + ", ") != std::string::npos);
    CHECK(band_status(run.sims[0]) == "|w_1| " + where + " its 90% band");

    p.circuit = Circuit::Recurrent;
    p.learning.rule = Rule::Decay;
    p.learning.alpha = 2.0;
    REQUIRE(run.sims[0].reset(p).empty());
    run.sims[0].step(300);
    REQUIRE(last_relative_error_band(run.sims[0].history()));
    text = figure_summary(View::Recurrent, run);
    CHECK(text.find("the 90% band of single runs (") != std::string::npos);
    CHECK(band_status(run.sims[0]).rfind("error ", 0) == 0);

    p.learning.rule = Rule::Bcm;  // no band: nothing said
    p.circuit = Circuit::Feedforward;
    REQUIRE(run.sims[0].reset(p).empty());
    run.sims[0].step(10);
    CHECK(figure_summary(View::Feedforward, run).find("band") == std::string::npos);
    CHECK(band_status(run.sims[0]).empty());
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
    // Plain Hebb's forecast window, and whether this run exploded inside it.
    const std::optional<Quantiles>& window = run.sims[0].forecast().explosion_step();
    REQUIRE(window);
    const std::optional<long long> exploded = explosion_step(run.sims[0].history());
    REQUIRE(exploded);
    CHECK(text.find("; plain Hebb explodes near step ") != std::string::npos);
    CHECK(text.find(std::string("; this run at step ") + std::to_string(*exploded) +
                    (window->contains(double(*exploded)) ? ", inside" : ", outside")) != std::string::npos);
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
    // The inhibitory rate beside the band of single runs' rate over its latest interval.
    const std::optional<Quantiles> band = last_rate_band(*run.balance);
    REQUIRE(band);
    CHECK(band->low <= band->typical);
    CHECK(band->typical <= band->high);
    const double rate = run.balance->history_rate().back();
    const std::string where = band->contains(rate) ? "inside" : rate > band->high ? "outside (above)" : "outside (below)";
    const std::string range = "(" + format_number(band->low) + "-" + format_number(band->high) + ")";
    CHECK(text.find("; inhibitory balance: output rate " + format_number(rate) + ", " + where +
                    " the 90% band of single runs " + range + ", rho0 = 1.") != std::string::npos);
    CHECK(balance_row(*run.balance).now ==
          "rate " + format_number(rate) + "\n" + where + " its 90% band " + range + "\nco-tuning " +
              format_number(run.balance->co_tuning()));
    CHECK(balance_status(*run.balance) ==
          "inhibition: rate " + format_number(rate) + ", " + where + " its 90% band " + range + " (rho0 1)");
    // Before the first recorded point: no band, nothing said about one.
    InhibitoryBalance fresh;
    REQUIRE(fresh.reset(balance_params(default_setup(View::Stabilizers).params)).empty());
    CHECK_FALSE(last_rate_band(fresh));
    CHECK(rate_band_words(fresh).empty());
    CHECK(balance_row(fresh).now.find("band") == std::string::npos);
}

TEST_CASE("Sanger's subspace alignment is said beside its band once the band holds, and nothing before") {
    ViewRun run;
    run.sims.resize(1);
    SimParams p;
    p.source.kind = SourceKind::Spectrum;
    p.source.inputs = 6;
    p.learning.rule = Rule::Sanger;
    p.learning.outputs = 2;
    Simulation& sim = run.sims[0];
    REQUIRE(sim.reset(p).empty());
    const SubspaceForecast& forecast = sim.subspace_forecast();
    REQUIRE_FALSE(forecast.empty());
    REQUIRE(forecast.start > 2.0);
    REQUIRE(forecast.start < 1e5);
    sim.step(1);
    CHECK_FALSE(last_subspace_alignment_band(sim.history()));
    CHECK(receptive_status(sim).find("band") == std::string::npos);
    CHECK(figure_summary(View::Receptive, run).find("band") == std::string::npos);

    sim.step(static_cast<long long>(std::ceil(forecast.start)) + 100);
    const std::optional<Quantiles> band = last_subspace_alignment_band(sim.history());
    REQUIRE(band);
    CHECK(band->low == forecast.alignment.low);
    CHECK(band->low <= band->typical);
    CHECK(band->typical <= band->high);
    const double value = sim.history().subspace_alignment.back();
    const std::string words = band_words(value, band);
    CHECK(words.rfind(band->contains(value) ? "inside the 90% band of single runs (" : "outside (", 0) == 0);
    const std::string status = receptive_status(sim), tail = ", " + words;
    REQUIRE(status.size() > tail.size());
    CHECK(status.compare(status.size() - tail.size(), tail.size(), tail) == 0);  // the line ends with the band
    CHECK(receptive_status(sim, true).find("band") == std::string::npos);
    CHECK(figure_summary(View::Receptive, run).find(receptive_status(sim, true) + ", " + words) != std::string::npos);
}

// --- the receptive-fields view ------------------------------------------------------------------

TEST_CASE("the grey map runs from black to white") {
    const std::vector<std::uint8_t> grey = grey_table_rgba(256);
    REQUIRE(grey.size() == 256 * 4);
    CHECK(grey[0] == 0);
    CHECK(grey[4 * 255] == 255);
    CHECK(grey[4 * 128 + 1] == 128);
    CHECK(grey[4 * 128 + 3] == 255);
}

TEST_CASE("a tile strip puts patch pixel (i, j) of tile t at row j, column t (p + 1) + i, gaps between") {
    // Two 2 x 2 tiles, not symmetric: pixel (i, j) of tile t holds 10 t + 2 j + i (patch order j p + i).
    Eigen::MatrixXd tiles(2, 4);
    tiles << 0, 1, 2, 3,
             10, 11, 12, 13;
    const Eigen::MatrixXd strip = tile_strip(tiles, 2);
    REQUIRE(strip.rows() == 2);
    REQUIRE(strip.cols() == 5);  // k (p + 1) - 1
    CHECK(strip(0, 1) == 1);     // (i = 1, j = 0) of tile 0: along the top row
    CHECK(strip(1, 0) == 2);     // (i = 0, j = 1): the second row
    CHECK(strip(1, 4) == 13);    // (i = 1, j = 1) of tile 1 at column 3 + 1
    CHECK(strip(0, 2) == kTileGap);
    CHECK(strip(1, 2) == kTileGap);
    CHECK(row_major_floats(strip)[2] >= 0.5 * kTileGap);  // the shader's test: values >= u_gap are gaps
}

TEST_CASE("filters pair with components in order (Sanger) or greedily by |cos|") {
    Eigen::MatrixXd cosines(3, 3);
    cosines << 0.9, 0.2, 0.1,
               0.95, 0.3, 0.1,
               0.1, 0.4, 0.35;
    CHECK(pair_components(cosines, true) == std::vector<int>{0, 1, 2});
    // Row 1 takes PC1 (0.95, the largest), row 2 then PC2 (0.4), row 0 what is left.
    CHECK(pair_components(cosines, false) == std::vector<int>{2, 0, 1});
}

TEST_CASE("the tiles that fit: the column count that makes the largest tiles") {
    // 8 pairs of 8 x 8 tiles with a 17 px line under each row, in 559 x 355 px: 4 columns of 2 rows.
    const TileGrid pairs = fit_tiles(8, 8, 559, 355, 2, 17);
    CHECK(pairs.columns == 4);
    CHECK(pairs.rows == 2);
    CHECK(pairs.tile == doctest::Approx((355.0 - 34.0) / (2 * 2.125 + 0.125)));
    // The filters alone in a small embed (312 x 180 px): 4 x 2 again, as wide as they fit.
    const TileGrid small = fit_tiles(8, 8, 312, 180, 1, 0);
    CHECK(small.columns == 4);
    CHECK(small.tile == doctest::Approx(312.0 / (4 + 3.0 / 8)));
    CHECK(grid_height(pairs, 8, 2, 17) == doctest::Approx(355.0));  // height-limited: the whole box
    CHECK(grid_height(small, 8, 1, 0) == doctest::Approx(2 * small.tile + small.tile / 8));
    CHECK(fit_tiles(1, 8, 100, 50, 1, 0).tile == doctest::Approx(50));
    CHECK(fit_tiles(0, 8, 100, 50, 1, 0).tile == 0);
}

TEST_CASE("the filter sheet: each tile in its own range, patch pixel (i, j) at (i, j) zoomed, transparent gaps") {
    ReceptiveFields fields;
    fields.side = 2;
    fields.filters.resize(3, 4);
    fields.filters << 1, 0, 0, -1,   // tile 0: +1 at (0, 0), -1 at (1, 1)
                      0, 1, 0, 0,    // tile 1: +1 at (i = 1, j = 0): to the right, not below
                      0, 0, 1, 0;    // tile 2: +1 at (i = 0, j = 1): below
    fields.components = -fields.filters;
    const RgbaImage sheet = filter_sheet(fields, 2, 3);  // 2 columns, 3 px a patch pixel
    const int step = (2 + 1) * 3;
    CHECK(sheet.width == 2 * step - 3);
    const int grid = 2 * step - 3;  // two rows of tiles
    CHECK(sheet.height == 2 * grid + 6);
    REQUIRE(sheet.pixels.size() == 4 * size_t(sheet.width) * size_t(sheet.height));
    const auto at = [&sheet](int x, int y) { return &sheet.pixels[4 * (size_t(y) * size_t(sheet.width) + size_t(x))]; };
    const Rgb red = diverging_colour(1.0), blue = diverging_colour(0.0);
    const auto is = [](const std::uint8_t* px, Rgb c) {
        return px[0] == std::lround(c.r * 255) && px[1] == std::lround(c.g * 255) && px[2] == std::lround(c.b * 255) &&
               px[3] == 255;
    };
    CHECK(is(at(0, 0), red));                  // tile 0, (0, 0)
    CHECK(is(at(5, 5), blue));                 // tile 0, (1, 1), the last of its 3 x 3 block
    CHECK(is(at(step + 3, 0), red));           // tile 1, (i = 1, j = 0)
    CHECK(is(at(0, step + 3), red));           // tile 2 (second row), (i = 0, j = 1)
    CHECK_FALSE(is(at(3, step), red));         // ... not (i = 1, j = 0)
    CHECK(at(6, 0)[3] == 0);                   // the gap after tile 0: transparent
    CHECK(is(at(0, grid + 6), blue));          // the components' grid below: tile 0 negated
    CHECK(at(0, grid + 1)[3] == 0);            // the gap between the grids
    CHECK(filter_sheet(ReceptiveFields{}, 8, 4).pixels.empty());
}

TEST_CASE("the image: row y of the matrix is row y of the image; its grey range ignores a few extremes") {
    GreyImage image;
    image.width = 3;
    image.height = 2;
    image.pixels = {0, 1, 2, 3, 4, 5};
    const Eigen::MatrixXd m = image_matrix(image);
    REQUIRE(m.rows() == 2);
    CHECK(m(0, 2) == 2);  // pixel (x = 2, y = 0)
    CHECK(m(1, 0) == 3);  // pixel (x = 0, y = 1)
    GreyImage wide;
    wide.width = 1000;
    wide.height = 1;
    for (int x = 0; x < 1000; ++x) wide.pixels.push_back(x < 2 ? -1000.0 : x > 997 ? 1000.0 : x / 1000.0);
    const GreyRange range = grey_range(wide);
    CHECK(range.lo > 0.0);
    CHECK(range.hi < 1.0);
    GreyImage flat;
    flat.width = flat.height = 2;
    flat.pixels.assign(4, 3.0);
    CHECK(grey_range(flat).lo == 2.5);
    CHECK(grey_range(flat).hi == 3.5);
}

TEST_CASE("the reader's picture is standardised; a flat one is left for the source to refuse") {
    const std::vector<std::uint8_t> grey = {0, 50, 100, 150, 200, 250, 10, 20, 30, 40, 50, 60};
    const Picture picture = picture_from_grey(4, 3, grey);
    REQUIRE(picture.image);
    CHECK(picture.error.empty());
    CHECK(picture.image->width == 4);
    const Eigen::Map<const Eigen::VectorXd> pixels(picture.image->pixels.data(), 12);
    CHECK(pixels.mean() == doctest::Approx(0.0).epsilon(1e-12));
    CHECK((pixels.array() - pixels.mean()).square().mean() == doctest::Approx(1.0));
    CHECK(pixels(1) > pixels(0));  // order kept
    CHECK_FALSE(picture_from_grey(4, 4, grey).error.empty());  // 16 pixels said, 12 given
    CHECK_FALSE(picture_from_grey(600, 1, std::vector<std::uint8_t>(600, 1)).error.empty());
    const Picture flat = picture_from_grey(8, 8, std::vector<std::uint8_t>(64, 7));
    REQUIRE(flat.image);
    SourceParams source;
    source.kind = SourceKind::Picture;
    source.picture = flat.image;
    CHECK(validate(source) == "the image is constant: its patches carry no signal");
    source.picture = picture.image;  // 4 x 3: smaller than the 8 x 8 patch
    CHECK(validate(source).find("smaller than the patch side 8") != std::string::npos);
}

TEST_CASE("the receptive fields are recomputed for a new run, then only after the run moved on, not too often") {
    const AnalysisRecord last{2, 5000, 1e-4};
    CHECK(fields_due(last, 3, 5000, 0.0));             // a new run: at once
    CHECK_FALSE(fields_due(last, 2, 5000, 10.0));      // paused: never
    CHECK_FALSE(fields_due(last, 2, 7000, 0.02));      // moved on, but within 1/30 s
    CHECK(fields_due(last, 2, 7000, 1.0 / 30.0));
    const AnalysisRecord costly{2, 5000, 0.01};
    CHECK_FALSE(fields_due(costly, 2, 7000, 0.1));     // 20 x its cost first
    CHECK(fields_due(costly, 2, 7000, 0.2));
}

namespace {

// The receptive-fields view's run: its default setup (smaller when asked) after `steps` steps.
Simulation receptive_run(long long steps, Rule rule = Rule::Sanger, int outputs = 8) {
    SimParams p = default_setup(View::Receptive).params;
    p.learning.rule = rule;
    p.learning.outputs = outputs;
    p.source.image_side = 64;  // the smallest generated image: a quick test
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    sim.step(steps);
    return sim;
}

}  // namespace

TEST_CASE("the receptive-fields view starts Sanger on 8 x 8 windowed patches of dead leaves") {
    const embed::ViewSetup setup = default_setup(View::Receptive);
    const SimParams& p = setup.params;
    CHECK(p.source.kind == SourceKind::DeadLeaves);
    CHECK(p.source.patches.side == 8);
    CHECK(p.source.patches.window_sigma > 0.0);
    CHECK(p.learning.rule == Rule::Sanger);
    CHECK(p.learning.outputs == 8);
    CHECK(setup.speed >= 1000);
    CHECK(validate(p).empty());
    CHECK(std::string(view_name(View::Receptive)) == "receptive");
    CHECK(std::string(view_title(View::Receptive)) == "Receptive fields");
    CHECK(parse_view("receptive") == View::Receptive);
}

TEST_CASE("the receptive-fields address: image sources only, k up to 16, a picture only as a file") {
    const auto parse = [](const char* query) { return embed::parse_page_address(query, ""); };
    const embed::SettingsResult r = parse("?view=receptive&patch=8&source=pink-noise&window=2&k=16&seed=3");
    CHECK(r.corrections.empty());
    const SimParams& p = r.state.setup.params;
    CHECK(p.source.kind == SourceKind::PinkNoise);
    CHECK(p.source.patches.window_sigma == 2.0);
    CHECK(p.learning.outputs == 16);
    CHECK(p.seed == 3);
    CHECK(embed::page_query(r.state) == "view=receptive&source=pink-noise&k=16&seed=3");
    CHECK(embed::same_page_state(parse(("?" + embed::page_query(r.state)).c_str()).state, r.state));

    const embed::SettingsResult many = parse("?view=receptive&k=40");
    REQUIRE(many.corrections.size() == 1);
    CHECK(many.corrections[0].message() == "k=40: above 16, the most filters the receptive-fields view draws; using 16");
    CHECK(many.state.setup.params.learning.outputs == 16);
    CHECK(parse("?view=feedforward&source=spectrum&N=64&k=40").corrections.empty());  // other views: k up to N

    const embed::SettingsResult spectrum = parse("?view=receptive&source=spectrum");
    REQUIRE(spectrum.corrections.size() == 1);
    CHECK(spectrum.corrections[0].reason.rfind("the receptive-fields view learns from image patches", 0) == 0);
    CHECK(spectrum.state.setup.params.source.kind == SourceKind::DeadLeaves);

    const embed::SettingsResult picture = parse("?view=receptive&source=picture");
    REQUIRE(picture.corrections.size() == 1);
    CHECK(picture.corrections[0].message() == "source=picture: a picture cannot be named here: load an image; using dead-leaves");
    embed::PageState state = picture.state;
    state.setup.params.source.kind = SourceKind::Picture;
    CHECK(embed::page_query(state).find("source") == std::string::npos);
}

TEST_CASE("Sanger's filters pair with the PCs in order and turn to them; the blob comes first") {
    const Simulation sim = receptive_run(300000);
    const ReceptiveFields fields = receptive_fields(sim);
    REQUIRE(fields.side == 8);
    REQUIRE(fields.filters.rows() == 8);
    REQUIRE(fields.filters.cols() == 64);
    CHECK(fields.eigenvalues.size() == 16);
    CHECK(fields.eigenvalues(0) == sim.components().values(0));
    for (int i = 0; i < 8; ++i) {
        CAPTURE(i);
        const FilterPair& pair = fields.pairs[static_cast<size_t>(i)];
        CHECK(pair.component == i);
        CHECK(fields.filters.row(i).cwiseAbs().maxCoeff() == doctest::Approx(1.0));
        CHECK(fields.components.row(i).cwiseAbs().maxCoeff() == doctest::Approx(1.0));
        CHECK(fields.filters.row(i).dot(fields.components.row(i)) > 0.0);  // signs matched
        const Eigen::VectorXd w = sim.feedforward()->weights().row(i).transpose();
        CHECK(pair.cosine == doctest::Approx(abs_cosine(w, sim.components().vectors.col(i))));
        CHECK(pair.variance == doctest::Approx(w.dot(sim.covariance() * w) / w.squaredNorm()));
        CHECK(pair.scale == doctest::Approx(w.cwiseAbs().maxCoeff()));
    }
    // The first component under a window: a centre blob (a faint surround of the other sign),
    // and w_1 has turned to it.
    CHECK(fields.pairs[0].cosine > 0.99);
    CHECK(fields.pairs[0].variance == doctest::Approx(fields.eigenvalues(0)).epsilon(0.02));
    const double centre = fields.components(0, 3 * 8 + 3);
    CHECK(std::abs(centre) > 0.9);
    CHECK((centre * fields.components.row(0).array() > -0.2).all());
    CHECK(sim.history().subspace_alignment.back() > 0.95);
    CHECK(receptive_status(sim).rfind("step 300000: alignment with the top 8 PCs' subspace 0.9", 0) == 0);
    CHECK(receptive_source(sim) == "8 filters (sanger) on 8 x 8 patches of dead-leaves, window sigma 2");
}

TEST_CASE("other rules pair each filter with the closest free component: Oja's single output with PC1") {
    const Simulation oja = receptive_run(100000, Rule::Oja, 1);
    const ReceptiveFields fields = receptive_fields(oja);
    REQUIRE(fields.pairs.size() == 1);
    CHECK(fields.pairs[0].component == 0);
    CHECK(fields.pairs[0].cosine > 0.98);
    CHECK(fields.eigenvalues.size() == 8);  // at least 8, for a spectrum worth the name
    // The status line reports that cosine to three decimals.
    const std::string status = receptive_status(oja, true), label = "|cos(w, PC1)| ";
    REQUIRE(status.rfind(label, 0) == 0);
    CHECK(std::fabs(std::stod(status.substr(label.size())) - fields.pairs[0].cosine) <= 0.0005 + 1e-12);
    // Three Oja outputs all turn to PC1: one of them gets it, the others other components.
    const ReceptiveFields three = receptive_fields(receptive_run(100000, Rule::Oja, 3));
    std::vector<int> paired;
    for (const FilterPair& pair : three.pairs) paired.push_back(pair.component);
    std::sort(paired.begin(), paired.end());
    CHECK(paired == std::vector<int>{0, 1, 2});
}

TEST_CASE("the receptive-fields cache: the image once per run, the fields when due") {
    Simulation sim = receptive_run(100);
    ReceptiveCache cache;
    const auto now = std::chrono::steady_clock::now();
    CHECK(refresh_receptive(cache, sim, 1, now));
    CHECK(cache.image.rows() == 64);
    CHECK(cache.filter_strip.rows() == 8);
    CHECK(cache.filter_strip.cols() == 8 * 9 - 1);
    CHECK(cache.record.step == 100);
    CHECK_FALSE(refresh_receptive(cache, sim, 1, now + std::chrono::seconds(1)));  // not moved on
    sim.step(10);
    CHECK_FALSE(refresh_receptive(cache, sim, 1, now + std::chrono::milliseconds(1)));
    CHECK(refresh_receptive(cache, sim, 1, now + std::chrono::seconds(1)));
    CHECK(cache.record.step == 110);
    CHECK(refresh_receptive(cache, sim, 2, now + std::chrono::seconds(1)));  // a new run
}

TEST_CASE("the receptive-fields summary names the view, the source and the alignment") {
    ViewRun run;
    run.sims.push_back(receptive_run(3000));
    const std::string text = figure_summary(View::Receptive, run);
    CHECK(text.rfind("Receptive fields, step 3000: 8 filters (sanger) on 8 x 8 patches of dead-leaves", 0) == 0);
    CHECK(text.find("subspace of PCs 1-8: alignment 0.") != std::string::npos);
    CHECK(text.find(", |cos(w_1, PC1)| ") != std::string::npos);
}
