#!/usr/bin/env bash
# `tail -f app.log | dhcode explain` shows each response as soon as its line
# arrives, without waiting for the input to end.
set -eu
dhcode=$1
work=$(mktemp -d)
mkfifo "$work/pipe"
"$dhcode" explain --json < "$work/pipe" > "$work/out" 2>&1 &
reader=$!
exec 3> "$work/pipe"
trap 'exec 3>&-; kill "$reader" 2> /dev/null || true; rm -rf "$work"' EXIT

wait_for_lines() {  # up to 120 seconds (a busy machine is slow) for the output to have $1 lines
  for _ in $(seq 1200); do
    [ "$(wc -l < "$work/out")" -ge "$1" ] && return 0
    sleep 0.1
  done
  echo "no output for line $1 while the input is still open; output so far:"
  cat "$work/out"
  return 1
}

echo '2026-03-20T10:00:00Z WARN call failed: {"Code":400010009,"Message":"m","RequestId":"1"}' >&3
wait_for_lines 1
echo '{"Code":0}' >&3
wait_for_lines 2
exec 3>&-
wait "$reader"
grep -q '"code":400010009' "$work/out"
echo "ok: each response was shown while the input was still open"
