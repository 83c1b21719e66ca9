// One run of one circuit on one input source: the object the app, the command-line
// runner and the tests drive. Its whole verb set is reset(params) and step(n).
//
//   Simulation sim;
//   SimParams p;                      // plain struct, every field has a default
//   p.learning.rule = Rule::Oja;
//   if (auto error = sim.reset(p); !error.empty()) { ... }   // old state kept
//   sim.step(1000);
//   sim.history().alignment.back();   // |cos(w, PC1)|
//
// The seed fixes three independent random streams: the source model (rotation,
// loadings), the initial weights, and the input samples. So two runs that differ
// only in the rule (the appendix's Hebb vs decay) see exactly the same inputs.
//
// The circuit sees x - o, where o is the source mean when subtract_mean is on (the
// offset needed for non-zero mean rates) and 0 otherwise. Its "covariance as seen"
// is then E[(x - o)(x - o)^T] = C + (m - o)(m - o)^T: without the offset a
// baseline rate adds m m^T and drags the learned direction towards the mean.
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis.hpp"
#include "block_covariance.hpp"
#include "divergence.hpp"
#include "feedforward.hpp"
#include "inhibitory_balance.hpp"
#include "random.hpp"
#include "recurrent.hpp"
#include "single_run.hpp"
#include "source.hpp"

namespace hebbian {

// Feedforward and recurrent circuits run in a Simulation. The inhibitory one is the balanced
// inhibitory plasticity of inhibitory_balance.hpp, run by InhibitoryBalance (the stabilizers
// view's panel, the runner's --circuit inhibitory) from SimParams::inhibition.
enum class Circuit { Feedforward, Recurrent, Inhibitory };

struct SimParams {
    SourceParams source;            // where the inputs come from
    Circuit circuit = Circuit::Feedforward;  // many-to-one or all-to-all
    FeedforwardParams learning;     // rule, k, eta, alpha; the recurrent circuit uses eta and
                                    // alpha (rule hebb means alpha = 0; other rules are an error)
    std::uint64_t seed = 1;         // fixes the source model, the initial weights and the samples
    int batch = 1;                  // samples averaged per learning step (1..4096); 1 = online
    bool subtract_mean = true;      // feed x - mean (the offset rule) instead of x
    double init_scale = 0.1;        // feedforward weights start as init_scale * N(0, 1) (> 0)
    double divergence_limit = kDefaultDivergenceLimit;  // |weight| above this stops the run
    bool track_empirical = false;   // keep the empirical covariance of the samples seen: a data set
                                    // counts its rows' draws (O(1) a sample), other sources add each
                                    // block as one rank-B update (O(N^2) a sample); only when asked
    int history_capacity = 1024;    // points kept per history series (>= 16); older ones thin out
    int recent_capacity = 256;      // recent samples kept for plots (>= 1)
    InhibitoryParams inhibition;    // the inhibitory circuit's own parameters (its seed and history
                                    // capacity are the two above: balance_params)
};

// The inhibitory circuit's parameters: `inhibition` with SimParams' seed and history capacity.
InhibitoryParams balance_params(const SimParams& params);

constexpr int kMaxBatch = 4096;
// Samples drawn (and, for the recurrent circuit, learned) per block inside step().
constexpr int kBlockSamples = 64;
// A feedforward block holds at most this many bytes of samples (but at least one step),
// so that its samples are still in the L2 cache when they are learned: at N = 1024
// that is 16 samples.
constexpr int kFeedforwardBlockBytes = 128 * 1024;

// Every series has one entry per recorded step; series that do not apply to the
// current circuit or rule stay empty.
struct History {
    std::vector<long long> step;
    std::vector<double> norm;                      // feedforward: |w_1|; recurrent: |W|_F
    std::vector<double> alignment;                 // feedforward: |cos(w_1, PC1)|; recurrent: |cos(W v1, v1)|
    std::vector<double> subspace_alignment;        // feedforward with k > 1: alignment with the top-k PCs
    std::vector<double> predicted_norm;            // hebb and decay: mean-field |w_t| (may overflow to inf)
    std::vector<double> predicted_alignment;       // hebb and decay: mean-field |cos(w_t, PC1)|
    std::vector<double> output;                    // feedforward: y_1 for the last sample
    std::vector<double> relative_error;            // recurrent: |alpha W - C|_F / |C|_F (alpha > 0)
    std::vector<double> predicted_relative_error;  // recurrent: expected value (decay + noise floor)
    // One run's band (single_run.hpp): 5%, 50% ("typical") and 95% quantiles over runs that
    // differ only in their initial weights and samples. Empty where the theory has none.
    std::vector<double> norm_low, norm_typical, norm_high;                  // feedforward |w_1|
    std::vector<double> alignment_low, alignment_typical, alignment_high;  // feedforward |cos(w_1, PC1)|
    std::vector<double> relative_error_low, relative_error_typical, relative_error_high;  // recurrent
    // Sanger with k > 1: the subspace alignment's stationary band, NaN before the step it holds
    // from (Simulation::subspace_forecast().start).
    std::vector<double> subspace_alignment_low, subspace_alignment_typical, subspace_alignment_high;
    long long stride = 1;                          // steps between recorded points
};

struct Divergence {
    bool diverged = false;
    long long step = 0;  // the step that would have blown up (the weights are those before it)
    std::string reason;
};

std::string to_string(Rule rule);
std::string to_string(Circuit circuit);
std::string to_string(SourceKind kind);
std::optional<Rule> parse_rule(const std::string& name);
std::optional<Circuit> parse_circuit(const std::string& name);
std::optional<SourceKind> parse_source_kind(const std::string& name);

// Empty when the parameters can run; otherwise one sentence naming the field.
std::string validate(const SimParams& params);

class Simulation {
public:
    Simulation();

