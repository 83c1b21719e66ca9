#!/usr/bin/env bash
# The benchmark suite in one command: builds the native (Google Benchmark) and the
# wasm (std::chrono, run by node) harnesses from the same kernels, runs them, the
# NumPy per-sample loops and the wasm heap probe, and prints one table:
#
#   bash tests/benchmarks/run.sh [repetitions]      (default 5; medians are reported)
#
# Build trees go to $HEBBIAN_BENCH_DIR (default /tmp/hebbian-bench), never build/.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${HEBBIAN_BENCH_DIR:-/tmp/hebbian-bench}
repetitions=${1:-5}
export NODE_PATH=/usr/share/nodejs
mkdir -p "$out"

echo "building native and wasm benchmarks in $out ..." >&2
cmake -S "$root" -B "$out/native" -DCMAKE_BUILD_TYPE=Release -DHEBBIAN_APP=OFF -DHEBBIAN_TESTS=OFF \
  -DHEBBIAN_BENCHMARKS=ON > "$out/native-configure.log"
cmake --build "$out/native" -j2 --target hebbian_bench > "$out/native-build.log"
emcmake cmake -S "$root" -B "$out/wasm" -DCMAKE_BUILD_TYPE=Release -DHEBBIAN_APP=OFF -DHEBBIAN_TESTS=OFF \
  -DHEBBIAN_BENCHMARKS=ON > "$out/wasm-configure.log"
cmake --build "$out/wasm" -j2 --target hebbian_bench_chrono > "$out/wasm-build.log"

echo "native ..." >&2
"$out/native/tests/benchmarks/hebbian_bench" --benchmark_repetitions="$repetitions" \
  --benchmark_report_aggregates_only=true --benchmark_min_time=0.25 --benchmark_format=json \
  > "$out/native.json" 2> "$out/native.log"
echo "wasm ..." >&2
wasm=(node --no-experimental-fetch "$out/wasm/tests/benchmarks/hebbian_bench_chrono.js")
"${wasm[@]}" "$repetitions" > "$out/wasm.tsv"
: > "$out/heap.tsv"
for n in 256 512 768 1024; do "${wasm[@]}" --heap "$n" | grep '^heap' >> "$out/heap.tsv"; done
echo "numpy ..." >&2
# One BLAS thread, like our single-threaded kernels.
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 "$root/tests/benchmarks/numpy_bench.py" 3 > "$out/numpy.tsv"

/usr/bin/python3 "$root/tests/benchmarks/table.py" "$out"
