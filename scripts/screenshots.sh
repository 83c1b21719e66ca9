#!/usr/bin/env bash
# Refreshes the pictures the README shows (web/screenshots/) from the real page: builds the
# WebAssembly app, runs the browser suite (which writes its screenshots to build/screenshots)
# and copies the README's pictures from there. The only command that writes into web/screenshots.
#
#   bash scripts/screenshots.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export NODE_PATH=/usr/share/nodejs  # Debian's emscripten finds acorn there

bash scripts/deps.sh
emcmake cmake --preset wasm >/dev/null
cmake --build build/wasm --target hebbian_app -j "$(nproc)"
rm -rf build/screenshots
bash tests/browser/run.sh build/wasm/web build/screenshots
for picture in feedforward recurrent amplification appendix stabilizers stabilizers-embed-320x240-ratio3 receptive \
    receptive-embed-320x240-ratio3 embed phone-light embed-320x240-ratio3 desktop-light desktop-dark; do
  cp "build/screenshots/$picture.png" web/screenshots/
done
echo "screenshots: web/screenshots refreshed from build/screenshots"
