#!/usr/bin/env bash
# Regenerates completions/ from the built dhcode after a change to its
# options or to the registry (a test fails until they agree).
set -euo pipefail
cd "$(dirname "$0")/.."
dhcode=${1:-build/dev/src/dhcode}
"$dhcode" completions bash > completions/dhcode.bash
"$dhcode" completions zsh > completions/_dhcode
"$dhcode" completions fish > completions/dhcode.fish
echo "completions/ updated from $dhcode"
