#!/usr/bin/env bash
# Callbacks and task statuses, end to end: every callback and status example
# of the documentation explained word for word; check's status for every
# documented status, for undocumented ones and for payloads that cannot be
# read; a log of mixed responses and callbacks where every record is
# counted; the same results from every compressed form, in parallel and
# merged; hostile text made harmless.
set -eu
dhcode=$(realpath "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
fixtures="$here/fixtures/callbacks"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

expect_status() {  # expected, then the command
  local expected=$1 actual=0
  shift
  "$dhcode" "$@" > out 2> err || actual=$?
  [ "$actual" = "$expected" ] || fail "$* exited $actual, expected $expected ($(head -c 300 err))"
}

expect_text() {  # text, file
  grep -qF -- "$1" "$2" || fail "'$1' not in $2: $(head -c 600 "$2")"
}

# The documentation's examples, word for word (receiving-callback-en/zh,
# status-get-digital-human-stream-task-status).
expect_status 0 explain "$fixtures/callback-1.json"
expect_text "EventType 3: Digital Human video stream task status." out
expect_text "5: Stream stopped." out
expect_text "EventTime: 2023-04-11T13:58:30.034Z" out
expect_status 0 explain "$fixtures/callback-3.json"
expect_text "2: Driving." out
expect_text "The digital human starts speaking." out
expect_status 0 explain "$fixtures/callback-4.json"
expect_text "4: Drive ended." out
expect_text "The digital human finishes speaking." out
expect_status 0 --lang zh explain "$fixtures/callback-2.json"
expect_text "数字人视频流驱动任务状态。" out
expect_text "驱动结束。" out
expect_text "数字人说话结束" out
expect_status 0 explain "$fixtures/stream-task-status-1.json"
expect_text "Task:      3: Streaming. (RoomId digital_room_1749541482, StreamId digital_stream_1749541482)" out
expect_status 0 explain "$fixtures/stream-task-status-2.json"
expect_text "5: Stream stopped. (as the callback page says; the status page lists 1 to 4)" out
expect_status 0 explain "$fixtures/drive-status-1.json"
expect_text "Drive:     1: Queued. (DriveId 1d4e048a-7520-4b7b-b762-5d8266bb8b7f)" out
expect_status 0 explain "$fixtures/query-stream-tasks-1.json"
expect_text "3: Streaming. (TaskId 688bd608-823d-4830-b469-fb7fb1c5dbbe" out
for example in "$fixtures"/*.json; do expect_status 0 check "$example"; done

# check: every documented status of both event types, built from the
# example; 1 for a failed task and for what the sources do not document.
callback() {  # event type, status
  jq -c --argjson e "$1" --argjson s "$2" '.EventType = $e | .Detail.Status = $s' \
    "$fixtures/callback-1.json"
}
for status in 1 3 4 5; do callback 3 "$status" > cb.json; expect_status 0 check cb.json; done
for status in 1 2 4; do callback 4 "$status" > cb.json; expect_status 0 check cb.json; done
callback 3 2 > cb.json && expect_status 1 check cb.json
callback 4 3 > cb.json && expect_status 1 check cb.json
callback 3 6 > cb.json && expect_status 1 check cb.json
expect_status 1 explain cb.json
expect_text "6: not documented" out
callback 5 1 > cb.json && expect_status 1 check cb.json
expect_status 1 explain cb.json
expect_text "EventType 5: not documented" out
jq -c '.Data.Status = 2 | .Data.FailReason = "no avatar"' "$fixtures/stream-task-status-1.json" > st.json
expect_status 1 check st.json
jq -c '.Data.DriveList[0].Status = 3' "$fixtures/drive-status-1.json" > st.json
expect_status 1 check st.json

# Payloads that cannot be read: 65, with the place and the reason.
printf '{"EventType":"three","Detail":{"Status":1}}\n' > bad.json
expect_status 65 check bad.json
expect_text "bad.json:1: callback's EventType is not a whole number" err
printf '{"EventType":3,"Detail":{"Status":"streaming"}}\n' > bad.json
expect_status 65 check bad.json
expect_text "Detail.Status is not a whole number" err
printf '{"EventType":4,"Detail":[]}\n' > bad.json
expect_status 65 check bad.json
expect_text "Detail is not an object" err
printf '{"EventType":3,"Detail":{"RoomId":"r"}}\n' > bad.json
expect_status 65 check bad.json
expect_text "callback of EventType 3 without Detail.Status" err

# A log of mixed records: each one counted once, as a response, a callback,
# an unreadable record or a line passed over.
log="$fixtures/mixed.log"
"$dhcode" stats --json "$log" > stats.json 2> err || true
records=$(jq '.responses + .unreadable + .passed_over + ([.callbacks[].count] | add)' stats.json)
lines=$(wc -l < "$log")
[ "$records" = "$lines" ] || fail "stats counted $records records of $lines lines"
[ "$(jq '[.callbacks[].count] | add' stats.json)" = 12 ] || fail "12 callbacks expected"
[ "$(jq -c '[.callbacks[] | select(.failed) | .failed_tasks[]]' stats.json)" = '["task-2\u0007","task-3","drive-2"]' ] ||
  fail "failed tasks: $(jq -c '[.callbacks[] | select(.failed) | .failed_tasks]' stats.json)"
expect_status 65 stats "$log"
expect_text "callbacks: 12, of tasks that failed: 3" out
expect_status 65 check "$log"
expect_status 65 explain --failures "$log"
[ "$(grep -c '^callback' out)" = 5 ] || fail "explain --failures: $(grep '^callback' out)"

# Hostile text in FailReason and ids: shown, never sent to the terminal.
expect_status 65 explain "$log"
if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' out; then fail "control bytes reached the output"; fi
expect_text 'Reason:    bad \x1b[31mred\x1b[0m \u202eevil' out
expect_text 'TaskId:    task-2\x07' out

# Every compressed form reads the same, and so do parallel reading and
# merging partial results.
"$dhcode" explain --json "$log" > plain.json 2> /dev/null || true
for form in "gzip -c" "xz -c" "bzip2 -c" "zstd -q -c" "lz4 -q -c"; do
  tool=${form%% *}
  command -v "$tool" > /dev/null || continue
  $form < "$log" > compressed
  "$dhcode" explain --json compressed 2> /dev/null | sed 's/"file":"compressed"/"file":"mixed.log"/' \
    > from_compressed.json || true
  (cd "$fixtures" && "$dhcode" explain --json mixed.log 2> /dev/null) > plain.json || true
  cmp -s plain.json from_compressed.json || fail "$tool: not the same callbacks as plain text"
done
head -n 8 "$log" > part1.log
tail -n +9 "$log" > part2.log
"$dhcode" stats --json -j 1 part1.log part2.log > one.json 2> /dev/null || true
"$dhcode" stats --json -j 2 part1.log part2.log > two.json 2> /dev/null || true
cmp -s one.json two.json || fail "stats -j 2 differs from -j 1"
{ "$dhcode" stats --json part1.log; "$dhcode" stats --json part2.log; } > partials 2> /dev/null || true
"$dhcode" stats --json --merge partials > merged.json || true
cmp -s one.json merged.json || fail "stats --merge differs from one run: $(diff one.json merged.json)"

[ "$failures" = 0 ] || { echo "$failures failures"; exit 1; }
echo "ok"
