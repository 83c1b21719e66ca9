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
    const int i = result.stream;
    const Eigen::MatrixXd samples = sim.recent_samples();  // N x T
    const Eigen::MatrixXd latent = sim.recent_latent();    // k x T
    const Eigen::MatrixXd& mixing = sim.source().mixing(); // N x k
    const Eigen::MatrixXd& covariance = sim.covariance();
    const double noise = sim.source().noise_variance();

    result.raw = samples.row(i).transpose();
    result.shared = mixing.cols() == latent.rows() ? Eigen::VectorXd((mixing.row(i) * latent).transpose())
                                                   : Eigen::VectorXd::Zero(samples.cols());
    result.correlation_before = correlation(result.raw, result.shared);
    result.spurious_before = covariance(i, i) > 0.0 ? noise / covariance(i, i) : 0.0;

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
    result.output.resize(samples.cols());
    for (Eigen::Index t = 0; t < samples.cols(); ++t) result.output(t) = response.apply(samples.col(t))(i);
    result.correlation_after = correlation(result.output, result.shared);

    // Row i of G = (I - W)^-1 (G is symmetric because W is): g = G e_i.
    const Eigen::VectorXd g = response.apply(Eigen::VectorXd::Unit(n, i));
    const double total = g.dot(covariance * g);
    result.spurious_after = total > 0.0 ? noise * g.squaredNorm() / total : 0.0;
    return result;
}

}  // namespace hebbian::app
