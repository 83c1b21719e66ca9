// The recurrent circuit's effect on shared and private signals (see amplification.hpp).
#include "amplification.hpp"

#include <algorithm>
#include <cmath>

#include "recurrent.hpp"

namespace hebbian {

namespace {

Eigen::VectorXd row(const Eigen::MatrixXd& m, Eigen::Index i) { return m.row(i).transpose(); }

// The shared parts A z of the recent samples, N x T (zeros when the source has none).
Eigen::MatrixXd recent_shared(const Simulation& sim, Eigen::Index samples) {
    const Eigen::MatrixXd latent = sim.recent_latent();     // k x T
    const Eigen::MatrixXd& mixing = sim.source().mixing();  // N x k
    if (mixing.cols() != latent.rows() || latent.cols() != samples) return Eigen::MatrixXd::Zero(sim.inputs(), samples);
    return mixing * latent;
}

}  // namespace

double correlation(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    if (a.size() < 2 || a.size() != b.size()) return 0.0;
    const Eigen::ArrayXd da = a.array() - a.mean(), db = b.array() - b.mean();
    const double denominator = std::sqrt((da * da).sum() * (db * db).sum());
    return denominator > 0.0 ? (da * db).sum() / denominator : 0.0;
}

AmplificationAnalysis analyse_amplification(const Simulation& sim) {
    AmplificationAnalysis a;
    a.step = sim.steps_done();
    const Eigen::Index n = sim.inputs();
    const Eigen::MatrixXd samples = sim.recent_samples();  // N x T, x as the circuit sees it
    const Eigen::MatrixXd shared = recent_shared(sim, samples.cols());
    const Eigen::MatrixXd& covariance = sim.covariance();
    const double noise = sim.source().noise_variance();

    a.spurious_before.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        a.spurious_before(i) = covariance(i, i) > 0.0 ? noise / covariance(i, i) : 0.0;
        a.mean_correlation_before += correlation(row(samples, i), row(shared, i)) / double(n);
    }
    a.mean_spurious_before = a.spurious_before.mean();
    if (!sim.recurrent()) {
        a.why_undefined = "the amplification view needs the recurrent circuit";
        return a;
    }
    const RecurrentResponse response(sim.recurrent()->weights());
    a.spectral_radius = response.spectral_radius();
    a.defined = response.defined();
    if (!a.defined) {
        a.why_undefined = response.why_undefined();
        return a;
    }
    a.gain.resize(n, n);  // G is symmetric because W is: column i is row i
    for (Eigen::Index j = 0; j < n; ++j) a.gain.col(j) = response.apply(Eigen::VectorXd::Unit(n, j));
    const Eigen::MatrixXd outputs = a.gain * samples;
    const Eigen::MatrixXd total = a.gain * covariance;  // row i . column i of G gives (G C G^T)_ii
    a.spurious_after.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const double variance = total.row(i).dot(a.gain.col(i));
        a.spurious_after(i) = variance > 0.0 ? noise * a.gain.col(i).squaredNorm() / variance : 0.0;
        a.mean_correlation_after += correlation(row(outputs, i), row(shared, i)) / double(n);
    }
    a.mean_spurious_after = a.spurious_after.mean();
    return a;
}

StreamAmplification follow_stream(const AmplificationAnalysis& analysis, const Simulation& sim, int stream) {
    StreamAmplification s;
    const Eigen::Index n = sim.inputs();
    s.stream = std::clamp(stream, 0, static_cast<int>(n) - 1);
    const Eigen::MatrixXd samples = sim.recent_samples();
    s.raw = row(samples, s.stream);
    s.shared = recent_shared(sim, samples.cols()).row(s.stream).transpose();
    s.correlation_before = correlation(s.raw, s.shared);
    if (analysis.spurious_before.size() == n) s.spurious_before = analysis.spurious_before(s.stream);
    if (!analysis.defined || analysis.gain.rows() != n) return s;
    s.output = samples.transpose() * analysis.gain.col(s.stream);  // r_i = (G x)_i, G symmetric
    s.correlation_after = correlation(s.output, s.shared);
    s.spurious_after = analysis.spurious_after(s.stream);
    return s;
}

}  // namespace hebbian
