// What the learned recurrent circuit does to its input streams: the claim of the
// amplification view, computed from a recurrent run on the latent-signal source.
//
//   raw input     x_i = s_i + e_i, with shared part s_i = (A z)_i and private noise e_i
//   output        r = G x, G = (I - W)^-1, the steady response of r = x + W r
//   correlation   corr(x_i, s_i) before the circuit and corr(r_i, s_i) after it, over
//                 the run's recent samples
//   spurious share of variance   before: sigma^2 / C_ii;
//                 after: sigma^2 (G G^T)_ii / (G C G^T)_ii
//
// With W = C/alpha the shared directions (large eigenvalues mu of W) get gains
// 1 / (1 - mu) well above 1 while the private noise directions stay near 1, so the
// shared signal dominates the output.
//
// The work is split by cost. analyse_amplification is O(N^3) (an eigendecomposition of
// W and products with C): call it when the run has moved on, not every frame.
// follow_stream then gives one stream's traces and numbers from that analysis and the
// current recent samples in O(N T).
#pragma once

#include <Eigen/Dense>
#include <string>

#include "simulation.hpp"

namespace hebbian {

struct AmplificationAnalysis {
    long long step = -1;           // the run's step when analysed (-1: not analysed)
    bool defined = false;          // G = (I - W)^-1 exists (spectral radius < 1)
    std::string why_undefined;     // the reason when not defined
    double spectral_radius = 0.0;
    Eigen::MatrixXd gain;          // G, N x N (empty when not defined)
    Eigen::VectorXd spurious_before, spurious_after;  // per stream (after: only when defined)
    // Averages over all N streams (after: only when defined).
    double mean_correlation_before = 0.0, mean_correlation_after = 0.0;
    double mean_spurious_before = 0.0, mean_spurious_after = 0.0;
};

// Requires a recurrent simulation on the latent source (otherwise not defined, with the reason).
AmplificationAnalysis analyse_amplification(const Simulation& sim);

struct StreamAmplification {
    int stream = 0;                        // which input i
    Eigen::VectorXd raw, shared, output;   // x_i, s_i, r_i over the recent samples, oldest first
    double correlation_before = 0.0, correlation_after = 0.0;
    double spurious_before = 0.0, spurious_after = 0.0;
};

// One stream (clamped to [0, N)) through the analysed circuit, over the run's current
// recent samples. Output and "after" numbers are zero when the analysis is not defined.
StreamAmplification follow_stream(const AmplificationAnalysis& analysis, const Simulation& sim, int stream);

// Pearson correlation of two equally long series; 0 when either is constant.
double correlation(const Eigen::VectorXd& a, const Eigen::VectorXd& b);

}  // namespace hebbian
