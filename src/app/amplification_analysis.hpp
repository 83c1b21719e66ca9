// What the amplification view shows for one input stream i, computed from a recurrent
// run on the latent-signal source (no GL, no ImGui):
//
//   raw input     x_i = s_i + e_i, with shared part s_i = (A z)_i and private noise e_i
//   output        r = (I - W)^-1 x, the steady response of the learned circuit
//   correlation   corr(x_i, s_i) before the circuit and corr(r_i, s_i) after it, over
//                 the run's recent samples
//   spurious share of variance   before: sigma^2 / C_ii;
//                 after: sigma^2 (G G^T)_ii / (G C G^T)_ii with G = (I - W)^-1
//
// With W = C/alpha the shared directions (large eigenvalues of C) get gains
// 1 / (1 - mu) well above 1 while the private noise directions stay near 1, so the
// shared signal dominates the output: the claim the view demonstrates.
#pragma once

#include <Eigen/Dense>
#include <string>

#include "core/simulation.hpp"

namespace hebbian::app {

struct StreamAmplification {
    int stream = 0;               // which input i
    bool defined = false;         // (I - W)^-1 exists (spectral radius < 1)
    std::string why_undefined;    // the reason when not defined
    double spectral_radius = 0.0;
    Eigen::VectorXd raw, shared, output;  // x_i, s_i, r_i over the recent samples, oldest first
    double correlation_before = 0.0, correlation_after = 0.0;
    double spurious_before = 0.0, spurious_after = 0.0;
    // The same four numbers averaged over all N streams (after: only when defined).
    double mean_correlation_before = 0.0, mean_correlation_after = 0.0;
    double mean_spurious_before = 0.0, mean_spurious_after = 0.0;
};

// Pearson correlation of two equally long series; 0 when either is constant.
double correlation(const Eigen::VectorXd& a, const Eigen::VectorXd& b);

// Requires a recurrent simulation on the latent source; `stream` is clamped to [0, N).
StreamAmplification analyse_stream(const Simulation& sim, int stream);

}  // namespace hebbian::app
