#!/usr/bin/env bash
# The README's demo: installs what is missing (scripts/deps.sh), builds the WebAssembly app
# and serves the page on 127.0.0.1, printing its address. Stop it with Ctrl-C.
#
#   bash scripts/demo.sh            # serves on a free port
#   PORT=8080 bash scripts/demo.sh  # or on a chosen one
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

bash scripts/deps.sh
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}  # Debian's emscripten finds acorn there
emcmake cmake --preset wasm
cmake --build build/wasm --target hebbian_app

page="$root/build/wasm/web"
port=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}
echo
echo "demo: serving $page"
echo "demo: open http://127.0.0.1:$port/  (e.g. ?view=recurrent&alpha=3&seed=7, ?autoplay=0, ?embed=1; all parameters: README)"
echo "demo: a blog post embedding it: http://127.0.0.1:$port/example.html"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$page"
