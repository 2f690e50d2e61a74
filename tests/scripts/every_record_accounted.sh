#!/usr/bin/env bash
# Every record read is either explained (stdout) or reported (stderr): none
# is lost, whatever mix of good and bad records the input holds.
set -eu
dhcode=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

good=('{"Code":0,"Message":"success","RequestId":"r"}' '{"Code":400010009}' '{"Code":"400000008"}'
      '{"Code":400010050,"Data":{"a":[1,2,{"b":"}"}]}}' '{"Code":1.0e2}')
bad=('{"Code":400000008,"Mess' '{"Code":true}' '{"Message":"no code"}' '{"Code":-3}' '42'
     '{"Code":1,"Code":1}' '{"Code":"x"}' '[1]' '{"Code":1e999}' '{"Code":0' '{"Code":[0]}')
# A record with junk after it on its line: the record is explained, the junk reported.
junk=('{"Code":0}}' '{"Code":400000008} x' '[{"Code":0}]]')
expected_good=0
expected_bad=0
RANDOM=20260320
for ((i = 0; i < 2000; i++)); do
  if ((RANDOM % 10 == 0)); then
    echo "${junk[RANDOM % ${#junk[@]}]}"
    expected_good=$((expected_good + 1))
    expected_bad=$((expected_bad + 1))
  elif ((RANDOM % 3)); then
    echo "${good[RANDOM % ${#good[@]}]}"
    expected_good=$((expected_good + 1))
  else
    echo "${bad[RANDOM % ${#bad[@]}]}"
    expected_bad=$((expected_bad + 1))
  fi
done > "$work/input.ndjson"

status=0
"$dhcode" explain --json "$work/input.ndjson" > "$work/out" 2> "$work/err" || status=$?
explained=$(wc -l < "$work/out")
reported=$(wc -l < "$work/err")
echo "records: $((expected_good + expected_bad)); explained $explained (expected $expected_good), reported $reported (expected $expected_bad); exit $status"
[ "$status" = 65 ] || { echo "expected exit status 65"; exit 1; }
[ "$explained" = "$expected_good" ] || exit 1
[ "$reported" = "$expected_bad" ] || exit 1
# Each report names the file and the line of its record.
if grep -v -E "^dhcode: $work/input.ndjson:[0-9]+: " "$work/err"; then
  echo "a report without file and line"
  exit 1
fi
jq -s . "$work/out" > /dev/null  # and what was explained is JSON
echo ok
