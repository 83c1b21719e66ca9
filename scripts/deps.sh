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
  libpng-dev                                 # the runner's --image
  libbenchmark-dev                           # benchmarks
  emscripten nodejs                          # WebAssembly build and wasm tests
  chromium xvfb libgl1-mesa-dri              # browser tests, native window under Xvfb
  python3 python3-numpy                      # local web server, JSON checks, NumPy baseline
  dpkg-dev                                   # apt-get source
)
# Prints a deb822 'deb-src' stanza for every enabled 'deb' entry the machine already has
# (deb822 .sources files and one-line sources.list), same URIs, suites and keys.
debian_sources_as_deb_src() {
  local file
  for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    awk 'BEGIN { RS = ""; FS = "\n" }
      {
        types = ""; enabled = "yes"; main = 0; body = ""
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^#/) continue
          if ($i ~ /^Types:/) { types = $i; continue }
          if ($i ~ /^Enabled:/) { enabled = tolower($i); sub(/^enabled:[ \t]*/, "", enabled); continue }
          if ($i ~ /^Components:.*(^|[ \t])main([ \t]|$)/) main = 1
          body = body $i "\n"
        }
        if (types ~ /(^Types:|[ \t])deb([ \t]|$)/ && enabled != "no" && main) printf "Types: deb-src\n%s\n", body
      }' "$file"
  done
  if [ -f /etc/apt/sources.list ]; then
    awk '$1 == "deb" && / main( |$)/ {
      uri = ""; options = ""; suite = ""
      for (i = 2; i <= NF; i++) {
        if ($i ~ /^\[/) { options = options " " $i; while ($i !~ /\]$/) { i++; options = options " " $i }; continue }
        if (uri == "") { uri = $i; continue }
        if (suite == "") { suite = $i; continue }
      }
      printf "Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\n\n", uri, suite
    }' /etc/apt/sources.list
  fi
}

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
  if ! grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "deps: enabling source packages (deb-src) from the machine's own Debian sources"
    debian_sources_as_deb_src | "${as_root[@]}" tee /etc/apt/sources.list.d/hebbian-deb-src.sources >/dev/null
    [ -s /etc/apt/sources.list.d/hebbian-deb-src.sources ] || {
      echo "deps: no enabled 'deb' source for Debian's main component in /etc/apt; cannot fetch imgui's sources"
      exit 1
    }
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
