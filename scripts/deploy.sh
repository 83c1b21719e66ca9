#!/usr/bin/env bash
# Static deploy: builds the WebAssembly app and copies the page into one self-contained
# folder that works from any static host, from a sub-path (every URL in it is relative)
# and offline (sw.js caches the page's own files). It makes no request to another origin.
#
#   bash scripts/deploy.sh            # -> build/site
#   bash scripts/deploy.sh OUT_DIR    # -> OUT_DIR (created; its old files are replaced)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$root/build/site}
cd "$root"

bash scripts/deps.sh
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}  # Debian's emscripten finds acorn there
emcmake cmake --preset wasm >/dev/null
cmake --build build/wasm --target hebbian_app

files=(index.html page.css page.js host_api.js sw.js example.html example.js hebbian_app.js hebbian_app.wasm)
mkdir -p "$out"
for file in "${files[@]}"; do
  cp "build/wasm/web/$file" "$out/$file"
done

# Relative URLs only: no src or href that names a scheme or starts at the site root.
if grep -nE '(src|href)="(/|[a-z]+://)' "$out"/*.html; then
  echo "deploy: an absolute URL in the page (above): the folder would break under a sub-path" >&2
  exit 1
fi
echo "deploy: $(du -sh "$out" | cut -f1) in $out: ${files[*]}"
echo "deploy: upload the folder as it is; open index.html (the app) or example.html (a post embedding it)"
