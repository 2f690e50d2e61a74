#!/usr/bin/env bash
# A reader that stops early ends dhcode quietly; a failed write to stdout is
# an error message and exit status 74.
set -u
dhcode=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$dhcode" list 2> "$work/err" | head -1 > /dev/null
[ ! -s "$work/err" ] || { echo "a closed pipe was reported:"; cat "$work/err"; exit 1; }
# Also when SIGPIPE is ignored (as some parents leave it): no message either.
(trap '' PIPE; "$dhcode" list 2> "$work/err" | head -1 > /dev/null)
[ ! -s "$work/err" ] || { echo "a closed pipe was reported with SIGPIPE ignored:"; cat "$work/err"; exit 1; }

# Every output, help and version too, ends with a message and 74 on a full disk.
for run in "list" "--help" "--version" "explain --help" "help stats" "completions bash"; do
  # shellcheck disable=SC2086
  "$dhcode" $run > /dev/full 2> "$work/err"
  status=$?
  [ "$status" = 74 ] || { echo "dhcode $run > /dev/full: expected exit status 74, got $status"; exit 1; }
  grep -q "^dhcode: cannot write the output: No space left on device$" "$work/err" ||
    { echo "dhcode $run > /dev/full: unexpected message:"; cat "$work/err"; exit 1; }
done
echo "ok: quiet on a closed pipe, exit 74 with a message on a full disk (help and version too)"
