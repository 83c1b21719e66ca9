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
        case View::Receptive: return "receptive";
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
        case View::Receptive: return "Receptive fields";
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
        case View::Receptive:
            // Sanger's rule on 8 x 8 patches of dead leaves: row i of W turns to PC_i of the patches.
            // A Gaussian window of sigma 2 px, as Hancock, Baddeley and Smith (1992) used: the
            // components are localised, the first is a centre blob, and the spectrum has clear gaps
            // after 1, 3, 5 and 8 components (blob; the two first derivatives; two, then three
            // second-order operators: 1.26 | 1.0 0.99 | 0.37 0.36 | 0.25 0.24 0.23 | 0.18 at seed 1),
            // so k = 8 learns a well-defined subspace. Without a window the two gradient
            // orientations lead with nearly equal eigenvalues, and the 8th and 9th nearly tie.
            p.source.kind = SourceKind::DeadLeaves;
            p.source.patches.side = 8;
            p.source.patches.window_sigma = 2.0;
            p.learning.rule = Rule::Sanger;
            p.learning.outputs = 8;
            // lambda_1 = 1.26: w_1 turns to the blob within ~3 10^4 steps, the top-8 subspace reaches
            // an alignment of 0.85 by 10^5 steps, 0.985 by 3 10^5 and 0.9995 by 10^6 (at seed 1):
            // at 1-2 10^5 steps a second the filters form over a few seconds and settle within ten.
            // eta = 0.002 gets there 10x sooner but the filters then jitter around the PCs
            // (|cos| 0.95 and an alignment of 0.995 at best).
            p.learning.eta = 0.0002;
            // A step costs under a microsecond in wasm: 4000 a frame take ~3 ms of its 10 ms budget,
            // 2.4 10^5 patches a second at 60 frames a second.
            setup.speed = 4000;
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
