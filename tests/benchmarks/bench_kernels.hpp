// The benchmark kernels, shared by the two timing harnesses: Google Benchmark
// natively (bench_google.cpp) and a std::chrono loop for wasm under node
// (bench_chrono.cpp). Both print the same kernel names; tests/benchmarks/run.sh
// joins them with the NumPy figures (numpy_bench.py) into one table.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace hebbian::bench {

struct Kernel {
    std::string name;
    std::string measures;           // what one iteration does, in words
    double samples_per_iteration;   // input samples consumed by one call of `run`
    double flops_per_sample;        // arithmetic of the rule itself (for the % of peak)
    double bytes_per_sample;        // minimum memory traffic of the rule (for the % of bandwidth)
    // Builds the state and returns the function that runs one iteration.
    std::function<std::function<void()>()> setup;
};

std::vector<Kernel> kernels();

}  // namespace hebbian::bench
