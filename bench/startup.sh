#!/usr/bin/env bash
# Start-up cost of dhcode, as a ratio to /bin/true measured in the same run.
#
# A script runs dhcode once per API response, so what matters is the time to
# start, explain one code and exit. Machines are noisy, so the two commands
# are timed in pairs of alternating rounds (hyperfine -N, no shell), and the
# result is the median of the per-round ratios of medians.
#
# Usage: bench/startup.sh [path/to/dhcode] [rounds]
set -euo pipefail
dhcode=${1:-build/dev/src/dhcode}
rounds=${2:-9}
runs=300
command -v hyperfine > /dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }
[ -x "$dhcode" ] || { echo "no dhcode at $dhcode; build first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ratios=()
for ((round = 1; round <= rounds; round++)); do
  hyperfine -N --style none --warmup 20 --runs "$runs" --export-json "$work/round.json" \
    "$dhcode explain 400000008" /bin/true > /dev/null 2> "$work/warnings"
  ratio=$(jq '.results[0].median / .results[1].median' "$work/round.json")
  dhcode_ms=$(jq '.results[0].median * 1000' "$work/round.json")
  true_ms=$(jq '.results[1].median * 1000' "$work/round.json")
  printf 'round %d: dhcode %.3f ms, /bin/true %.3f ms, ratio %.2f\n' \
    "$round" "$dhcode_ms" "$true_ms" "$ratio"
  ratios+=("$ratio")
done
median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf 'median ratio dhcode/true over %d rounds: %.2f (goal: 2.5 or below)\n' "$rounds" "$median"
