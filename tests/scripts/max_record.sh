#!/usr/bin/env bash
# A whole-file export (a HAR file: one JSON record of 2 MB) is over the
# default 1 MiB record limit: reported with the option that raises it, and
# read whole with --max-record; a bad size is a usage error.
set -eu
dhcode=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{ printf '{"log":{"entries":[{"response":{"content":{"text":"{\\"Code\\":400000008,\\"Message\\":\\"'
  head -c 2000000 /dev/zero | tr '\0' y
  printf '\\"}"}}}]}}\n'; } > "$work/api.har"

status=0
"$dhcode" stats --json "$work/api.har" > "$work/out" 2> "$work/err" || status=$?
[ "$status" = 65 ] || { echo "default limit: exit $status"; exit 1; }
grep -q "api.har:1: line longer than 1 MiB (1048576 bytes); skipped (--max-record SIZE raises" "$work/err" ||
  { echo "default limit: no message naming --max-record:"; cat "$work/err"; exit 1; }

for where in before after; do
  if [ $where = before ]; then args=(--max-record 4M stats --json); else args=(stats --max-record 4M --json); fi
  "$dhcode" "${args[@]}" "$work/api.har" > "$work/out" 2> "$work/err" ||
    { echo "--max-record 4M ($where the command): exit $?"; cat "$work/err"; exit 1; }
  [ "$(jq -c '[.responses, .errors, .unreadable]' "$work/out")" = '[1,1,0]' ] ||
    { echo "--max-record 4M: $(cat "$work/out")"; exit 1; }
done

for bad in 12Q 0 512 2G -1 ""; do
  status=0
  "$dhcode" --max-record "$bad" stats "$work/api.har" > /dev/null 2> "$work/err" || status=$?
  [ "$status" = 64 ] && grep -q "^dhcode: --max-record: a size from 1K to 1G, such as 64M" "$work/err" ||
    { echo "--max-record '$bad': exit $status"; cat "$work/err"; exit 1; }
done
echo "ok: --max-record reads a 2 MB record; the default names it; bad sizes are refused"
