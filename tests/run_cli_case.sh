#!/usr/bin/env bash
# Runs one end-to-end case of the built binary and compares what it printed
# and its exit status with what the case expects.
#
# A case is a folder:
#   args     the arguments, one per line (an empty line is an empty argument)
#   stdin    optional; what is piped in (otherwise stdin is /dev/null)
#   env      optional; VAR=value lines added to a clean environment
#   stdout   expected standard output, exactly (missing: must be empty)
#   stderr   expected standard error, exactly (missing: must be empty)
#   status   expected exit status
set -u
binary=$(realpath "$1")
case_dir=$2

arguments=()
[ -f "$case_dir/args" ] && mapfile -t arguments < "$case_dir/args"
environment=(PATH="$PATH" TERM=xterm)
[ -f "$case_dir/env" ] && mapfile -t -O 2 environment < "$case_dir/env"
input=/dev/null
[ -f "$case_dir/stdin" ] && input="$case_dir/stdin"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Run from the case folder so that file arguments are relative to it.
(cd "$case_dir" && env -i "${environment[@]}" "$binary" "${arguments[@]}" \
  < "$input" > "$work/stdout" 2> "$work/stderr")
actual_status=$?

failed=0
for stream in stdout stderr; do
  expected="$case_dir/$stream"
  [ -f "$expected" ] || expected=/dev/null
  if ! diff -u --label "expected $stream" --label "actual $stream" "$expected" "$work/$stream"; then
    failed=1
  fi
done
expected_status=$(cat "$case_dir/status")
if [ "$actual_status" != "$expected_status" ]; then
  echo "exit status: expected $expected_status, got $actual_status"
  failed=1
fi
exit $failed
