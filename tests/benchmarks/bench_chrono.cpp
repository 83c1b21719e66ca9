// Portable harness (built as wasm and run by node): the kernels of bench_kernels.cpp
// timed with std::chrono. Each kernel is calibrated to about 0.25 s per repetition,
// repeated `repetitions` times; the median samples per second is printed as
//     name <TAB> samples_per_second
// after a first line `kernels <TAB> back end`.
//
//   bench_chrono [repetitions] [filter]   the kernels whose names the regular expression
//                                         `filter` matches somewhere (ECMAScript, as
//                                         --benchmark_filter of the native harness)
//   bench_chrono --heap N                 the heap high-water mark of an app-like load at N inputs
//   bench_chrono --list                   each kernel's name and what one iteration does
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <string>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#endif

#include "bench_kernels.hpp"
#include "core/kernels.hpp"
#include "core/simulation.hpp"

namespace {

double seconds_for(const std::function<void()>& run, long long iterations) {
    const auto start = std::chrono::steady_clock::now();
    for (long long i = 0; i < iterations; ++i) run();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// What the page holds at N inputs: the recurrent view learning (with the response
// used by the amplification view) and the feedforward view learning Oja, both on
// the latent source.
int heap_probe(int n) {
    using namespace hebbian;
    SimParams rec;
    rec.source.kind = SourceKind::Latent;
    rec.source.inputs = n;
    rec.circuit = Circuit::Recurrent;
    rec.learning.eta = 1e-3;
    rec.learning.alpha = 4.0;
    Simulation recurrent;
    if (!recurrent.reset(rec).empty()) return 1;
    recurrent.step(2000);
    const RecurrentResponse response(recurrent.recurrent()->weights());
    const Eigen::MatrixXd recent = recurrent.recent_samples();
    SimParams oja = rec;
    oja.circuit = Circuit::Feedforward;
    oja.learning.rule = Rule::Oja;
    Simulation feedforward;
    if (!feedforward.reset(oja).empty()) return 1;
    feedforward.step(2000);
#ifdef __EMSCRIPTEN__
    std::printf("heap_N%d\t%zu\n", n, emscripten_get_heap_size());
#endif
    std::printf("checksum\t%g\n", response.apply(recent.col(0))(0) + feedforward.feedforward()->weights()(0, 0));
    return 0;
}

void list_kernels() {
    for (const hebbian::bench::Kernel& kernel : hebbian::bench::kernels())
        std::printf("%s\t%s\n", kernel.name.c_str(), kernel.measures.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::string(argv[1]) == "--heap") return heap_probe(std::atoi(argv[2]));
    if (argc == 2 && std::string(argv[1]) == "--list") {
        list_kernels();
        return 0;
    }
    const int repetitions = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const std::regex filter(argc > 2 ? argv[2] : "");
    std::printf("kernels\t%s\n", hebbian::kernels::backend());
    for (const hebbian::bench::Kernel& kernel : hebbian::bench::kernels()) {
        if (!std::regex_search(kernel.name, filter)) continue;
        const std::function<void()> run = kernel.setup();
        long long iterations = 1;
        while (seconds_for(run, iterations) < 0.05) iterations *= 2;
        const double per_iteration = seconds_for(run, iterations) / double(iterations);
        iterations = std::max(1LL, static_cast<long long>(0.25 / per_iteration));
        std::vector<double> rates;
        for (int r = 0; r < repetitions; ++r)
            rates.push_back(double(iterations) * kernel.samples_per_iteration / seconds_for(run, iterations));
        std::sort(rates.begin(), rates.end());
        std::printf("%s\t%.6g\n", kernel.name.c_str(), rates[rates.size() / 2]);
        std::fflush(stdout);
    }
    return 0;
}
