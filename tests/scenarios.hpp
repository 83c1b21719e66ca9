// Parameter sets shared by the core tests: each returns a plain SimParams.
#pragma once

#include <cstdint>
#include <memory>

#include "core/simulation.hpp"

namespace hebbian::scenarios {

// Two inputs, variances 1 and 0.25, major axis at 30 degrees.
inline SimParams two_d(Rule rule, double eta, double alpha = 1.0) {
    SimParams p;
    p.source.kind = SourceKind::Gaussian2D;
    p.learning.rule = rule;
    p.learning.eta = eta;
    p.learning.alpha = alpha;
    return p;
}

// N inputs with eigenvalues 1, ratio, ratio^2, ... under a random rotation.
inline SimParams spectrum(Rule rule, int inputs, double ratio, double eta, int outputs = 1) {
    SimParams p;
    p.source.kind = SourceKind::Spectrum;
    p.source.inputs = inputs;
    p.source.lambda1 = 1.0;
    p.source.ratio = ratio;
    p.learning.rule = rule;
    p.learning.eta = eta;
    p.learning.outputs = outputs;
    return p;
}

// The recurrent story: k shared signals mixed into N streams plus private noise.
inline SimParams latent_recurrent(int inputs, double eta, double alpha) {
    SimParams p;
    p.source.kind = SourceKind::Latent;
    p.source.inputs = inputs;
    p.source.signals = 1;
    p.source.signal_variance = 0.25;
    p.source.noise_variance = 1.0;
    p.circuit = Circuit::Recurrent;
    p.learning.eta = eta;
    p.learning.alpha = alpha;
    return p;
}

// BCM on two orthogonal patterns, (1, 0) and (0, 1), each presented with p = 1/2:
// raw rows (no centring, no offset), so the patterns stay positive.
inline SimParams bcm_two_patterns(std::uint64_t seed) {
    auto patterns = std::make_shared<Eigen::MatrixXd>(2, 2);
    *patterns << 1, 0, 0, 1;
    SimParams p;
    p.source.kind = SourceKind::Dataset;
    p.source.data = patterns;
    p.source.centre = false;
    p.subtract_mean = false;
    p.learning.rule = Rule::Bcm;
    p.learning.eta = 0.005;
    p.learning.theta_rate = 0.05;
    p.init_scale = 0.5;
    p.seed = seed;
    return p;
}

}  // namespace hebbian::scenarios
