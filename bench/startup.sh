#!/usr/bin/env bash
# Start-up cost of dhcode, as a ratio to /bin/true measured in the same run.
#
# A script runs dhcode once per API response, so what matters is the time to
# start, explain one code and exit. Machines are noisy, so the commands are
# timed together in rounds (hyperfine -N, no shell), and the result is the
# median of the per-round ratios of medians. A second peer, a program that
# only links what dhcode links (bench/startup_floor.cpp), shows how much of
# the time is dhcode's own start-up work rather than loading libraries.
# `dhcode explain 400000008` skips building the option parser (src/cli.cpp);
# `dhcode explain --json 400000008` is timed too, to show what a request
# that goes through the parser (CLI11) costs.
#
# Usage: bench/startup.sh [path/to/dhcode] [rounds]
set -euo pipefail
dhcode=${1:-build/dev/src/dhcode}
rounds=${2:-31}
runs=60  # short rounds: drift on a shared machine hits both commands alike
command -v hyperfine > /dev/null || { echo "hyperfine is needed (apt-get install hyperfine valgrind)" >&2; exit 1; }
[ -x "$dhcode" ] || { echo "no dhcode at $dhcode; build first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)
g++ -O2 -std=c++20 "$here/startup_floor.cpp" -o "$work/floor" -Wl,--as-needed -lsimdjson

median_of() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratios=()
floor_ratios=()
parsed_ratios=()
floor_true_ratios=()
for ((round = 1; round <= rounds; round++)); do
  hyperfine -N --style none --warmup 20 --runs "$runs" --export-json "$work/round.json" \
    "$dhcode explain 400000008" /bin/true "$work/floor" "$dhcode explain --json 400000008" \
    > /dev/null 2> "$work/warnings"
  read -r dhcode_ms true_ms floor_ms parsed_ms < <(jq -r '[.results[].median * 1000] | @tsv' "$work/round.json")
  ratio=$(jq -n "$dhcode_ms / $true_ms")
  floor_ratio=$(jq -n "$dhcode_ms / $floor_ms")
  parsed_ratio=$(jq -n "$parsed_ms / $true_ms")
  printf 'round %d: dhcode %.3f ms, /bin/true %.3f ms, floor %.3f ms, --json %.3f ms; dhcode/true %.2f, dhcode/floor %.2f, --json/true %.2f\n' \
    "$round" "$dhcode_ms" "$true_ms" "$floor_ms" "$parsed_ms" "$ratio" "$floor_ratio" "$parsed_ratio"
  ratios+=("$ratio")
  floor_ratios+=("$floor_ratio")
  parsed_ratios+=("$parsed_ratio")
  floor_true_ratios+=("$(jq -n "$floor_ms / $true_ms")")
done
median() { printf '%s\n' "$@" | median_of; }
printf 'median over %d rounds: dhcode/true %.2f (goal: 2.5 or below), dhcode/floor %.2f, floor/true %.2f\n' \
  "$rounds" "$(median "${ratios[@]}")" "$(median "${floor_ratios[@]}")" "$(median "${floor_true_ratios[@]}")"
printf 'through the option parser: dhcode explain --json 400000008 / true %.2f\n' "$(median "${parsed_ratios[@]}")"

# Instructions do not depend on the machine's load: the same count every run.
if command -v valgrind > /dev/null; then
  instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 > /dev/null |
      awk '/Collected :/ {print $NF}'
  }
  dhcode_ir=$(instructions "$dhcode" explain 400000008)
  floor_ir=$(instructions "$work/floor")
  parsed_ir=$(instructions "$dhcode" explain --json 400000008)
  printf 'instructions (callgrind): dhcode %d, floor %d, --json %d; dhcode/floor %.2f\n' \
    "$dhcode_ir" "$floor_ir" "$parsed_ir" "$(jq -n "$dhcode_ir / $floor_ir")"
fi
