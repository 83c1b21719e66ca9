#!/usr/bin/env bash
# The benchmark suite in one command: builds the native (Google Benchmark) and the
# wasm (std::chrono, run by node) harnesses from the same kernels, runs them in
# alternating rounds (native, wasm, native, wasm, ...: a slow spell of the machine
# then hits both columns, not one), the page itself in headless Chromium
# (page_rate.py), the NumPy per-sample loops, the wasm heap probe and whole runs as
# processes (the native runner against a NumPy script on the same CSV, whole_run.py),
# and prints one table with the targets met or missed:
#
#   bash tests/benchmarks/run.sh [rounds]      (default 5; medians over the rounds)
#
# Build trees go to $HEBBIAN_BENCH_DIR (default /tmp/hebbian-bench), never build/.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${HEBBIAN_BENCH_DIR:-/tmp/hebbian-bench}
rounds=${1:-5}
export NODE_PATH=/usr/share/nodejs
bash "$root/scripts/deps.sh" >&2
mkdir -p "$out"
rm -f "$out"/native-*.json "$out"/wasm-*.tsv "$out"/whole.tsv

echo "building native and wasm benchmarks in $out ..." >&2
cmake -S "$root" -B "$out/native" -DCMAKE_BUILD_TYPE=Release -DHEBBIAN_APP=OFF -DHEBBIAN_TESTS=OFF \
  -DHEBBIAN_BENCHMARKS=ON > "$out/native-configure.log"
cmake --build "$out/native" -j2 --target hebbian_bench hebbian > "$out/native-build.log"
emcmake cmake -S "$root" -B "$out/wasm" -DCMAKE_BUILD_TYPE=Release -DHEBBIAN_APP=ON -DHEBBIAN_TESTS=OFF \
  -DHEBBIAN_BENCHMARKS=ON > "$out/wasm-configure.log"
cmake --build "$out/wasm" -j2 --target hebbian_bench_chrono hebbian_app > "$out/wasm-build.log"

# --no-liftoff: every wasm function compiled by the optimising compiler (TurboFan) before
# it runs, so no row is timed while V8 still runs its baseline code (the first rows were).
wasm=(node --no-experimental-fetch --no-liftoff "$out/wasm/tests/benchmarks/hebbian_bench_chrono.js")
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds: native ..." >&2
  "$out/native/tests/benchmarks/hebbian_bench" --benchmark_min_time=0.25 --benchmark_format=json \
    > "$out/native-$round.json" 2> "$out/native.log"
  echo "round $round of $rounds: wasm ..." >&2
  "${wasm[@]}" 1 > "$out/wasm-$round.tsv"
done
echo "native on the two-lane back end (SSE2, the width of wasm SIMD) ..." >&2
"$out/native/tests/benchmarks/hebbian_bench" --two-lane --benchmark_filter='^(rng|ff|rec|sim|frame)_' \
  --benchmark_min_time=0.25 --benchmark_repetitions="$rounds" --benchmark_report_aggregates_only=true \
  --benchmark_format=json > "$out/two-lane.json" 2> "$out/native.log"
: > "$out/heap.tsv"
for n in 256 512 768 1024; do "${wasm[@]}" --heap "$n" | grep '^heap' >> "$out/heap.tsv"; done
echo "page ..." >&2
# The page itself in headless Chromium, recurrent N = 512: 400 steps per frame (8 ms of
# learning, a 60 fps budget on a real GPU) and 2000 (what SwiftShader's slow frames need).
: > "$out/page.tsv"
for speed in 400 2000; do
  timeout 180 /usr/bin/python3 "$root/tests/benchmarks/page_rate.py" "$(command -v chromium)" "$out/wasm/web" "$speed" \
    >> "$out/page.tsv"
done
echo "numpy ..." >&2
# One BLAS thread, like our single-threaded kernels.
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 "$root/tests/benchmarks/numpy_bench.py" 3 > "$out/numpy.tsv"
echo "whole runs: the runner and NumPy as processes ..." >&2
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 "$root/tests/benchmarks/whole_run.py" \
  "$out/native/src/cli/hebbian" "$out/whole" "$rounds" > "$out/whole.tsv"

/usr/bin/python3 "$root/tests/benchmarks/table.py" "$out"
