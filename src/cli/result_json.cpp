// Serialises a finished run (fields documented in README.md, "The result file").
#include "result_json.hpp"

#include "embed/export_text.hpp"
#include "json_writer.hpp"

namespace hebbian {

namespace {

void write_params(JsonWriter& json, const Simulation& sim, const RunOptions& options) {
    const SimParams& p = sim.params();
    json.key("params");
    json.begin_object();
    json.field("circuit", to_string(p.circuit));
    json.field("rule", to_string(p.learning.rule));
    json.field("outputs", static_cast<long long>(p.learning.outputs));
    json.field("eta", p.learning.eta);
    json.field("alpha", p.learning.alpha);
    json.field("theta_rate", p.learning.theta_rate);
    json.field("beta", p.learning.beta);
    json.field("w_ref", p.learning.w_ref);
    json.field("steps", options.steps);
    json.field("batch", static_cast<long long>(p.batch));
    json.field("seed", std::to_string(p.seed));
    json.field("source", to_string(p.source.kind));
    if (!options.data_path.empty()) json.field("data", options.data_path);
    if (!options.image_path.empty()) json.field("image", options.image_path);
    if (const PatchSource* patches = sim.source().patches()) {
        json.field("patch", static_cast<long long>(patches->params().side));
        json.field("window", patches->params().window_sigma);
        json.field("patch_mean", patches->params().remove_mean);
        json.field("unit_norm", patches->params().unit_norm);
        json.field("image_width", static_cast<long long>(patches->image().width));
        json.field("image_height", static_cast<long long>(patches->image().height));
    }
    json.field("subtract_mean", p.subtract_mean);
    json.end_object();
}

void write_history(JsonWriter& json, const History& h) {
    json.key("history");
    json.begin_object();
    json.field("stride", h.stride);
    json.field("step", h.step);
    json.field("norm", h.norm);
    json.field("alignment", h.alignment);
    json.field("subspace_alignment", h.subspace_alignment);
    json.field("predicted_norm", h.predicted_norm);
    json.field("predicted_alignment", h.predicted_alignment);
    json.field("output", h.output);
    json.field("relative_error", h.relative_error);
    json.field("predicted_relative_error", h.predicted_relative_error);
    json.field("norm_low", h.norm_low);
    json.field("norm_typical", h.norm_typical);
    json.field("norm_high", h.norm_high);
    json.field("alignment_low", h.alignment_low);
    json.field("alignment_typical", h.alignment_typical);
    json.field("alignment_high", h.alignment_high);
    json.field("relative_error_low", h.relative_error_low);
    json.field("relative_error_typical", h.relative_error_typical);
    json.field("relative_error_high", h.relative_error_high);
    json.field("subspace_alignment_low", h.subspace_alignment_low);
    json.field("subspace_alignment_typical", h.subspace_alignment_typical);
    json.field("subspace_alignment_high", h.subspace_alignment_high);
    json.end_object();
}

void write_inhibitory_params(JsonWriter& json, const InhibitoryParams& p, const RunOptions& options) {
    json.key("params");
    json.begin_object();
    json.field("circuit", to_string(Circuit::Inhibitory));
    json.field("inh_eta", p.eta);
    json.field("rho0", p.target_rate);
    json.field("drive", p.drive);
    json.field("channels", static_cast<long long>(p.channels));
    json.field("tuning_width", p.tuning_width);
    json.field("input_rate", p.mean_rate);
    json.field("rate_spread", p.rate_spread);
    json.field("steps", options.steps);
    json.field("seed", std::to_string(p.seed));
    json.end_object();
}

}  // namespace

void write_result_json(std::ostream& out, const InhibitoryBalance& balance, const RunOptions& options) {
    JsonWriter json(out);
    json.begin_object();
    write_inhibitory_params(json, balance.params(), options);
    json.field("steps_done", balance.steps_done());
    json.field("excitatory", balance.excitatory());
    json.field("inhibitory", balance.inhibitory());
    json.field("net_weight", Eigen::VectorXd(balance.excitatory() - balance.inhibitory()));
    json.field("predicted_net_weight", balance.predicted_net_weight());
    const std::vector<double>& rate = balance.history_rate();
    json.key("rate");
    if (rate.empty()) json.null(); else json.value(rate.back());
    json.field("predicted_rate", balance.predicted_rate());
    json.field("co_tuning", balance.co_tuning());
    json.key("history");
    json.begin_object();
    json.field("stride", balance.history_stride());
    json.field("step", balance.history_step());
    json.field("rate", rate);
    // The 5%, 50% and 95% quantiles of single runs' rate over each recorded interval.
    json.field("rate_low", embed::quantile_series(balance.history_band(), &Quantiles::low));
    json.field("rate_typical", embed::quantile_series(balance.history_band(), &Quantiles::typical));
    json.field("rate_high", embed::quantile_series(balance.history_band(), &Quantiles::high));
    json.end_object();
    json.end_object();
    out << '\n';
}

void write_result_json(std::ostream& out, const Simulation& sim, const RunOptions& options) {
    JsonWriter json(out);
    const PrincipalComponents& pcs = sim.components();
    const double lambda1 = pcs.values(0);
    json.begin_object();
    write_params(json, sim, options);
    json.field("inputs", static_cast<long long>(sim.inputs()));
    json.field("steps_done", sim.steps_done());
    json.field("samples_seen", sim.samples_seen());

    json.key("weights");
    if (const FeedforwardCircuit* ff = sim.feedforward()) {
        json.rows(ff->weights());
        json.field("alignment", abs_cosine(ff->weights().row(0).transpose(), pcs.vectors.col(0)));
        json.field("norm", ff->weights().row(0).norm());
        if (ff->weights().rows() > 1)
            json.field("subspace_alignment",
                       subspace_alignment(ff->weights(), pcs.vectors.leftCols(ff->weights().rows())));
        if (sim.params().learning.rule == Rule::Bcm) json.field("bcm_threshold", ff->threshold());
        json.key("recurrent");
        json.null();
    } else {
        json.null();
        const RecurrentCircuit& rec = *sim.recurrent();
        json.key("recurrent");
        json.rows(rec.weights());
        const double alpha = rec.params().alpha;
        json.key("relative_error");
        if (alpha > 0.0)
            json.value(relative_frobenius_error(alpha * rec.weights(), sim.covariance()));
        else
            json.null();
        json.field("time_constant_steps", recurrent_time_constant(rec.params().eta, alpha));
        const RecurrentResponse response(rec.weights());
        json.key("response");
        json.begin_object();
        json.field("spectral_radius", response.spectral_radius());
        json.field("defined", response.defined());
        json.field("message", response.why_undefined());
        json.end_object();
    }

    json.key("covariance");
    json.rows(sim.covariance());
    if (sim.params().track_empirical) {
        json.key("empirical_covariance");
        json.rows(sim.empirical_covariance());
    }
    json.field("mean", sim.source().mean());
    json.field("offset", sim.offset());
    json.field("eigenvalues", pcs.values);
    json.key("eigenvectors");
    json.rows(pcs.vectors.transpose());
    json.field("regime", sim.regime());
    json.field("lambda1", lambda1);

    const Divergence& d = sim.divergence();
    json.field("diverged", d.diverged);
    json.key("diverged_at_step");
    if (d.diverged) json.value(d.step); else json.null();
    json.key("divergence_reason");
    if (d.diverged) json.value(d.reason); else json.null();
    if (sim.feedforward()) {
        // The steps at which 5%, 50% and 95% of single runs pass kExplosionFactor |w_0| (null: most never do).
        json.key("explosion_window");
        if (const std::optional<Quantiles>& window = sim.forecast().explosion_step()) {
            json.begin_object();
            json.field("low", window->low);
            json.field("typical", window->typical);
            json.field("high", window->high);
            json.end_object();
        } else {
            json.null();
        }
    }
    write_history(json, sim.history());
    json.end_object();
    out << '\n';
}

}  // namespace hebbian
