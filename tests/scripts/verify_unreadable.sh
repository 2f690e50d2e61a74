#!/usr/bin/env bash
# verify when it cannot do its work: a digest library that cannot be
# loaded is said once (not once a request), with 69 and no verdict on any
# Signature; a request line longer than the record limit is said, with its
# place and the option that raises the limit, not skipped in silence.
set -eu
dhcode=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
q='Action=A&AppId=12345&SignatureNonce=4fd24687296dd9f3&Timestamp=1615186943&SignatureVersion=2.0&Signature=6b3ab4f5a3ea6f26a4fe15e4a5c7f6d3'
printf '%s\n%s\n%s\n' "$q" "$q" "$q" > "$work/requests.log"

# A library that is no library, found first on the search path.
mkdir "$work/lib"
: > "$work/lib/libnettle.so.8"
status=0
LD_LIBRARY_PATH=$work/lib DHCODE_SERVER_SECRET=abc "$dhcode" verify --now 1615186943 \
  "$work/requests.log" > "$work/out" 2> "$work/err" || status=$?
[ "$status" = 69 ] || { echo "no digest library: exit $status"; exit 1; }
[ "$(grep -c 'cannot load libnettle.so.8' "$work/err")" = 1 ] ||
  { echo "no digest library: not said exactly once:"; cat "$work/err"; exit 1; }
[ "$(grep -c 'not checked: signatures cannot be computed here' "$work/out")" = 3 ] ||
  { echo "no digest library: a verdict on a Signature:"; cat "$work/out"; exit 1; }
if grep -q 'matches' "$work/out"; then echo "no digest library: a Signature said to match"; exit 1; fi
LD_LIBRARY_PATH=$work/lib DHCODE_SERVER_SECRET=abc "$dhcode" --json verify --now 1615186943 \
  "$work/requests.log" 2> /dev/null | jq -e 'select(.signature_checked == false)' > /dev/null ||
  { echo "no digest library: JSON says the Signature was checked"; exit 1; }

# A request line over the limit, between two that are not.
{ echo "$q"; printf 'GET /?%s&Pad=' "$q"; head -c 3000 /dev/zero | tr '\0' x; echo; echo "$q"; } \
  > "$work/long.log"
status=0
"$dhcode" --max-record 1K verify --now 1615186943 "$work/long.log" > "$work/out" 2> "$work/err" || status=$?
[ "$status" = 65 ] || { echo "long line: exit $status"; cat "$work/err"; exit 1; }
grep -q 'long.log:2: line longer than 1024 bytes .*--max-record' "$work/err" ||
  { echo "long line: not said with its place:"; cat "$work/err"; exit 1; }
[ "$(grep -c 'no problem found' "$work/out")" = 2 ] ||
  { echo "long line: the lines around it were not checked:"; cat "$work/out"; exit 1; }
echo "ok: an unloadable digest library and an overlong line are said"
