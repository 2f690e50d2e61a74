#!/usr/bin/env bash
# Speed and memory of `dhcode stats` on a 1,000,000-line log in four forms,
# each against the jq pipeline that extracts the same codes, measured in the
# same run:
#   plain NDJSON       jq -r .Code | sort | uniq -c
#   docker json-file   jq -r .log | jq -r .Code | sort | uniq -c
#   journald JSON      jq -r .MESSAGE | jq -r .Code | sort | uniq -c
#   gzip-compressed    zcat | jq -r .Code | sort | uniq -c
# and each form's time relative to the plain form's, measured in the same
# rounds (a ratio is steady on a shared machine; an absolute time is not);
# then four plain files read with -j 2 against -j 1.
#
# Speed: alternating rounds of hyperfine (one run of each command per round),
# the median of the per-round ratios jq/dhcode (wall-clock ratios move by a
# third from round to round on a shared machine). Instructions per line:
# callgrind on the first 100,000 lines of each form, deterministic. Memory:
# peak resident set (GNU time) on each form, and on 5,000,000 plain lines.
#
# Usage: bench/stats.sh [path/to/dhcode] [rounds]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dhcode=$(realpath "${1:-build/dev/src/dhcode}")
rounds=${2:-5}
for tool in hyperfine jq /usr/bin/time valgrind gzip; do
  command -v "$tool" > /dev/null || { echo "$tool is needed (apt-get install hyperfine valgrind jq time)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$here/make_log.sh" 1000000 > "$work/plain.log"
# docker's json-file driver: each line of output as a JSON string in "log".
awk '{ gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); printf "{\"log\":\"%s\\n\",\"stream\":\"stdout\",\"time\":\"2026-03-20T10:00:00.%09dZ\"}\n", $0, NR }' \
  "$work/plain.log" > "$work/docker.log"
# journald's JSON export: each line of output in "MESSAGE", the time in microseconds.
awk '{ gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); printf "{\"__REALTIME_TIMESTAMP\":\"%d\",\"_SYSTEMD_UNIT\":\"api.service\",\"PRIORITY\":\"6\",\"MESSAGE\":\"%s\"}\n", 1774000800000000 + NR, $0 }' \
  "$work/plain.log" > "$work/journald.log"
gzip -c "$work/plain.log" > "$work/plain.log.gz"
echo "log: 1,000,000 lines; plain $(du -m "$work/plain.log" | cut -f1) MB, docker" \
  "$(du -m "$work/docker.log" | cut -f1) MB, journald $(du -m "$work/journald.log" | cut -f1) MB," \
  "gzip $(du -m "$work/plain.log.gz" | cut -f1) MB"

declare -A theirs=(
  [plain]="jq -r .Code $work/plain.log"
  [docker]="jq -r .log $work/docker.log | jq -r .Code"
  [journald]="jq -r .MESSAGE $work/journald.log | jq -r .Code"
  [gzip]="zcat $work/plain.log.gz | jq -r .Code"
)
declare -A input=([plain]="$work/plain.log" [docker]="$work/docker.log"
  [journald]="$work/journald.log" [gzip]="$work/plain.log.gz")

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for form in plain docker journald gzip; do
  # Both must count the same before their speed means anything.
  "$dhcode" stats --json "${input[$form]}" | jq -r '.codes[] | "\(.count) \(.code)"' | sort > "$work/ours"
  sh -c "${theirs[$form]}" | sort | uniq -c | awk '{print $1, $2}' | sort > "$work/theirs"
  cmp -s "$work/ours" "$work/theirs" || { echo "$form: dhcode and jq disagree on the counts" >&2; exit 1; }

  ratios=()
  to_plain=()
  for ((round = 1; round <= rounds; round++)); do
    hyperfine -N --style none --runs 1 --export-json "$work/round.json" \
      "$dhcode stats ${input[$form]}" \
      "sh -c '${theirs[$form]} | sort | uniq -c'" \
      "$dhcode stats ${input[plain]}" > /dev/null 2> "$work/warnings"
    ours=$(jq '.results[0].median' "$work/round.json")
    jq_s=$(jq '.results[1].median' "$work/round.json")
    plain_s=$(jq '.results[2].median' "$work/round.json")
    ratios+=("$(jq -n "$jq_s / $ours")")
    to_plain+=("$(jq -n "$ours / $plain_s")")
  done

  head -n 100000 "$work/plain.log" > "$work/100k"
  case $form in
    docker) head -n 100000 "$work/docker.log" > "$work/100k" ;;
    journald) head -n 100000 "$work/journald.log" > "$work/100k" ;;
    gzip) gzip -c "$work/100k" > "$work/100k.gz"; mv "$work/100k.gz" "$work/100k" ;;
  esac
  instructions=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$dhcode" stats "$work/100k" \
    2>&1 > /dev/null | awk '/Collected :/ {print $NF}')
  peak=$(/usr/bin/time -f %M "$dhcode" stats "${input[$form]}" 2>&1 > /dev/null | tail -1)
  printf '%-6s  %5.1fx faster than %s (median of %d rounds, single rounds %s to %s)\n' "$form" \
    "$(median "${ratios[@]}")" "the jq pipeline" "$rounds" \
    "$(printf '%.1f' "$(median "$(printf '%s\n' "${ratios[@]}" | sort -g | head -1)")")" \
    "$(printf '%.1f' "$(printf '%s\n' "${ratios[@]}" | sort -g | tail -1)")"
  printf '        %d instructions a line (callgrind, first 100,000 lines); peak memory %.1f MiB\n' \
    "$((instructions / 100000))" "$(jq -n "$peak / 1024")"
  printf '        time %.2fx the plain form'"'"'s (median of the rounds'"'"' ratios)\n' "$(median "${to_plain[@]}")"
done

# Four files at once against one after another, the same four files.
split -n l/4 -d "$work/plain.log" "$work/part."
parts=("$work"/part.*)
ratios=()
for ((round = 1; round <= rounds; round++)); do
  hyperfine -N --style none --runs 1 --export-json "$work/round.json" \
    "$dhcode stats -j 2 ${parts[*]}" "$dhcode stats -j 1 ${parts[*]}" > /dev/null 2> "$work/warnings"
  ratios+=("$(jq -n "$(jq '.results[0].median' "$work/round.json") / $(jq '.results[1].median' "$work/round.json")")")
done
cmp -s <("$dhcode" stats -j 2 "${parts[@]}") <("$dhcode" stats -j 1 "${parts[@]}") ||
  { echo "-j 2 and -j 1 disagree" >&2; exit 1; }
peak=$(/usr/bin/time -f %M "$dhcode" stats -j 2 "${parts[@]}" 2>&1 > /dev/null | tail -1)
printf -- '-j 2 on four files: %.2fx the time of -j 1 (median of %d rounds); peak memory %.1f MiB\n' \
  "$(median "${ratios[@]}")" "$rounds" "$(jq -n "$peak / 1024")"

for _ in 1 2 3 4 5; do cat "$work/plain.log"; done > "$work/5m.log"
five=$(/usr/bin/time -f %M "$dhcode" stats "$work/5m.log" 2>&1 > /dev/null | tail -1)
printf 'memory: peak %.1f MiB on 5,000,000 plain lines (goal: at most 16 MiB on every form)\n' \
  "$(jq -n "$five / 1024")"
