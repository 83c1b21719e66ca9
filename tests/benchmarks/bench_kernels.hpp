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
    // The roofline of the kernel: the arithmetic of the rule, and the memory traffic it
    // cannot avoid at the level of the cache hierarchy that holds its data ("L1", "L2",
    // "L3" or "DRAM"; empty for composite rows that draw, learn and record in one step).
    double flops_per_sample;
    double bytes_per_sample;
    std::string level;
    bool read_only;                 // the traffic is reads only (else reads and writes)
    // Builds the state and returns the function that runs one iteration.
    std::function<std::function<void()>()> setup;
};

std::vector<Kernel> kernels();

}  // namespace hebbian::bench
