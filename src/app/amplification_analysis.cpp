// Before/after comparison of one stream through the recurrent circuit (see amplification_analysis.hpp).
#include "app/amplification_analysis.hpp"

#include <algorithm>
#include <cmath>

namespace hebbian::app {

double correlation(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    if (a.size() < 2 || a.size() != b.size()) return 0.0;
    const Eigen::ArrayXd da = a.array() - a.mean(), db = b.array() - b.mean();
    const double denominator = std::sqrt((da * da).sum() * (db * db).sum());
    return denominator > 0.0 ? (da * db).sum() / denominator : 0.0;
}

StreamAmplification analyse_stream(const Simulation& sim, int stream) {
    StreamAmplification result;
    const int n = sim.inputs();
    result.stream = std::clamp(stream, 0, n - 1);
    const Eigen::MatrixXd samples = sim.recent_samples();  // N x T, x as the circuit sees it
    const Eigen::MatrixXd latent = sim.recent_latent();    // k x T
    const Eigen::MatrixXd& mixing = sim.source().mixing(); // N x k
    const Eigen::MatrixXd shared =                          // N x T, the shared parts A z
        mixing.cols() == latent.rows() ? Eigen::MatrixXd(mixing * latent) : Eigen::MatrixXd::Zero(n, samples.cols());
    const Eigen::MatrixXd& covariance = sim.covariance();
    const double noise = sim.source().noise_variance();

    auto row = [](const Eigen::MatrixXd& m, int i) { return Eigen::VectorXd(m.row(i).transpose()); };
    for (int i = 0; i < n; ++i) {
        const double correlation_before = correlation(row(samples, i), row(shared, i));
        const double spurious_before = covariance(i, i) > 0.0 ? noise / covariance(i, i) : 0.0;
        result.mean_correlation_before += correlation_before / n;
        result.mean_spurious_before += spurious_before / n;
        if (i == result.stream) result.correlation_before = correlation_before, result.spurious_before = spurious_before;
    }
    result.raw = row(samples, result.stream);
    result.shared = row(shared, result.stream);

    if (!sim.recurrent()) {
        result.why_undefined = "the amplification view needs the recurrent circuit";
        return result;
    }
    const RecurrentResponse response(sim.recurrent()->weights());
    result.spectral_radius = response.spectral_radius();
    result.defined = response.defined();
    if (!result.defined) {
        result.why_undefined = response.why_undefined();
        return result;
    }
    Eigen::MatrixXd outputs(n, samples.cols()), gain(n, n);  // r = G x for every sample; G = (I - W)^-1
    for (Eigen::Index t = 0; t < samples.cols(); ++t) outputs.col(t) = response.apply(samples.col(t));
    for (int j = 0; j < n; ++j) gain.col(j) = response.apply(Eigen::VectorXd::Unit(n, j));
    for (int i = 0; i < n; ++i) {
        const Eigen::VectorXd g = gain.col(i);  // row i of G, which is symmetric because W is
        const double total = g.dot(covariance * g);
        const double correlation_after = correlation(row(outputs, i), row(shared, i));
        const double spurious_after = total > 0.0 ? noise * g.squaredNorm() / total : 0.0;
        result.mean_correlation_after += correlation_after / n;
        result.mean_spurious_after += spurious_after / n;
        if (i == result.stream) result.correlation_after = correlation_after, result.spurious_after = spurious_after;
    }
    result.output = row(outputs, result.stream);
    return result;
}

}  // namespace hebbian::app
