#!/usr/bin/env bash
# The README's test command: installs what is missing, builds natively (plain and
# under ASan + UBSan), builds the fuzz targets and replays their corpora, builds as
# WebAssembly, and runs every suite. Ends with one "N passed, M failed" line.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc)

bash scripts/deps.sh || { echo "test: installing dependencies failed"; exit 1; }

passed=0
failed=0
step() {  # step NAME COMMAND...: runs one suite and counts it
  local name=$1
  shift
  echo "=== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "=== FAILED: $name"; fi
}

native() {
  cmake --preset native >/dev/null &&
    cmake --build build/native -j "$jobs" &&
    ctest --test-dir build/native --output-on-failure
}
sanitized() {
  cmake -S . -B build/asan -DHEBBIAN_SANITIZE=ON -DHEBBIAN_APP=OFF >/dev/null &&
    cmake --build build/asan -j "$jobs" &&
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --test-dir build/asan --output-on-failure
}
fuzz_corpus() {
  CXX=clang++ CC=clang cmake -S . -B build/fuzz -DHEBBIAN_FUZZ=ON -DHEBBIAN_APP=OFF -DHEBBIAN_TESTS=OFF >/dev/null &&
    cmake --build build/fuzz -j "$jobs" &&
    ctest --test-dir build/fuzz --output-on-failure
}
wasm() {
  emcmake cmake --preset wasm >/dev/null &&
    cmake --build build/wasm -j "$jobs" &&
    ctest --test-dir build/wasm --output-on-failure
}
browser() {  # screenshots go to build/, never into the checkout (scripts/screenshots.sh refreshes web/screenshots)
  bash tests/browser/run.sh build/wasm/web build/screenshots
}

step "native build and tests (core, runner)" native
step "native tests under AddressSanitizer + UndefinedBehaviorSanitizer" sanitized
step "fuzz targets replay their corpus (crash regressions)" fuzz_corpus
step "wasm build and tests (core under node)" wasm
if [ -f tests/browser/run.sh ]; then step "browser end-to-end" browser; fi

echo "test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
