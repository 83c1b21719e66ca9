#!/usr/bin/env bash
# Runs one libFuzzer target for a given time: bash tests/fuzz/run.sh csv|url|message|image SECONDS
# New interesting inputs go to a scratch corpus; a crash leaves crash-* in the current
# folder: copy it into tests/fuzz/corpus/<target>/ so the regression test replays it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
target=${1:?usage: run.sh csv|url|message|image SECONDS}
seconds=${2:-600}
build=$root/build/fuzz
CXX=clang++ CC=clang cmake -S "$root" -B "$build" -DHEBBIAN_FUZZ=ON -DHEBBIAN_APP=OFF -DHEBBIAN_TESTS=OFF >/dev/null
cmake --build "$build" --target "fuzz_$target" -j "$(nproc)" >/dev/null
scratch=$(mktemp -d)
cp "$root/tests/fuzz/corpus/$target/"* "$scratch/"
"$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -print_final_stats=1 "$scratch"
echo "fuzz: $target ran ${seconds}s without a finding; corpus grew to $(ls "$scratch" | wc -l) inputs in $scratch"
