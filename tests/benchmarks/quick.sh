#!/usr/bin/env bash
# A quick subset of run.sh: the rows whose names match FILTER (a regular expression,
# as --benchmark_filter), natively, in wasm and in NumPy, one short round each, then
# table.py on what ran (sections with nothing measured print "-"). When FILTER also
# matches "runner_oja_N64", the whole runs (whole_run.py) run too, one round.
#
#   bash tests/benchmarks/quick.sh ['^(rng_|ff_.*_N64|rec_update_N64|sim_csv_|runner_)']   (default: that)
#
# Outputs go to $HEBBIAN_BENCH_DIR (default /tmp/hebbian-bench-quick), the builds to
# $HEBBIAN_BENCH_NATIVE and $HEBBIAN_BENCH_WASM (default its native/ and wasm/).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${HEBBIAN_BENCH_DIR:-/tmp/hebbian-bench-quick}
native_build=${HEBBIAN_BENCH_NATIVE:-$out/native}
wasm_build=${HEBBIAN_BENCH_WASM:-$out/wasm}
filter=${1:-'^(rng_|ff_.*_N64|rec_update_N64|sim_csv_|runner_)'}
export NODE_PATH=/usr/share/nodejs
mkdir -p "$out"
rm -f "$out"/native-*.json "$out"/wasm-*.tsv "$out"/numpy.tsv "$out"/whole.tsv

echo "building in $native_build and $wasm_build ..." >&2
cmake -S "$root" -B "$native_build" -DCMAKE_BUILD_TYPE=Release -DHEBBIAN_APP=OFF -DHEBBIAN_TESTS=OFF \
  -DHEBBIAN_BENCHMARKS=ON > "$out/native-configure.log"
cmake --build "$native_build" -j2 --target hebbian_bench hebbian > "$out/native-build.log"
emcmake cmake -S "$root" -B "$wasm_build" -DCMAKE_BUILD_TYPE=Release -DHEBBIAN_APP=ON -DHEBBIAN_TESTS=OFF \
  -DHEBBIAN_BENCHMARKS=ON > "$out/wasm-configure.log"
cmake --build "$wasm_build" -j2 --target hebbian_bench_chrono > "$out/wasm-build.log"

echo "native ..." >&2
"$native_build/tests/benchmarks/hebbian_bench" --benchmark_filter="$filter" --benchmark_min_time=0.1 \
  --benchmark_format=json > "$out/native-1.json" 2> "$out/native.log"
echo "wasm ..." >&2
node --no-experimental-fetch --no-liftoff "$wasm_build/tests/benchmarks/hebbian_bench_chrono.js" 1 "$filter" \
  > "$out/wasm-1.tsv"
echo "numpy ..." >&2
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 "$root/tests/benchmarks/numpy_bench.py" 1 "$filter" \
  > "$out/numpy.tsv"
if /usr/bin/python3 -c 'import re, sys; sys.exit(not re.search(sys.argv[1], "runner_oja_N64"))' "$filter"; then
  echo "whole runs ..." >&2
  OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 "$root/tests/benchmarks/whole_run.py" \
    "$native_build/src/cli/hebbian" "$out/whole" 1 > "$out/whole.tsv"
fi

/usr/bin/python3 "$root/tests/benchmarks/table.py" "$out"
