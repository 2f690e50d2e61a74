#!/usr/bin/env bash
# Every code in the documented ranges, explained as JSON, parses with jq and
# has the documented keys with the documented types; 54 of them are known.
set -eu
dhcode=$1
codes=(0 $(seq 100000000 100000020) $(seq 400000000 400000025) $(seq 400004000 400004015) \
  $(seq 400010000 400010012))
status=0
"$dhcode" explain --json "${codes[@]}" > "${TMPDIR:-/tmp}/dhcode-json.$$" || status=$?
trap 'rm -f "${TMPDIR:-/tmp}/dhcode-json.$$"' EXIT
[ "$status" = 1 ] || { echo "expected exit status 1 (some codes unknown), got $status"; exit 1; }

lines=$(wc -l < "${TMPDIR:-/tmp}/dhcode-json.$$")
[ "$lines" = "${#codes[@]}" ] || { echo "expected ${#codes[@]} lines, got $lines"; exit 1; }

# Keys and types are checked against docs/json.md by json_schema.sh; here,
# what the values say.
jq -e -s '
  all(.[]; if .known then (.description | type == "string") and (.retryable | type == "boolean")
           else .description == null and .retryable == null end)
  and all(.[]; .message == null and .request_id == null and .file == null and .line == null)
  and ([.[] | select(.known)] | length == 54)
  and ([.[] | select(.status == "legacy")] | length == 19)
  and ([.[] | select(.retryable == true) | .code] == [400000006, 400004006, 400004011, 400010002, 400010009])
' "${TMPDIR:-/tmp}/dhcode-json.$$" > /dev/null || { echo "JSON output says something else than the registry"; exit 1; }
echo "ok: ${#codes[@]} JSON lines checked with jq"
