#!/usr/bin/env bash
# `tail -f app.log | dhcode explain` shows each response as soon as its line
# arrives, without waiting for the input to end. The test reads dhcode's
# output through a pipe and waits for each line (up to 120 s on a busy
# machine), never for a fixed time.
set -eu
dhcode=$1
work=$(mktemp -d)
mkfifo "$work/in" "$work/out"
"$dhcode" explain --json < "$work/in" > "$work/out" 2>&1 &
reader=$!
exec 3> "$work/in"
exec 4< "$work/out"
trap 'exec 3>&- 4<&-; kill "$reader" 2> /dev/null || true; rm -rf "$work"' EXIT

next_line() {  # the next line dhcode writes, while its input is still open
  local line
  if ! IFS= read -r -t 120 line <&4; then
    echo "no output for line $1 within 120 s while the input is still open"
    exit 1
  fi
  printf '%s\n' "$line"
}

echo '2026-03-20T10:00:00Z WARN call failed: {"Code":400010009,"Message":"m","RequestId":"1"}' >&3
first=$(next_line 1)
echo '{"Code":0}' >&3
second=$(next_line 2)
exec 3>&-
wait "$reader"
[[ $first == *'"code":400010009'* ]] || { echo "first line: $first"; exit 1; }
[[ $second == *'"code":0'* ]] || { echo "second line: $second"; exit 1; }
echo "ok: each response was shown while the input was still open"
