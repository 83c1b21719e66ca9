// The kernels of the benchmark suite (see bench_kernels.hpp). Inputs are drawn
// before timing unless the name starts with "sim_" or "frame_", which time
// Simulation::step: drawing, learning, running covariance and history together.
// "rng_" rows time the random number generator alone.
#include "bench_kernels.hpp"

#include <cmath>
#include <cstdint>
#include <memory>

#include "core/simulation.hpp"

namespace hebbian::bench {

namespace {

constexpr int kPreDrawn = 256;        // pre-drawn samples, cycled
constexpr int kRandomPerCall = 1024;  // numbers per call of the rng_ rows
constexpr long long kWarmUp = 40000;  // steps before a sim_ row is timed: the history stride has grown to 64
// The sim_csv_ data set (latent_dataset()): rows x columns.
constexpr int kDatasetRows = 4096;
constexpr int kDatasetColumns = 64;

// kPreDrawn samples of N(0, I_n), one N x 1 matrix each (the shape learn() takes).
std::vector<Eigen::MatrixXd> standard_normal_samples(int n, std::uint64_t seed) {
    Rng rng(seed);
    std::vector<Eigen::MatrixXd> samples(kPreDrawn, Eigen::MatrixXd(n, 1));
    for (Eigen::MatrixXd& x : samples)
        for (int i = 0; i < n; ++i) x(i, 0) = rng.normal();
    return samples;
}

Eigen::MatrixXd standard_normal_block(int n, int columns, std::uint64_t seed) {
    Rng rng(seed);
    Eigen::MatrixXd x(n, columns);
    for (Eigen::Index j = 0; j < columns; ++j)
        for (int i = 0; i < n; ++i) x(i, j) = rng.normal();
    return x;
}

// The generator's plain uint64 stream, kRandomPerCall numbers a call: the limit of any sampler on it.
Kernel random_u64(const char* name) {
    return {name, "Rng::fill_u64, " + std::to_string(kRandomPerCall) + " numbers a call", double(kRandomPerCall), 0.0,
            0.0, "", false, [] {
                auto rng = std::make_shared<Rng>(7);
                auto out = std::make_shared<std::vector<std::uint64_t>>(kRandomPerCall);
                return std::function<void()>([=] { rng->fill_u64(out->data(), out->size()); });
            }};
}

// Standard normals, kRandomPerCall a call.
Kernel random_normal(const char* name) {
    return {name, "Rng::fill_normal, " + std::to_string(kRandomPerCall) + " normals a call", double(kRandomPerCall),
            0.0, 0.0, "", false, [] {
                auto rng = std::make_shared<Rng>(7);
                auto out = std::make_shared<std::vector<double>>(kRandomPerCall);
                return std::function<void()>([=] { rng->fill_normal(out->data(), out->size()); });
            }};
}

// One online step of a feedforward rule with k outputs on pre-drawn inputs.
Kernel feedforward(const char* name, Rule rule, int n, int k, double flops_per_sample, double bytes_per_sample) {
    return {name, "FeedforwardCircuit::learn, one pre-drawn sample, k = " + std::to_string(k), 1.0, flops_per_sample,
            bytes_per_sample, "L1", false, [=] {
                FeedforwardParams p;
                p.rule = rule;
                p.outputs = k;
                p.eta = 1e-3;
                auto samples = std::make_shared<std::vector<Eigen::MatrixXd>>(standard_normal_samples(n, 2));
                // Decay: alpha = lambda_1 of the cycled samples, so the norm neither shrinks nor grows.
                Eigen::MatrixXd moment = Eigen::MatrixXd::Zero(n, n);
                for (const Eigen::MatrixXd& x : *samples) moment += x * x.transpose() / double(kPreDrawn);
                p.alpha = principal_components(moment).values(0);
                const WeightMatrix w0 = standard_normal_block(k, n, 1) / std::sqrt(double(n));
                auto circuit = std::make_shared<FeedforwardCircuit>(p, w0);
                auto next = std::make_shared<int>(0);
                return std::function<void()>([=] {
                    circuit->learn((*samples)[static_cast<size_t>(*next)], kDefaultDivergenceLimit);
                    *next = (*next + 1) % kPreDrawn;
                    // Online decay at alpha = lambda_1 still shrinks |w| (the sampling noise pulls the
                    // growth rate below the mean field): left alone for millions of steps the weights
                    // would sink into subnormal numbers and time those; plain Hebb grows without
                    // bound. Each pass restarts from w0 (hebb's |w| grows from 1 to about 1.2 in one).
                    if (*next == 0) *circuit = FeedforwardCircuit(p, w0);
                });
            }};
}

// The recurrent rule on pre-drawn samples: blocks of `block` steps as one rank-block
// update (block = 1: one rank-1 step per call through learn()).
Kernel recurrent(const char* name, int n, int block) {
    // Lower triangle (mirror stored) vs the full rank-1 step; W (8 N^2 bytes) is read and
    // written once per call, from L2 up to N = 256 and from L3 above (1 MiB L2 per core).
    const double flops = block > 1 ? double(n) * (n + 1) : 3.0 * n * n;
    return {name,
            block > 1 ? "RecurrentCircuit::learn_steps, " + std::to_string(block) + " pre-drawn samples as one update"
                      : "RecurrentCircuit::learn, one pre-drawn sample (rank-1)",
            double(block), flops, 16.0 * n * n / block, n <= 256 ? "L2" : "L3", false, [=] {
                auto circuit = std::make_shared<RecurrentCircuit>(RecurrentParams{1e-3, 1.0}, n);
                auto x = std::make_shared<Eigen::MatrixXd>(standard_normal_block(n, block, 3));
                return std::function<void()>([=] {
                    if (block > 1)
                        circuit->learn_steps(*x, 1, kDefaultDivergenceLimit);
                    else
                        circuit->learn(*x, kDefaultDivergenceLimit);
                });
            }};
}

Kernel response(const char* name, int n) {
    // z = V^T x, then r = V (g .* z): V (8 N^2 bytes, in L2) is read twice.
    return {name, "RecurrentResponse::apply, r = (I - W)^-1 x for one pre-drawn x", 1.0, 4.0 * n * n, 16.0 * n * n, "L2",
            true, [=] {
                // W learned from N(0, I) inputs with alpha = 2: spectral radius about 0.5.
                RecurrentCircuit circuit(RecurrentParams{0.01, 2.0}, n);
                const Eigen::MatrixXd x = standard_normal_block(n, 4000, 4);
                circuit.learn_steps(x, 1, kDefaultDivergenceLimit);
                auto op = std::make_shared<RecurrentResponse>(circuit.weights());
                auto samples = std::make_shared<std::vector<Eigen::MatrixXd>>(standard_normal_samples(n, 5));
                auto next = std::make_shared<int>(0);
                auto sink = std::make_shared<double>(0.0);
                return std::function<void()>([=] {
                    *sink += op->apply((*samples)[static_cast<size_t>(*next)].col(0))(0);
                    *next = (*next + 1) % kPreDrawn;
                });
            }};
}

// Simulation::step(steps) after `warm_up` steps (the history stride has grown by then).
Kernel simulation(const char* name, const char* what, SimParams p, int steps, long long warm_up,
                  double flops_per_sample) {
    return {name, what, double(steps) * p.batch, flops_per_sample, 0.0, "", false, [=] {
                auto sim = std::make_shared<Simulation>();
                sim->reset(p);
                sim->step(warm_up);
                return std::function<void()>([=] { sim->step(steps); });
            }};
}

// The data set of the sim_csv_ rows, kDatasetRows x kDatasetColumns, drawn once: x = L z + e
// with three shared signals z of standard deviations 1, 0.7 and 0.5, loadings L ~ N(0, 0.25)
// and unit private noise e, so PC1 stands clear (this draw: lambda_1 = 23.7, then 10.1 and
// 6.2 above a bulk near 1.2). latent_dataset.py draws the same model with NumPy.
std::shared_ptr<const Eigen::MatrixXd> latent_dataset() {
    const double signal_sd[] = {1.0, 0.7, 0.5};
    constexpr int kSignals = 3;
    Rng rng(11);
    Eigen::MatrixXd loadings(kDatasetColumns, kSignals);
    for (Eigen::Index j = 0; j < kSignals; ++j)
        for (Eigen::Index i = 0; i < kDatasetColumns; ++i) loadings(i, j) = 0.5 * rng.normal();
    auto data = std::make_shared<Eigen::MatrixXd>(kDatasetRows, kDatasetColumns);
    Eigen::VectorXd z(kSignals);
    for (Eigen::Index r = 0; r < kDatasetRows; ++r) {
        for (Eigen::Index j = 0; j < kSignals; ++j) z(j) = signal_sd[j] * rng.normal();
        for (Eigen::Index i = 0; i < kDatasetColumns; ++i) (*data)(r, i) = loadings.row(i).dot(z) + rng.normal();
    }
    return data;
}

// A feedforward run of `rule` on the data set.
SimParams on_dataset(const std::shared_ptr<const Eigen::MatrixXd>& data, Rule rule, double eta) {
    SimParams p;
    p.source.kind = SourceKind::Dataset;
    p.source.data = data;
    p.learning.rule = rule;
    p.learning.eta = eta;
    return p;
}

// The largest eigenvalue of the covariance the circuit sees (the data set's, centred).
double largest_eigenvalue(const SimParams& p) {
    Simulation probe;
    probe.reset(p);
    return probe.components().values(0);
}

// Simulation::step(64) on the data set after kWarmUp steps. A run that diverged or whose
// weights' norm left [1e-100, 1e100] (read from the last history point, so the check reads
// no weights) restarts with its warm-up, inside the timing: each row's eta keeps that about
// 1e8 samples away or more, beyond the length of a benchmark run.
Kernel simulation_on_dataset(const char* name, const std::string& what, const SimParams& p, double flops_per_sample) {
    const std::string size = std::to_string(kDatasetRows) + " x " + std::to_string(kDatasetColumns);
    return {name, "Simulation::step(64) on a " + size + " data set, drawing included: " + what +
                      "; a run that diverges or whose |w| leaves [1e-100, 1e100] restarts (timed), which this "
                      "eta keeps beyond a benchmark run",
            double(kBlockSamples) * p.batch, flops_per_sample, 0.0, "", false, [=] {
                auto sim = std::make_shared<Simulation>();
                auto restart = [=] {
                    sim->reset(p);
                    sim->step(kWarmUp);
                };
                restart();
                return std::function<void()>([=] {
                    sim->step(kBlockSamples);
                    const double norm = sim->history().norm.back();
                    if (sim->divergence().diverged || !(norm >= 1e-100 && norm <= 1e100)) restart();
                });
            }};
}

// The generator alone: its uint64 stream (the limit) and standard normals.
void add_random_rows(std::vector<Kernel>& list) {
    list.push_back(random_u64("rng_u64"));
    list.push_back(random_normal("rng_normal"));
}

// The learning step alone on pre-drawn inputs. Online hebb, decay, oja and bcm: y = w.x
// (2N flops; reads w and x, 16N bytes), then w <- a w + b x (2N to 3N; reads w and x and
// writes w, 24N), all in L1. Sanger: y = W x (2kN; reads W), then the running residual
// down the outputs and the update (4kN; reads W and writes the next W), 24kN bytes.
void add_learning_step_rows(std::vector<Kernel>& list) {
    list.push_back(feedforward("ff_hebb_N64", Rule::Hebb, 64, 1, 4.0 * 64, 40.0 * 64));
    list.push_back(feedforward("ff_decay_N64", Rule::Decay, 64, 1, 5.0 * 64, 40.0 * 64));
    list.push_back(feedforward("ff_oja_N64", Rule::Oja, 64, 1, 5.0 * 64, 40.0 * 64));
    list.push_back(feedforward("ff_sanger_N64_k4", Rule::Sanger, 64, 4, 6.0 * 64 * 4, 24.0 * 64 * 4));
    list.push_back(feedforward("ff_bcm_N64", Rule::Bcm, 64, 1, 4.0 * 64, 40.0 * 64));
    list.push_back(recurrent("rec_update_N64", 64, kBlockSamples));
    list.push_back(feedforward("ff_oja_N1024", Rule::Oja, 1024, 1, 5.0 * 1024, 40.0 * 1024));
    list.push_back(feedforward("ff_decay_N1024", Rule::Decay, 1024, 1, 5.0 * 1024, 40.0 * 1024));
    // W is 16 KiB at N = 256, k = 8.
    list.push_back(feedforward("ff_sanger_N256_k8", Rule::Sanger, 256, 8, 6.0 * 256 * 8, 24.0 * 256 * 8));
    list.push_back(recurrent("rec_update_N256", 256, kBlockSamples));
    list.push_back(recurrent("rec_update_N1024", 1024, kBlockSamples));
    list.push_back(recurrent("rec_update_rank1_N512", 512, 1));
    list.push_back(response("rec_response_N256", 256));
}

// Whole steps on the synthetic sources: the app's frame and the latent source.
void add_latent_simulation_rows(std::vector<Kernel>& list) {
    SimParams scene;  // the app's default scene: 2-D Gaussian, decay, 5 steps per frame
    list.push_back(simulation("frame_default", "Simulation::step(5) at SimParams{} (one app frame, drawing included)",
                              scene, 5, 10000, 10.0));
    SimParams rec;
    rec.source.kind = SourceKind::Latent;
    rec.source.inputs = 512;
    rec.circuit = Circuit::Recurrent;
    rec.learning.eta = 1e-3;
    rec.learning.alpha = 4.0;
    list.push_back(simulation("sim_rec_N512", "Simulation::step(64), recurrent latent N = 512, drawing included (as the page runs it)",
                              rec, 64, kWarmUp, 512.0 * 513));
    rec.track_empirical = true;
    list.push_back(simulation("sim_rec_N512_cov", "the same with the running covariance the runner reports (track_empirical = true)",
                              rec, 64, kWarmUp, 2.0 * 512 * 513));
    SimParams oja;
    oja.source.kind = SourceKind::Latent;
    oja.source.inputs = 1024;
    oja.learning.rule = Rule::Oja;
    oja.learning.eta = 1e-3;
    list.push_back(simulation("sim_oja_N1024", "Simulation::step(64), Oja latent N = 1024, drawing included",
                              oja, 64, kWarmUp, 5.0 * 1024));
    // The receptive-fields view's run: 8 x 8 patches of a dead-leaves image (each patch's
    // mean removed), Sanger with k = 16; about 4 k N flops a sample.
    SimParams receptive;
    receptive.source.kind = SourceKind::DeadLeaves;
    receptive.learning.rule = Rule::Sanger;
    receptive.learning.outputs = 16;
    receptive.learning.eta = 2e-3;
    list.push_back(simulation("sim_receptive_p8_k16", "Simulation::step(64), Sanger k = 16 on 8 x 8 dead-leaves patches, drawing included",
                              receptive, 64, kWarmUp, 4.0 * 16 * 64));
}

// Whole steps on the data set, N = 64, one row per rule: the counterparts of the
// learning-step rows above (ff_*_N64, rec_update_N64).
void add_dataset_simulation_rows(std::vector<Kernel>& list) {
    const std::shared_ptr<const Eigen::MatrixXd> data = latent_dataset();
    constexpr double n = kDatasetColumns;
    // Plain Hebb grows by about 1 + eta lambda_1 a step: at eta = 1e-7 it takes about 1e8
    // samples to pass 1e100 (1e20 after 2e7).
    list.push_back(simulation_on_dataset("sim_csv_hebb_N64", "hebb, eta = 1e-7", on_dataset(data, Rule::Hebb, 1e-7),
                                         4.0 * n));
    // Decay at alpha = lambda_1: the norm holds in the mean field, but the sampling noise
    // shrinks it by about (eta lambda_1)^2 a step in log: at eta = 5e-5 it takes about 1.5e8
    // samples to pass 1e-100.
    SimParams decay = on_dataset(data, Rule::Decay, 5e-5);
    decay.learning.alpha = largest_eigenvalue(decay);
    list.push_back(simulation_on_dataset("sim_csv_decay_N64", "decay, eta = 5e-5, alpha = lambda_1", decay, 5.0 * n));
    list.push_back(simulation_on_dataset("sim_csv_oja_N64", "oja, eta = 1e-3", on_dataset(data, Rule::Oja, 1e-3),
                                         5.0 * n));
    SimParams sanger = on_dataset(data, Rule::Sanger, 1e-3);
    sanger.learning.outputs = 4;
    list.push_back(simulation_on_dataset("sim_csv_sanger_N64_k4", "sanger, k = 4, eta = 1e-3", sanger, 6.0 * n * 4));
    list.push_back(simulation_on_dataset("sim_csv_bcm_N64", "bcm, eta = 1e-3, theta rate 0.1",
                                         on_dataset(data, Rule::Bcm, 1e-3), 4.0 * n));
    SimParams rec = on_dataset(data, Rule::Decay, 1e-3);
    rec.circuit = Circuit::Recurrent;
    rec.learning.alpha = 4.0;
    list.push_back(
        simulation_on_dataset("sim_csv_rec_N64", "recurrent decay, eta = 1e-3, alpha = 4", rec, n * (n + 1)));
}

}  // namespace

std::vector<Kernel> kernels() {
    std::vector<Kernel> list;
    add_random_rows(list);
    add_learning_step_rows(list);
    add_latent_simulation_rows(list);
    add_dataset_simulation_rows(list);
    return list;
}

}  // namespace hebbian::bench