    // Starts a new run. On invalid parameters returns the reason and keeps the current run.
    std::string reset(const SimParams& params);
    // Runs up to n learning steps; stops early (and stays stopped) on divergence.
    // Samples are drawn a block at a time (up to kBlockSamples, never past the next
    // history record); the recurrent circuit learns each block as one update.
    void step(long long n);

    const SimParams& params() const { return params_; }
    const InputSource& source() const { return *source_; }
    int inputs() const { return source_->dim(); }
    long long steps_done() const { return steps_; }
    long long samples_seen() const { return steps_ * params_.batch; }
    const Divergence& divergence() const { return divergence_; }
    const History& history() const { return history_; }

    // The offset o subtracted from every sample, and E[(x - o)(x - o)^T] with its PCs.
    const Eigen::VectorXd& offset() const { return offset_; }
    const Eigen::MatrixXd& covariance() const { return covariance_; }
    const PrincipalComponents& components() const { return components_; }
    // Recurrent: the steady-state sampling-noise floor of the relative error (0 otherwise).
    double noise_floor() const { return noise_floor_; }
    // Running estimate from the samples seen (zero until track_empirical sees data).
    Eigen::MatrixXd empirical_covariance() const;

    // Exactly one of these is non-null, as params().circuit says.
    const FeedforwardCircuit* feedforward() const { return feedforward_.get(); }
    const RecurrentCircuit* recurrent() const { return recurrent_.get(); }
    const Eigen::MatrixXd& initial_weights() const { return initial_weights_; }

    // Up to recent_capacity most recent samples as seen by the circuit (N x count,
    // oldest first) and, for the latent source, their shared signals (k x count).
    Eigen::MatrixXd recent_samples() const;
    Eigen::MatrixXd recent_latent() const;

    // One sentence on what the theory predicts for this rule and alpha vs lambda_1.
    std::string regime() const;
    // The constant |w_1| the rule's theory predicts, if there is one (computed by reset):
    // Oja and Sanger 1, hetero (3 beta lambda_1)^(-1/4) when w_ref = 0. Hebb and decay predict
    // a trajectory instead (History::predicted_norm).
    const std::optional<double>& fixed_norm() const { return fixed_norm_; }
    // The band one run of the feedforward circuit stays in (empty for bcm, hetero with
    // w_ref != 0, and the recurrent circuit), computed by reset.
    const FeedforwardForecast& forecast() const { return forecast_; }
    // Sanger with k > 1: the stationary band of the subspace alignment (empty otherwise).
    const SubspaceForecast& subspace_forecast() const { return subspace_forecast_; }

private:
    void record();
    // A block of samples as the circuit saw them and their shared signals (columns). For
    // a data set, `rows` holds the row of each sample; when the circuit learns from the
    // rows in place (learns_rows_in_place), `samples` stays empty.
    struct SampleBlock {
        Eigen::MatrixXd samples, latent;
        std::vector<int> rows;
        Eigen::Index seen = 0;  // its first `seen` columns were seen
    };
    // A data set's samples are its rows, unchanged, when the circuit is feedforward, learns
    // one sample a step and subtracts no offset: it then reads them where they are.
    bool learns_rows_in_place() const;
    // The samples the single-run forecast takes its moments from (N x count): a data set's
    // rows, or image patches drawn into `drawn`; null for a Gaussian source.
    const Eigen::MatrixXd* forecast_samples(Eigen::MatrixXd& drawn);
    // Keeps the block just learned among the recent ones.
    void keep_recent(Eigen::Index seen);
    Eigen::MatrixXd recent_columns(Eigen::MatrixXd SampleBlock::*part) const;
    // Learns the steps whose samples are in block_; returns how many were done and
    // sets divergence_ when one was refused.
    long long learn_block(long long steps);
    double alpha_in_use() const;

    SimParams params_;
    Rng sample_rng_;
    std::unique_ptr<InputSource> source_;
    std::unique_ptr<FeedforwardCircuit> feedforward_;
    std::unique_ptr<RecurrentCircuit> recurrent_;
    Eigen::MatrixXd initial_weights_;
    Eigen::VectorXd offset_;
    Eigen::MatrixXd covariance_;
    double covariance_norm_ = 0.0;  // |C|_F
    PrincipalComponents components_;
    double initial_relative_error_ = 1.0;
    double noise_floor_ = 0.0;
    std::optional<double> fixed_norm_;
    FeedforwardForecast forecast_;
    SubspaceForecast subspace_forecast_;
    RecurrentForecast recurrent_forecast_;
    bool offset_nonzero_ = false;     // skip subtracting an offset of zeros
    BlockCovariance running_;         // track_empirical, synthetic sources
    std::vector<long long> row_draws_;  // track_empirical, data sets: draws of each row
    long long steps_ = 0;
    Divergence divergence_;
    History history_;
    SampleBlock block_;                 // the block being drawn and learned
    std::deque<SampleBlock> recent_;    // the last blocks, oldest first, holding the recent samples
    std::vector<SampleBlock> spare_;    // blocks dropped from recent_, whose memory is reused
    Eigen::Index recent_held_ = 0;      // samples seen in recent_
};

}  // namespace hebbian
