// Native harness: every kernel of bench_kernels.cpp under Google Benchmark (each
// run carries the kernel's roofline: counters flops_per_sample and bytes_per_sample,
// label "<level> read" or "<level> read+write"), plus the machine's limits the
// native figures are compared with, all measured here:
//   machine_peak_sse2          12 independent x = x*m + c chains, 128-bit SSE2 mul and add
//   machine_peak_avx_mul_add   the same, 256-bit AVX mul and add (no fused multiply-add)
//   machine_peak_avx2_fma      the same, 256-bit FMA (items are flops in all three)
//   machine_read_<level>       s += a over one array, 256-bit loads
//   machine_triad_<level>      a = b + s*c over three arrays, 256-bit loads and stores
// with the arrays sized for L1 (32 KiB per core here), L2 (1 MiB), L3 (32 MiB) and
// DRAM; items are bytes (8 per element read, 24 per triad element).
//
//   hebbian_bench [--two-lane] [Google Benchmark flags]
// --two-lane runs the kernels on the two-lane (SSE2) back end instead of AVX2: the
// same instruction width as wasm SIMD.
#include <benchmark/benchmark.h>
#include <immintrin.h>

#include <algorithm>
#include <memory>
#include <new>
#include <string>

#include "bench_kernels.hpp"
#include "core/kernels.hpp"

namespace {

constexpr int kChainIterations = 4096;

void peak_sse2(benchmark::State& state) {
    const __m128d m = _mm_set1_pd(0.999), c = _mm_set1_pd(1e-3);
    __m128d x[12];
    for (int i = 0; i < 12; ++i) x[i] = _mm_set1_pd(i);
    for (auto _ : state) {
        for (int it = 0; it < kChainIterations; ++it)
            for (int i = 0; i < 12; ++i) x[i] = _mm_add_pd(_mm_mul_pd(x[i], m), c);
        benchmark::DoNotOptimize(x);
    }
    state.SetItemsProcessed(state.iterations() * kChainIterations * 12 * 4);
}

__attribute__((target("avx"))) void peak_avx_mul_add(benchmark::State& state) {
    const __m256d m = _mm256_set1_pd(0.999), c = _mm256_set1_pd(1e-3);
    __m256d x[12];
    for (int i = 0; i < 12; ++i) x[i] = _mm256_set1_pd(i);
    for (auto _ : state) {
        for (int it = 0; it < kChainIterations; ++it)
            for (int i = 0; i < 12; ++i) x[i] = _mm256_add_pd(_mm256_mul_pd(x[i], m), c);
        benchmark::DoNotOptimize(x);
    }
    state.SetItemsProcessed(state.iterations() * kChainIterations * 12 * 8);
}

__attribute__((target("avx2,fma"))) void peak_avx2_fma(benchmark::State& state) {
    const __m256d m = _mm256_set1_pd(0.999), c = _mm256_set1_pd(1e-3);
    __m256d x[12];
    for (int i = 0; i < 12; ++i) x[i] = _mm256_set1_pd(i);
    for (auto _ : state) {
        for (int it = 0; it < kChainIterations; ++it)
            for (int i = 0; i < 12; ++i) x[i] = _mm256_fmadd_pd(x[i], m, c);
        benchmark::DoNotOptimize(x);
    }
    state.SetItemsProcessed(state.iterations() * kChainIterations * 12 * 8);
}

// Doubles per array for each level: the arrays of a triad together fill about three
// quarters of the level (L1 32 KiB, L2 1 MiB, L3 32 MiB per core here); DRAM 64 MiB each.
size_t elements_for(const char* level) {
    const std::string name = level;
    if (name == "L1") return size_t(1) << 10;    // 8 KiB
    if (name == "L2") return size_t(1) << 15;    // 256 KiB
    if (name == "L3") return size_t(1) << 20;    // 8 MiB
    return size_t(1) << 23;                      // 64 MiB
}

// 64-byte aligned doubles: no 256-bit load straddles two cache lines.
std::unique_ptr<double[]> aligned_array(size_t n, double value) {
    std::unique_ptr<double[]> a(new (std::align_val_t(64)) double[n]);
    std::fill(a.get(), a.get() + n, value);
    return a;
}

__attribute__((target("avx"))) void read_bandwidth(benchmark::State& state, const char* level) {
    const size_t n = elements_for(level);
    const std::unique_ptr<double[]> a = aligned_array(n, 1.0);
    for (auto _ : state) {
        // Eight independent sums: enough to keep two loads per cycle in flight.
        __m256d s[8];
        for (__m256d& v : s) v = _mm256_setzero_pd();
        for (size_t i = 0; i < n; i += 32)
            for (int k = 0; k < 8; ++k) s[k] = _mm256_add_pd(s[k], _mm256_loadu_pd(&a[i + 4 * k]));
        for (int k = 1; k < 8; ++k) s[0] = _mm256_add_pd(s[0], s[k]);
        double total = _mm256_cvtsd_f64(s[0]);
        benchmark::DoNotOptimize(total);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(n) * 8);
}

__attribute__((target("avx"))) void triad_bandwidth(benchmark::State& state, const char* level) {
    // One block holding a, b and c 512 bytes apart beyond their lengths (each a multiple
    // of 4 KiB long): b and c then sit 512 and 1024 bytes past a modulo 4 KiB, ahead of
    // every store still in flight (the store queue spans 2 KiB of a), so no load waits on
    // a store to an address whose low 12 bits match (4K aliasing).
    const size_t n = elements_for(level), gap = 64;
    const std::unique_ptr<double[]> block = aligned_array(3 * (n + gap), 1.0);
    double* a = block.get();
    double* b = a + n + gap;
    double* c = b + n + gap;
    const __m256d s = _mm256_set1_pd(0.5);
    for (auto _ : state) {
        for (size_t i = 0; i < n; i += 4)
            _mm256_storeu_pd(&a[i], _mm256_add_pd(_mm256_loadu_pd(&b[i]), _mm256_mul_pd(s, _mm256_loadu_pd(&c[i]))));
        benchmark::DoNotOptimize(a);
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(n) * 24);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "--two-lane") {
        hebbian::kernels::use_backend(hebbian::kernels::Backend::two_lane);
        argv[1] = argv[0];
        --argc, ++argv;
    }
    for (const hebbian::bench::Kernel& kernel : hebbian::bench::kernels()) {
        benchmark::RegisterBenchmark(kernel.name.c_str(), [kernel](benchmark::State& state) {
            const std::function<void()> run = kernel.setup();
            for (auto _ : state) run();
            state.SetItemsProcessed(static_cast<int64_t>(double(state.iterations()) * kernel.samples_per_iteration));
            state.counters["flops_per_sample"] = kernel.flops_per_sample;
            state.counters["bytes_per_sample"] = kernel.bytes_per_sample;
            if (!kernel.level.empty()) state.SetLabel(kernel.level + (kernel.read_only ? " read" : " read+write"));
        });
    }
    benchmark::RegisterBenchmark("machine_peak_sse2", peak_sse2);
    benchmark::RegisterBenchmark("machine_peak_avx_mul_add", peak_avx_mul_add);
    benchmark::RegisterBenchmark("machine_peak_avx2_fma", peak_avx2_fma);
    for (const char* level : {"L1", "L2", "L3", "DRAM"}) {
        benchmark::RegisterBenchmark((std::string("machine_read_") + level).c_str(), read_bandwidth, level);
        benchmark::RegisterBenchmark((std::string("machine_triad_") + level).c_str(), triad_bandwidth, level);
    }
    benchmark::AddCustomContext("kernels", hebbian::kernels::backend());
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
