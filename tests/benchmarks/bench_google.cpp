// Native harness: every kernel of bench_kernels.cpp under Google Benchmark, plus
// the machine's limits the native figures are compared with:
//   machine_peak_sse2       12 independent x = x*m + c chains on 128-bit SSE2 (what the
//                           native build uses; items are flops)
//   machine_peak_avx2_fma   the same with 256-bit FMA (the machine's peak; items are flops)
//   machine_stream_triad    a = b + s*c over three 64 MiB arrays (items are bytes, 24 per element)
#include <benchmark/benchmark.h>
#include <immintrin.h>

#include <vector>

#include "bench_kernels.hpp"

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

void stream_triad(benchmark::State& state) {
    const size_t n = size_t(64) << 17;  // 64 MiB of doubles per array
    std::vector<double> a(n, 0.0), b(n, 1.0), c(n, 2.0);
    for (auto _ : state) {
        for (size_t i = 0; i < n; ++i) a[i] = b[i] + 0.5 * c[i];
        benchmark::DoNotOptimize(a.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(n) * 24);
}

}  // namespace

int main(int argc, char** argv) {
    for (const hebbian::bench::Kernel& kernel : hebbian::bench::kernels()) {
        benchmark::RegisterBenchmark(kernel.name.c_str(), [kernel](benchmark::State& state) {
            const std::function<void()> run = kernel.setup();
            for (auto _ : state) run();
            state.SetItemsProcessed(static_cast<int64_t>(double(state.iterations()) * kernel.samples_per_iteration));
        });
    }
    benchmark::RegisterBenchmark("machine_peak_sse2", peak_sse2);
    benchmark::RegisterBenchmark("machine_peak_avx2_fma", peak_avx2_fma);
    benchmark::RegisterBenchmark("machine_stream_triad", stream_triad);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
