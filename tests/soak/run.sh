#!/usr/bin/env bash
# Soak test: every stable rule for 10^7 samples (a few minutes). Not part of scripts/test.sh.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cmake -S "$root" -B "$root/build/soak" -DHEBBIAN_APP=OFF >/dev/null
cmake --build "$root/build/soak" --target hebbian_soak -j "$(nproc)" >/dev/null
"$root/build/soak/tests/soak/hebbian_soak"
