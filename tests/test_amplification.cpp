// The amplification analysis (core/amplification.hpp) against direct computations:
// the circuit lowers the spurious share of a latent source, and one stream followed
// through the analysed circuit matches (I - W)^-1 x solved directly.
#include <doctest.h>

#include "core/amplification.hpp"
#include "embed/views.hpp"

using namespace hebbian;

TEST_CASE("the recurrent circuit lowers the spurious share of a latent source") {
    // The amplification view's own starting run: latent N = 16, alpha = 1.25 lambda_1.
    const SimParams p = embed::default_setup(embed::View::Amplification).params;
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    REQUIRE(p.learning.alpha == doctest::Approx(1.25 * sim.components().values(0)));
    sim.step(3000);
    const AmplificationAnalysis a = analyse_amplification(sim);
    REQUIRE(a.defined);
    CHECK(a.step == 3000);
    CHECK(a.spectral_radius < 1.0);
    CHECK(a.mean_spurious_after < a.mean_spurious_before - 0.2);
    CHECK(a.mean_correlation_after > a.mean_correlation_before + 0.2);
}

TEST_CASE("a followed stream's output is (I - W)^-1 x, solved directly") {
    const SimParams p = embed::default_setup(embed::View::Amplification).params;
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    sim.step(2000);
    const AmplificationAnalysis a = analyse_amplification(sim);
    REQUIRE(a.defined);
    const StreamAmplification s = follow_stream(a, sim, 3);
    const Eigen::MatrixXd samples = sim.recent_samples();
    const Eigen::MatrixXd w = sim.recurrent()->weights();
    const Eigen::MatrixXd direct = (Eigen::MatrixXd::Identity(w.rows(), w.cols()) - w).partialPivLu().solve(samples);
    REQUIRE(s.output.size() == samples.cols());
    CHECK((s.output - direct.row(3).transpose()).norm() <= 1e-9 * direct.row(3).norm());
    CHECK(s.raw == samples.row(3).transpose());
    CHECK(s.spurious_after == a.spurious_after(3));
    CHECK(s.correlation_after > s.correlation_before);
    CHECK(follow_stream(a, sim, 99).stream == sim.inputs() - 1);  // clamped
}

TEST_CASE("without a steady response the analysis says why and the stream has no output") {
    SimParams p = embed::default_setup(embed::View::Amplification).params;
    Simulation probe;
    REQUIRE(probe.reset(p).empty());
    p.learning.alpha = 0.5 * probe.components().values(0);  // W -> C / alpha has spectral radius 2
    Simulation sim;
    REQUIRE(sim.reset(p).empty());
    sim.step(4000);
    const AmplificationAnalysis a = analyse_amplification(sim);
    CHECK_FALSE(a.defined);
    CHECK(a.spectral_radius >= 1.0);
    CHECK(a.why_undefined.find("spectral radius") != std::string::npos);
    const StreamAmplification s = follow_stream(a, sim, 0);
    CHECK(s.output.size() == 0);
    CHECK(s.raw.size() > 0);
}

TEST_CASE("Pearson correlation") {
    CHECK(correlation(Eigen::Vector3d(1, 2, 3), Eigen::Vector3d(2, 4, 6)) == doctest::Approx(1.0));
    CHECK(correlation(Eigen::Vector3d(1, 2, 3), Eigen::Vector3d(3, 2, 1)) == doctest::Approx(-1.0));
    CHECK(correlation(Eigen::Vector3d(1, 1, 1), Eigen::Vector3d(3, 2, 1)) == 0.0);
}
