#!/usr/bin/env bash
# gzip is inflated with ISA-L when libisal.so.2 can be loaded, else with
# zlib: on large inputs, several members joined with cat and a cut-off file,
# both give the same responses, messages and exit status. (zlib is made the
# one used by a libisal.so.2 that is no library, first on the search path.)
set -eu
dhcode=$(realpath "$1")
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/no-isal"
: > "$work/no-isal/libisal.so.2"

"$here/bench/make_log.sh" 100000 > "$work/log"
gzip -c "$work/log" > "$work/big.gz"
{ head -n 500 "$work/log" | gzip -c; tail -n 700 "$work/log" | gzip -1 -c; } > "$work/members.gz"
head -c 1000000 "$work/big.gz" > "$work/cut.gz"

for input in big.gz members.gz cut.gz; do
  for library in isal zlib; do
    path=()
    [ $library = zlib ] && path=(env LD_LIBRARY_PATH="$work/no-isal")
    status=0
    "${path[@]}" "$dhcode" explain --json --short "$work/$input" > "$work/$library.out" \
      2> "$work/$library.err" || status=$?
    echo "$status" > "$work/$library.status"
  done
  for what in out err status; do
    cmp -s "$work/isal.$what" "$work/zlib.$what" ||
      { echo "$input: ISA-L and zlib differ in $what"; diff "$work/isal.$what" "$work/zlib.$what" | head; exit 1; }
  done
  [ -s "$work/isal.out" ] || { echo "$input: nothing read"; exit 1; }
done
grep -q "the gzip data is truncated" "$work/isal.err" || { echo "cut.gz: not said to be cut off"; exit 1; }
# Inflated on a second thread in chunks that are reused (12 MB of text: many
# times the chunks in flight), the responses are those of the plain log.
"$dhcode" explain --json --short "$work/log" | jq -c 'del(.file)' > "$work/plain.out"
"$dhcode" explain --json --short "$work/big.gz" | jq -c 'del(.file)' > "$work/inflated.out"
cmp -s "$work/plain.out" "$work/inflated.out" || { echo "big.gz differs from the plain log"; exit 1; }
echo "ok: ISA-L and zlib read the same"
