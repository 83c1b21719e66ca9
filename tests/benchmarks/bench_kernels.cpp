// The kernels of the benchmark suite (see bench_kernels.hpp). Inputs are drawn
// before timing unless the name starts with "sim_" or "frame_", which time
// Simulation::step: drawing, learning, running covariance and history together.
#include "bench_kernels.hpp"

#include <cmath>
#include <memory>

#include "core/simulation.hpp"

namespace hebbian::bench {

namespace {

constexpr int kPreDrawn = 256;  // pre-drawn samples, cycled

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
                    // would sink into subnormal numbers and time those. Each pass restarts from w0.
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

}  // namespace

std::vector<Kernel> kernels() {
    std::vector<Kernel> list;
    // Oja: y = w.x (2N flops; reads w and x, 16N bytes), then w <- (1 - eta y^2) w + eta y x
    // (3N; reads w and x and writes w, 24N); decay the same. All in L1.
    list.push_back(feedforward("ff_oja_N64", Rule::Oja, 64, 1, 5.0 * 64, 40.0 * 64));
    list.push_back(feedforward("ff_oja_N1024", Rule::Oja, 1024, 1, 5.0 * 1024, 40.0 * 1024));
    list.push_back(feedforward("ff_decay_N64", Rule::Decay, 64, 1, 5.0 * 64, 40.0 * 64));
    list.push_back(feedforward("ff_decay_N1024", Rule::Decay, 1024, 1, 5.0 * 1024, 40.0 * 1024));
    // Sanger: y = W x (2kN; reads W), then the running residual down the outputs and the
    // update (4kN; reads W and writes the next W), 24kN bytes; W is 16 KiB at N = 256, k = 8.
    list.push_back(feedforward("ff_sanger_N256_k8", Rule::Sanger, 256, 8, 6.0 * 256 * 8, 24.0 * 256 * 8));
    list.push_back(recurrent("rec_update_N256", 256, kBlockSamples));
    list.push_back(recurrent("rec_update_N1024", 1024, kBlockSamples));
    list.push_back(recurrent("rec_update_rank1_N512", 512, 1));
    list.push_back(response("rec_response_N256", 256));

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
                              rec, 64, 40000, 512.0 * 513));
    rec.track_empirical = true;
    list.push_back(simulation("sim_rec_N512_cov", "the same with the running covariance the runner reports (track_empirical = true)",
                              rec, 64, 40000, 2.0 * 512 * 513));
    SimParams oja;
    oja.source.kind = SourceKind::Latent;
    oja.source.inputs = 1024;
    oja.learning.rule = Rule::Oja;
    oja.learning.eta = 1e-3;
    list.push_back(simulation("sim_oja_N1024", "Simulation::step(64), Oja latent N = 1024, drawing included",
                              oja, 64, 40000, 5.0 * 1024));
    return list;
}

}  // namespace hebbian::bench
