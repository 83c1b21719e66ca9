#!/usr/bin/env bash
# Installs everything the build and the tests need, from Debian's packages only,
# and unpacks Dear ImGui's sources from Debian's `imgui` source package into
# .deps/imgui (git-ignored). Idempotent; works as root or through sudo.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ "$(id -u)" -eq 0 ]; then as_root=(); else as_root=(sudo); fi

packages=(
  cmake make g++ clang libclang-rt-14-dev   # native build, sanitizers
  libeigen3-dev doctest-dev libglfw3-dev     # libraries
  libbenchmark-dev                           # benchmarks
  emscripten nodejs                          # WebAssembly build and wasm tests
  chromium xvfb libgl1-mesa-dri              # browser tests, native window under Xvfb
  python3 python3-numpy                      # local web server, JSON checks, NumPy baseline
  dpkg-dev                                   # apt-get source
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  "${as_root[@]}" apt-get update -q
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

if [ ! -f "$root/.deps/imgui/imgui.cpp" ]; then
  if ! grep -rqs '^Types: deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "deps: enabling Debian source packages (deb-src) for bookworm main"
    "${as_root[@]}" tee /etc/apt/sources.list.d/hebbian-deb-src.sources >/dev/null <<'SOURCES'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
    "${as_root[@]}" apt-get update -q
  fi
  work=$(mktemp -d)
  (cd "$work" && apt-get source -q imgui >/dev/null 2>&1) || {
    "${as_root[@]}" apt-get update -q
    (cd "$work" && apt-get source -q imgui)
  }
  mkdir -p "$root/.deps"
  rm -rf "$root/.deps/imgui"
  mv "$work"/imgui-*/ "$root/.deps/imgui"
  rm -rf "$work"
  echo "deps: Dear ImGui sources in .deps/imgui"
fi
