// Names and starting runs of the views (see views.hpp).
#include "embed/views.hpp"

namespace hebbian::embed {

const char* view_name(View view) {
    switch (view) {
        case View::Feedforward: return "feedforward";
        case View::Recurrent: return "recurrent";
        case View::Amplification: return "amplification";
        case View::Appendix: return "appendix";
        case View::Stabilizers: return "stabilizers";
    }
    return "feedforward";
}

const char* view_title(View view) {
    switch (view) {
        case View::Feedforward: return "Feedforward";
        case View::Recurrent: return "Recurrent";
        case View::Amplification: return "Amplification";
        case View::Appendix: return "Appendix: Hebb vs decay";
        case View::Stabilizers: return "Stabilizers";
    }
    return "Feedforward";
}

std::optional<View> parse_view(std::string_view name) {
    for (View view : kAllViews)
        if (name == view_name(view)) return view;
    return std::nullopt;
}

bool recurrent_view(View view) { return view == View::Recurrent || view == View::Amplification; }

ViewSetup default_setup(View view) {
    ViewSetup setup;
    SimParams& p = setup.params;
    switch (view) {
        case View::Feedforward:
            p.learning.rule = Rule::Decay;  // alpha = lambda_1 = 1: the norm holds
            break;
        case View::Recurrent:
            p.circuit = Circuit::Recurrent;
            p.source.kind = SourceKind::Spectrum;
            p.source.inputs = 8;
            p.source.ratio = 0.6;
            p.learning.eta = 0.002;  // time constant 1 / (eta alpha) = 250 steps, a low noise floor
            p.learning.alpha = 2.0;
            setup.speed = 20;
            break;
        case View::Amplification: {
            p.circuit = Circuit::Recurrent;
            p.source.kind = SourceKind::Latent;
            p.source.inputs = 16;
            p.learning.eta = 0.001;  // W averages ~1 / (eta alpha) ~ 200 samples: a steady spectral radius
            Simulation probe;
            if (probe.reset(p).empty()) p.learning.alpha = kAmplificationAlphaFactor * probe.components().values(0);
            setup.speed = 20;
            break;
        }
        case View::Appendix:
            p.learning.eta = kAppendixEta;
            setup.speed = 2;
            break;
        case View::Stabilizers:
            // Gaussian inputs with lambda_1 = 1: decay at alpha = lambda_1 holds its norm in the
            // mean, hetero settles at (3 beta lambda_1)^(-1/4) = 0.76, Oja at 1, BCM finds no
            // pattern to select and shrinks, and plain Hebb grows by (1 + eta)^t.
            p.source.kind = SourceKind::Spectrum;
            p.source.inputs = 8;
            p.inhibition.eta = 0.01;  // the inhibition copies the tuning within the first few thousand steps
            setup.speed = 50;
            break;
    }
    return setup;
}

ViewSetups default_setups() {
    ViewSetups setups;
    for (View view : kAllViews) setups[static_cast<size_t>(view_index(view))] = default_setup(view);
    return setups;
}

}  // namespace hebbian::embed
