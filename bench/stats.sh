#!/usr/bin/env bash
# Speed and memory of `dhcode stats` on a 1,000,000-line NDJSON log, as ratios
# against `jq -r .Code | sort | uniq -c` measured in the same run.
#
# Speed: alternating rounds of hyperfine (one run of each command per round),
# the median of the per-round ratios jq/dhcode. Memory: peak resident set of
# dhcode stats on 1,000,000 and 5,000,000 lines (GNU time), which should be
# the same and at most 16 MiB.
#
# Usage: bench/stats.sh [path/to/dhcode] [rounds]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dhcode=$(realpath "${1:-build/dev/src/dhcode}")
rounds=${2:-5}
for tool in hyperfine jq /usr/bin/time; do
  command -v "$tool" > /dev/null || { echo "$tool is needed (scripts/setup.sh installs it)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$here/make_log.sh" 1000000 > "$work/1m.log"
echo "log: 1,000,000 lines, $(du -m "$work/1m.log" | cut -f1) MB"

# Both must count the same before their speed means anything.
"$dhcode" stats --json "$work/1m.log" | jq -r '.codes[] | "\(.count) \(.code)"' | sort > "$work/ours"
jq -r .Code "$work/1m.log" | sort | uniq -c | awk '{print $1, $2}' | sort > "$work/theirs"
cmp -s "$work/ours" "$work/theirs" || { echo "dhcode and jq disagree on the counts" >&2; exit 1; }

ratios=()
for ((round = 1; round <= rounds; round++)); do
  hyperfine -N --style none --runs 3 --export-json "$work/round.json" \
    "$dhcode stats $work/1m.log" \
    "sh -c 'jq -r .Code $work/1m.log | sort | uniq -c'" > /dev/null 2> "$work/warnings"
  ours=$(jq '.results[0].median' "$work/round.json")
  theirs=$(jq '.results[1].median' "$work/round.json")
  ratio=$(jq -n "$theirs / $ours")
  printf 'round %d: dhcode stats %.3f s, jq | sort | uniq -c %.3f s, jq/dhcode %.1f\n' \
    "$round" "$ours" "$theirs" "$ratio"
  ratios+=("$ratio")
done
median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf 'speed: dhcode stats is %.1fx faster than jq | sort | uniq -c (median of %d rounds; goal: 15x)\n' \
  "$median" "$rounds"

peak_kib() { /usr/bin/time -f %M "$dhcode" stats "$1" 2>&1 > /dev/null | tail -1; }
one=$(peak_kib "$work/1m.log")
for _ in 1 2 3 4 5; do cat "$work/1m.log"; done > "$work/5m.log"
five=$(peak_kib "$work/5m.log")
printf 'memory: peak %.1f MiB on 1,000,000 lines, %.1f MiB on 5,000,000 lines (goal: at most 16 MiB, the same)\n' \
  "$(jq -n "$one / 1024")" "$(jq -n "$five / 1024")"
