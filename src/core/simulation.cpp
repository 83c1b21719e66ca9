// Orchestrates source, circuit, divergence and analysis (see simulation.hpp).
#include "simulation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kernels.hpp"
#include "parameters.hpp"

namespace hebbian {

namespace {

// Independent random streams derived from one seed.
enum Stream : std::uint64_t { kModelStream = 1, kWeightStream = 2, kSampleStream = 3, kForecastStream = 4 };
// Patches an image source draws for the single-run forecast's moments.
constexpr Eigen::Index kForecastPatches = 4096;
Rng stream_rng(std::uint64_t seed, Stream stream) { return Rng(seed ^ (stream * 0xD1B54A32D192ED03ULL)); }

struct Name {
    const char* text;
    int value;
};
constexpr Name kRuleNames[] = {{"hebb", int(Rule::Hebb)},
                               {"decay", int(Rule::Decay)},
                               {"oja", int(Rule::Oja)},
                               {"sanger", int(Rule::Sanger)},
                               {"bcm", int(Rule::Bcm)},
                               {"hetero", int(Rule::Heterosynaptic)}};
constexpr Name kCircuitNames[] = {{"feedforward", int(Circuit::Feedforward)},
                                  {"recurrent", int(Circuit::Recurrent)},
                                  {"inhibitory", int(Circuit::Inhibitory)}};
constexpr Name kSourceNames[] = {{"gaussian2d", int(SourceKind::Gaussian2D)},
                                 {"spectrum", int(SourceKind::Spectrum)},
                                 {"latent", int(SourceKind::Latent)},
                                 {"dead-leaves", int(SourceKind::DeadLeaves)},
                                 {"pink-noise", int(SourceKind::PinkNoise)},
                                 {"dataset", int(SourceKind::Dataset)},
                                 {"picture", int(SourceKind::Picture)}};

template <size_t N>
std::string name_of(const Name (&names)[N], int value) {
    for (const Name& n : names)
        if (n.value == value) return n.text;
    return "?";
}

template <typename Enum, size_t N>
std::optional<Enum> value_of(const Name (&names)[N], const std::string& text) {
    for (const Name& n : names)
        if (text == n.text) return static_cast<Enum>(n.value);
    return std::nullopt;
}

// The constant |w_1| a rule's theory predicts (see Simulation::fixed_norm).
std::optional<double> predicted_fixed_norm(const FeedforwardParams& learning, double lambda1) {
    if (learning.rule == Rule::Oja || learning.rule == Rule::Sanger) return 1.0;
    if (learning.rule == Rule::Heterosynaptic && learning.w_ref == 0.0)
        return heterosynaptic_fixed_norm(learning.beta, lambda1);
    return std::nullopt;
}

}  // namespace

std::string to_string(Rule rule) { return name_of(kRuleNames, int(rule)); }
std::string to_string(Circuit circuit) { return name_of(kCircuitNames, int(circuit)); }
std::string to_string(SourceKind kind) { return name_of(kSourceNames, int(kind)); }
std::optional<Rule> parse_rule(const std::string& name) { return value_of<Rule>(kRuleNames, name); }
std::optional<Circuit> parse_circuit(const std::string& name) { return value_of<Circuit>(kCircuitNames, name); }
std::optional<SourceKind> parse_source_kind(const std::string& name) {
    return value_of<SourceKind>(kSourceNames, name);
}

InhibitoryParams balance_params(const SimParams& params) {
    InhibitoryParams p = params.inhibition;
    p.seed = params.seed;
    p.history_capacity = params.history_capacity;
    return p;
}

std::string validate(const SimParams& p) {
    if (p.circuit == Circuit::Inhibitory) return validate(balance_params(p));
    if (std::string why = validate(p.source); !why.empty()) return why;
    const int inputs = input_count(p.source);
    if (p.circuit == Circuit::Recurrent) {
        if (!circuit_takes(Circuit::Recurrent, p.learning.rule))
            return "rule " + to_string(p.learning.rule) +
                   " is for the feedforward circuit; the recurrent circuit learns with decay (or hebb, alpha = 0)";
        if (std::string why = validate(RecurrentParams{p.learning.eta, p.learning.alpha}); !why.empty()) return why;
    } else if (std::string why = validate(p.learning, inputs); !why.empty()) {
        return why;
    }
    if (p.batch < 1 || p.batch > kMaxBatch) return "batch must be between 1 and " + std::to_string(kMaxBatch);
    if (!std::isfinite(p.init_scale) || p.init_scale <= 0.0) return "init_scale must be a positive finite number";
    if (!std::isfinite(p.divergence_limit) || p.divergence_limit <= 0.0)
        return "divergence_limit must be a positive finite number";
    if (p.history_capacity < 16) return "history_capacity must be at least 16";
    if (p.recent_capacity < 1) return "recent_capacity must be at least 1";
    return "";
}

Simulation::Simulation() { reset(SimParams{}); }

std::string Simulation::reset(const SimParams& params) {
    if (params.circuit == Circuit::Inhibitory)
        return "the inhibitory circuit runs in InhibitoryBalance (inhibitory_balance.hpp), not in a Simulation";
    if (std::string why = validate(params); !why.empty()) return why;
    params_ = params;
    Rng model_rng = stream_rng(params.seed, kModelStream);
    source_ = std::make_unique<InputSource>(params.source, model_rng);
    sample_rng_ = stream_rng(params.seed, kSampleStream);
    const int n = source_->dim();

    offset_ = params.subtract_mean ? source_->mean() : Eigen::VectorXd::Zero(n);
    const Eigen::VectorXd bias = source_->mean() - offset_;
    covariance_ = source_->covariance() + bias * bias.transpose();
    covariance_norm_ = covariance_.norm();
    components_ = principal_components(covariance_);

    feedforward_.reset();
    recurrent_.reset();
    if (params.circuit == Circuit::Feedforward) {
        Rng weight_rng = stream_rng(params.seed, kWeightStream);
        initial_weights_.resize(params.learning.outputs, n);
        for (Eigen::Index j = 0; j < n; ++j)
            for (Eigen::Index i = 0; i < initial_weights_.rows(); ++i)
                initial_weights_(i, j) = params.init_scale * weight_rng.normal();
        feedforward_ = std::make_unique<FeedforwardCircuit>(params.learning, initial_weights_);
        fixed_norm_ = predicted_fixed_norm(params.learning, components_.values(0));
        Eigen::MatrixXd drawn;
        const FeedforwardForecastSetup setup{params.learning,     params.batch,           params.init_scale,
                                             &components_,        forecast_samples(drawn), offset_,
                                             params.seed};
        forecast_ = FeedforwardForecast(setup);
        subspace_forecast_ = params.learning.rule == Rule::Sanger
                                 ? hebbian::subspace_forecast(components_, params.learning.outputs, params.learning.eta,
                                                              params.batch, params.init_scale, setup.rows, offset_)
                                 : SubspaceForecast{};
        recurrent_forecast_ = RecurrentForecast{};
    } else {
        fixed_norm_.reset();
        initial_weights_ = Eigen::MatrixXd::Zero(n, n);
        recurrent_ = std::make_unique<RecurrentCircuit>(RecurrentParams{params.learning.eta, alpha_in_use()}, n);
        initial_relative_error_ = relative_frobenius_error(alpha_in_use() * initial_weights_, covariance_);
        noise_floor_ = recurrent_noise_floor(covariance_, params.learning.eta, alpha_in_use(), params.batch);
        Eigen::MatrixXd drawn;
        forecast_ = FeedforwardForecast{};
        subspace_forecast_ = SubspaceForecast{};
        recurrent_forecast_ = recurrent_forecast(components_.values, params.learning.eta, alpha_in_use(), params.batch,
                                                 forecast_samples(drawn), &offset_);
    }

    offset_nonzero_ = (offset_.array() != 0.0).any();
    const bool dataset = params.source.kind == SourceKind::Dataset;
    running_ = BlockCovariance(params.track_empirical && !dataset ? n : 0);
    row_draws_.assign(params.track_empirical && dataset ? static_cast<size_t>(source_->dataset_samples().cols()) : 0, 0);
    steps_ = 0;
    divergence_ = Divergence{};
    history_ = History{};
    recent_.clear();
    recent_held_ = 0;
    record();
    return "";
}

const Eigen::MatrixXd* Simulation::forecast_samples(Eigen::MatrixXd& drawn) {
    // A data set: its rows. An image source: patches drawn from a stream of their own (the
    // moments of a single run come from the data, not from a Gaussian assumption). The
    // synthetic sources are Gaussian: none.
    if (params_.source.kind == SourceKind::Dataset) return &source_->dataset_samples();
    if (!image_source(params_.source.kind)) return nullptr;
    Rng rng = stream_rng(params_.seed, kForecastStream);
    drawn.resize(inputs(), kForecastPatches);
    source_->sample_block(rng, drawn);
    return &drawn;
}

bool Simulation::learns_rows_in_place() const {
    return params_.source.kind == SourceKind::Dataset && feedforward_ && params_.batch == 1 && !offset_nonzero_;
}

double Simulation::alpha_in_use() const { return effective_alpha(params_.learning); }

void Simulation::step(long long n) {
    const long long batch = params_.batch;
    const long long block_samples =
        recurrent_ ? kBlockSamples
                   : std::min<long long>(kBlockSamples, kFeedforwardBlockBytes / (8LL * inputs()));
    const long long block_steps = std::max<long long>(1, block_samples / batch);
    const bool count_rows = !row_draws_.empty();  // track_empirical on a data set
    const bool in_place = learns_rows_in_place();
    while (n > 0 && !divergence_.diverged) {
        // Up to the next history record: the steps in between are never observed.
        const long long steps = std::min({n, block_steps, history_.stride - steps_ % history_.stride});
        const Eigen::Index columns = static_cast<Eigen::Index>(steps * batch);
        block_.latent.resize(source_->latent_dim(), columns);
        block_.rows.resize(in_place || count_rows ? static_cast<size_t>(columns) : 0);
        if (in_place) {
            block_.samples.resize(inputs(), 0);
            source_->draw_rows(sample_rng_, block_.rows.data(), columns);
        } else {
            block_.samples.resize(inputs(), columns);
            source_->sample_block(sample_rng_, block_.samples, &block_.latent, count_rows ? block_.rows.data() : nullptr);
            if (offset_nonzero_) block_.samples.colwise() -= offset_;
        }
        const long long done = learn_block(steps);
        // The samples of the steps done and of a refused step count as seen, as they would one step at a time.
        const Eigen::Index seen = std::min<Eigen::Index>(columns, static_cast<Eigen::Index>((done + 1) * batch));
        if (count_rows)
            for (Eigen::Index b = 0; b < seen; ++b) ++row_draws_[static_cast<size_t>(block_.rows[static_cast<size_t>(b)])];
        else if (params_.track_empirical)
            running_.add(block_.samples.leftCols(seen));
        keep_recent(seen);
        steps_ += done;
        if (done > 0 && steps_ % history_.stride == 0) record();
        n -= steps;
    }
}

long long Simulation::learn_block(long long steps) {
    const int batch = params_.batch;
    if (recurrent_) {
        const RecurrentCircuit::StepsDone done = recurrent_->learn_steps(block_.samples, batch, params_.divergence_limit);
        if (!done.reason.empty()) divergence_ = Divergence{true, steps_ + done.steps + 1, done.reason};
        return done.steps;
    }
    const bool in_place = learns_rows_in_place();
    const Eigen::MatrixXd& rows = source_->dataset_samples();
    for (long long s = 0; s < steps; ++s) {
        const auto at = static_cast<size_t>(s);
        if (in_place && at + InputSource::kRowsAhead < block_.rows.size())
            source_->prefetch_row(block_.rows[at + InputSource::kRowsAhead]);
        const std::string why =
            in_place ? feedforward_->learn(rows.col(block_.rows[at]), params_.divergence_limit)
                     : feedforward_->learn(block_.samples.middleCols(static_cast<Eigen::Index>(s * batch), batch),
                                           params_.divergence_limit);
        if (!why.empty()) {
            divergence_ = Divergence{true, steps_ + s + 1, why};
            return s;
        }
    }
    return steps;
}

void Simulation::keep_recent(Eigen::Index seen) {
    // The block joins the recent ones as it is (no copy); the oldest blocks that are no
    // longer needed to hold recent_capacity samples give their memory to the next blocks.
    block_.seen = seen;
    recent_held_ += seen;
    recent_.push_back(std::move(block_));
    while (recent_held_ - recent_.front().seen >= params_.recent_capacity) {
        recent_held_ -= recent_.front().seen;
        spare_.push_back(std::move(recent_.front()));
        recent_.pop_front();
    }
    block_ = SampleBlock{};
    if (!spare_.empty()) {
        block_ = std::move(spare_.back());
        spare_.pop_back();
    }
}

Eigen::MatrixXd Simulation::recent_columns(Eigen::MatrixXd SampleBlock::*part) const {
    // The last recent_capacity samples of the blocks, oldest first.
    const Eigen::Index count = std::min<Eigen::Index>(recent_held_, params_.recent_capacity);
    const Eigen::Index rows = part == &SampleBlock::samples ? inputs() : source_->latent_dim();
    Eigen::MatrixXd ordered(rows, count);
    Eigen::Index skip = recent_held_ - count, at = 0;
    for (const SampleBlock& block : recent_) {
        const Eigen::Index from = std::min(skip, block.seen), take = block.seen - from;
        skip -= from;
        if (part == &SampleBlock::samples && block.samples.cols() == 0)  // learned in place: the data set's rows
            for (Eigen::Index b = 0; b < take; ++b)
                ordered.col(at + b) = source_->dataset_samples().col(block.rows[static_cast<size_t>(from + b)]);
        else
            ordered.middleCols(at, take) = (block.*part).middleCols(from, take);
        at += take;
    }
    return ordered;
}

Eigen::MatrixXd Simulation::recent_samples() const { return recent_columns(&SampleBlock::samples); }
Eigen::MatrixXd Simulation::recent_latent() const { return recent_columns(&SampleBlock::latent); }

Eigen::MatrixXd Simulation::empirical_covariance() const {
    if (!params_.track_empirical) return Eigen::MatrixXd::Zero(inputs(), inputs());
    if (row_draws_.empty()) return running_.covariance();
    // A data set: the covariance of its rows, each weighted by how often it was drawn.
    const Eigen::MatrixXd& rows = source_->dataset_samples();
    Eigen::VectorXd weight(rows.cols());
    for (Eigen::Index r = 0; r < rows.cols(); ++r) weight(r) = static_cast<double>(row_draws_[static_cast<size_t>(r)]);
    const double total = weight.sum();
    if (total == 0.0) return Eigen::MatrixXd::Zero(inputs(), inputs());
    weight /= total;
    const Eigen::MatrixXd centred = rows.colwise() - rows * weight;
    return centred * weight.asDiagonal() * centred.transpose();
}

std::string Simulation::regime() const {
    const double lambda1 = components_.values(0);
    if (recurrent_) return describe_recurrent_regime(alpha_in_use(), lambda1);
    switch (params_.learning.rule) {
        case Rule::Hebb:
            return "plain Hebb (no decay): the norm grows like (1 + eta*lambda_1)^t; the direction turns to PC1";
        case Rule::Decay:
            return describe_regime(alpha_in_use(), lambda1);
        case Rule::Oja:
            return "Oja: the norm settles at 1 and the direction turns to PC1 (alpha is not used)";
        case Rule::Sanger:
            return "Sanger: row i settles on PC_i with unit norm (alpha is not used)";
        case Rule::Bcm:
            return "BCM: the threshold tracks <y^2> and the neuron becomes selective (alpha is not used)";
        case Rule::Heterosynaptic: {
            char text[240];
            std::snprintf(text, sizeof text,
                          "Hebb + heterosynaptic term: the direction turns to PC1 and, for Gaussian inputs with w_ref = "
                          "0, |w| settles at (3 beta lambda_1)^(-1/4) = %.3g",
                          heterosynaptic_fixed_norm(params_.learning.beta, lambda1));
            return text;
        }
    }
    return "";
}

void Simulation::record() {
    History& h = history_;
    if (static_cast<int>(h.step.size()) >= params_.history_capacity) {
        // Keep every other point and record half as often from now on.
        auto thin = [](auto& series) {
            size_t kept = 0;
            for (size_t i = 0; i < series.size(); i += 2) series[kept++] = series[i];
            series.resize(kept);
        };
        thin(h.step), thin(h.norm), thin(h.alignment), thin(h.subspace_alignment), thin(h.predicted_norm),
            thin(h.predicted_alignment), thin(h.output), thin(h.relative_error), thin(h.predicted_relative_error);
        thin(h.norm_low), thin(h.norm_typical), thin(h.norm_high), thin(h.alignment_low), thin(h.alignment_typical),
            thin(h.alignment_high), thin(h.relative_error_low), thin(h.relative_error_typical),
            thin(h.relative_error_high), thin(h.subspace_alignment_low), thin(h.subspace_alignment_typical),
            thin(h.subspace_alignment_high);
        h.stride *= 2;
        if (steps_ % h.stride != 0) return;
    }
    const Eigen::VectorXd pc1 = components_.vectors.col(0);
    h.step.push_back(steps_);
    const double t = static_cast<double>(steps_);
    if (feedforward_) {
        const WeightMatrix& w = feedforward_->weights();
        h.norm.push_back(w.row(0).norm());
        h.alignment.push_back(abs_cosine(w.row(0).transpose(), pc1));
        h.output.push_back(feedforward_->last_output()(0));
        if (w.rows() > 1)
            h.subspace_alignment.push_back(subspace_alignment(w, components_.vectors.leftCols(w.rows())));
        if (!subspace_forecast_.empty()) {
            const bool holds = t >= subspace_forecast_.start;
            const Quantiles& band = subspace_forecast_.alignment;
            const double none = std::nan("");
            h.subspace_alignment_low.push_back(holds ? band.low : none);
            h.subspace_alignment_typical.push_back(holds ? band.typical : none);
            h.subspace_alignment_high.push_back(holds ? band.high : none);
        }
        const Rule rule = params_.learning.rule;
        if (rule == Rule::Hebb || rule == Rule::Decay) {
            const Eigen::VectorXd w0 = initial_weights_.row(0).transpose();
            const double eta = params_.learning.eta, alpha = alpha_in_use();
            h.predicted_norm.push_back(std::exp(predicted_log_norm(components_, w0, eta, alpha, t)));
            h.predicted_alignment.push_back(predicted_alignment(components_, w0, eta, alpha, t));
        }
        if (!forecast_.empty()) {
            const Quantiles norm = forecast_.norm(t), cosine = forecast_.alignment(t);
            h.norm_low.push_back(norm.low), h.norm_typical.push_back(norm.typical), h.norm_high.push_back(norm.high);
            h.alignment_low.push_back(cosine.low), h.alignment_typical.push_back(cosine.typical),
                h.alignment_high.push_back(cosine.high);
        }
    } else {
        // |W|_F, |alpha W - C|_F and W pc1 in one pass over the lower triangles of W and C:
        // at N = 512 and a record every 64 samples, full passes (W twice, C once) took nearly
        // half as long as the learning in wasm.
        const Eigen::MatrixXd& w = recurrent_->weights();
        const int n = static_cast<int>(w.rows());
        const double alpha = alpha_in_use();
        double w_squared = 0.0, distance_squared = 0.0;
        Eigen::VectorXd w_pc1(n);
        kernels::symmetric_norms_and_product(w.data(), covariance_.data(), alpha, n, pc1.data(), w_pc1.data(),
                                             &w_squared, &distance_squared);
        h.norm.push_back(std::sqrt(w_squared));
        h.alignment.push_back(abs_cosine(w_pc1, pc1));
        if (alpha > 0.0) {
            h.relative_error.push_back(relative_error(std::sqrt(distance_squared), covariance_norm_));
            h.predicted_relative_error.push_back(
                predicted_relative_error(initial_relative_error_, noise_floor_, params_.learning.eta, alpha, t));
            const Quantiles band = recurrent_forecast_.relative_error(t);
            h.relative_error_low.push_back(band.low), h.relative_error_typical.push_back(band.typical),
                h.relative_error_high.push_back(band.high);
        }
    }
}

}  // namespace hebbian
