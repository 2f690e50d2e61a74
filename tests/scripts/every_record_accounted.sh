#!/usr/bin/env bash
# Every record read is explained (stdout), reported (stderr) or passed over
# (counted by stats): none is lost, whatever mix of good and bad records and
# ordinary JSON log events the input holds.
set -eu
dhcode=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

good=('{"Code":0,"Message":"success","RequestId":"r"}' '{"Code":400010009}' '{"Code":"400000008"}'
      '{"Code":400010050,"Data":{"a":[1,2,{"b":"}"}]}}' '{"Code":1.0e2}' '42'
      '{"level":"warn","response":{"Code":400000008}}' '{"log":"{\"Code\":0}\n","stream":"stdout"}'
      '{"Code":0,"Data":{"n":123456789012345678901234567890,"s":"\ud800"}}'
      # The forms real loggers write: logfmt, Go's %+v and %#v, a JSON
      # logger's record in docker's log (escaped twice), CRI with a time.
      'ts=2026-12-01T10:00:00Z level=error resp="{\"Code\":400000008,\"RequestId\":\"r\"}"'
      '2026/12/01 10:00:01 failed: {Code:400010009 Message:rate limit RequestId:9f1d}'
      'err=main.Response{Code:400000003, Message:"x", RequestId:"y"}'
      '{"log":"{\"resp\":\"{\\\"Code\\\":0}\"}\n","stream":"stdout"}'
      '2026-12-01T10:00:09Z stdout F {"level":"warn","resp":"{\"Code\":400010009}"}')
bad=('{"Code":400000008,"Mess' '{"Code":true}' '{"Code":-3}'
     '{"Code":1,"Code":1}' '{"Code":"x"}' '{"Code":1e999}' '{"Code":0' '{"Code":[0]}' '{"Code":0,"Message":"\u12"}')
# Valid JSON without a response: an ordinary log event, passed over.
passed=('{"Message":"no code"}' '[1]' '{"level":"info","msg":"started"}' 'true'
        '{ [122 bytes data]' 'ts=2026-12-01T10:00:00Z level=info msg="ok" a="{\"b\":1}"')
# A record with junk after it on its line: the record is explained, the junk reported.
junk=('{"Code":0}}' '{"Code":400000008} x' '[{"Code":0}]]')
expected_good=0
expected_bad=0
expected_passed=0
RANDOM=20260320
for ((i = 0; i < 2000; i++)); do
  if ((RANDOM % 10 == 0)); then
    echo "${junk[RANDOM % ${#junk[@]}]}"
    expected_good=$((expected_good + 1))
    expected_bad=$((expected_bad + 1))
  elif ((RANDOM % 7 == 0)); then
    echo "${passed[RANDOM % ${#passed[@]}]}"
    expected_passed=$((expected_passed + 1))
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
passed_over=$("$dhcode" stats --json "$work/input.ndjson" 2> /dev/null | jq .passed_over)
echo "records: $((expected_good + expected_bad + expected_passed)); explained $explained (expected $expected_good), reported $reported (expected $expected_bad), passed over $passed_over (expected $expected_passed); exit $status"
[ "$status" = 65 ] || { echo "expected exit status 65"; exit 1; }
[ "$explained" = "$expected_good" ] || exit 1
[ "$reported" = "$expected_bad" ] || exit 1
[ "$passed_over" = "$expected_passed" ] || exit 1
# Each report names the file and the line of its record.
if grep -v -E "^dhcode: $work/input.ndjson:[0-9]+:([0-9]+:)? " "$work/err"; then
  echo "a report without file and line"
  exit 1
fi
jq -s . "$work/out" > /dev/null  # and what was explained is JSON
echo ok
