#!/usr/bin/env bash
# stats over several inputs: reading them at once (-j 2, -j 8) gives the
# report of reading them one after another (-j 1), stdout, stderr and exit
# status alike; and `stats --merge` of each input's `stats --json` gives the
# report of one run over all of them, in text and JSON, for the recipes the
# README shows (xargs -P). Partials that are not stats results are refused
# with their place.
set -eu
dhcode=$(realpath "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# Logs of one service over three days, in different forms, with times,
# bad records, lines passed over (some mentioning Code) and codes that
# appear in some files only.
for day in 1 2 3; do
  for i in $(seq 1 40); do
    case $(( (i * day) % 7 )) in
      0) code=400000008 ;; 1) code=400010002 ;; 2) code=$((400010000 + day)) ;; *) code=0 ;;
    esac
    printf '{"Code":%d,"Message":"m","RequestId":"r%d-%d","time":"2026-03-2%dT10:00:%02dZ"}\n' \
      "$code" "$day" "$i" "$day" "$((i % 60))"
  done > "day$day.log"
  echo "a line of text" >> "day$day.log"
  echo '{"Code": oops}' >> "day$day.log"
  echo 'retrying: Code=400000008 msg=later' >> "day$day.log"
done
gzip -k day2.log
awk '{ gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); printf "{\"log\":\"%s\\n\",\"stream\":\"stdout\",\"time\":\"2026-03-24T09:00:00Z\"}\n", $0 }' \
  day3.log > docker.log
inputs=(day1.log day2.log.gz docker.log day3.log "$here"/fixtures/inputs/readable/app.log.zst
  "$here"/fixtures/inputs/readable/powershell-utf16le-bom.log)

run() {  # name, arguments: stdout, stderr and status of one run
  local name=$1 status=0; shift
  "$dhcode" "$@" > "$name.out" 2> "$name.err" || status=$?
  echo "$status" > "$name.status"
}
same() {  # two runs' names and what must be the same
  local what
  for what in "${@:3}"; do
    cmp -s "$1.$what" "$2.$what" ||
      { echo "$1 and $2 differ in $what:"; diff "$1.$what" "$2.$what" || true; exit 1; }
  done
}

for format in text json; do
  flag=(); [ $format = json ] && flag=(--json)
  run one-by-one stats "${flag[@]}" -j 1 "${inputs[@]}"
  grep -q . one-by-one.err || { echo "the logs were meant to give messages on stderr"; exit 1; }
  for jobs in 2 8; do
    run "at-once-$jobs" stats "${flag[@]}" -j $jobs "${inputs[@]}"
    same one-by-one "at-once-$jobs" out err status
  done
  run default stats "${flag[@]}" "${inputs[@]}"
  same one-by-one default out err status

  # Each input apart, then merged: from files, and from stdin.
  parts=()
  for input in "${inputs[@]}"; do
    part=part-$(basename "$input").json
    "$dhcode" stats --json "$input" > "$part" 2> /dev/null || true
    parts+=("$part")
  done
  run merged stats "${flag[@]}" --merge "${parts[@]}"
  same one-by-one merged out status
  cat "${parts[@]}" | "$dhcode" stats "${flag[@]}" --merge > merged-stdin.out 2> /dev/null || true
  same one-by-one merged-stdin out
done
[ "$(jq .responses one-by-one.out)" -gt 100 ] || { echo "too few responses were read"; exit 1; }

# The README's recipe: xargs -P over the files, then merge.
ls day*.log docker.log | xargs -P 4 -I{} sh -c "'$dhcode' stats --json {} > {}.stats 2> /dev/null || true"
run recipe stats --json --merge day1.log.stats day2.log.stats day3.log.stats docker.log.stats
run direct stats --json day1.log day2.log day3.log docker.log
same direct recipe out

# Partials that are not stats results.
printf '%s\n' '{"responses":1}' 'not json' > bad.json
jq -c '.responses += 1' part-day1.log.json >> bad.json
run refused stats --merge bad.json
[ "$(cat refused.status)" = 65 ] || { echo "bad partials: exit $(cat refused.status)"; exit 1; }
grep -q '^dhcode: bad.json:1: no "codes" array' refused.err &&
  grep -q "^dhcode: bad.json:2:2: invalid JSON: unexpected character 'o' where a value was expected; not a 'dhcode stats --json' result" refused.err &&
  grep -q '^dhcode: bad.json:3: its codes count [0-9]* responses and "responses" says' refused.err ||
  { echo "bad partials: not each named with its place:"; cat refused.err; exit 1; }
# Not one result read: no table of zeros, as if the runs had found nothing.
[ ! -s refused.out ] || { echo "bad partials alone: a report was printed"; cat refused.out; exit 1; }
run none stats --merge /dev/null
[ "$(cat none.status)" = 65 ] && grep -q "holds no 'dhcode stats --json' result" none.err ||
  { echo "an empty partial: exit $(cat none.status)"; cat none.err; exit 1; }
[ ! -s none.out ] || { echo "an empty partial: a report was printed"; cat none.out; exit 1; }
# A good result beside bad ones is still merged and reported, with status 65.
run mixed stats --merge part-day1.log.json bad.json
[ "$(cat mixed.status)" = 65 ] && grep -q '^responses: ' mixed.out ||
  { echo "a good partial beside bad ones: exit $(cat mixed.status)"; cat mixed.out; exit 1; }
run zero stats -j 0 day1.log
[ "$(cat zero.status)" = 64 ] || { echo "-j 0: exit $(cat zero.status)"; exit 1; }
echo "ok: -j 1, 2, 8 and --merge give one report"
