#!/usr/bin/env bash
# Takes a fresh Debian 12 or Debian 13 machine from a clone to a working
# dhcode: installs the compiler, CMake and the libraries with apt-get, builds
# with the "dev" preset, and runs `dhcode explain 400000008`.
#
# Package names are ones both releases have; nothing names a compiler
# version (libclang-rt-dev is the runtime of the release's own clang).
# scripts/try-on-debian.sh runs this on a fresh root of each release.
#
# Works as root, or as a user who may use sudo. Set DHCODE_SKIP_INSTALL=1 to
# skip the package installation (e.g. when the packages are already there).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake make              # compiler and build
  clang libclang-rt-dev       # the sanitize preset: ASan, UBSan and libFuzzer
  libcli11-dev libfmt-dev nlohmann-json3-dev libsimdjson-dev doctest-dev  # libraries
  zlib1g-dev libzstd-dev libbz2-dev liblzma-dev liblz4-dev  # headers for compressed input (the libraries load at run time)
  libisal-dev                 # ISA-L: gzip inflated several times faster than with zlib (loads at run time)
  nettle-dev pkgconf          # headers for digests (the library loads at run time)
  libopencc-dev libopencc1.1  # OpenCC: search reads Traditional Chinese as Simplified (loads at run time)
  jq bsdutils                 # tests: jq reads the JSON output, script(1) makes a terminal
  zsh fish mandoc             # tests: completions in real shells, the man page's lint
  dpkg-dev file lintian       # tests: cpack -G DEB (dpkg-shlibdeps), and lintian on the package
  gzip                        # build: the man page and changelog are installed gzipped
  zstd bzip2 xz-utils lz4     # tests: compressed input made by the real tools
  time                        # tests: peak memory (GNU time)
  libxml2-utils               # tests: xmllint checks the JUnit report against its schema
)

if [ "${DHCODE_SKIP_INSTALL:-0}" != 1 ]; then
  if [ "$(id -u)" = 0 ]; then
    as_root=()
  elif command -v sudo > /dev/null; then
    as_root=(sudo)
  else
    echo "setup: installing packages needs root or sudo; install them by hand: ${packages[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -q
  "${as_root[@]}" apt-get install -y -q --no-install-recommends "${packages[@]}"
fi

cmake --preset dev
cmake --build --preset dev
./build/dev/src/dhcode explain 400000008
