#!/usr/bin/env bash
# Every input is read or refused in words, never passed over in silence.
#
# tests/fixtures/inputs/readable holds the same five-line log (two
# successes, two errors, a line without a response) as the real tools write
# it: bzip2, xz, lz4 (also several streams joined), gzip, zstd, UTF-16 and
# UTF-32 (iconv, with and without a byte order mark, as PowerShell's `>`
# writes), and NUL-padded as logrotate's copytruncate leaves it. Each must
# give the same counts as the plain log, from a file and from stdin.
#
# tests/fixtures/inputs/unreadable holds what dhcode cannot read: archives
# (zip, 7z, tar, tar.gz), an image, a packet capture, random bytes (also
# inside good gzip data), lz4's legacy format, and truncated bzip2, xz and
# lz4. No command may exit 0 on any of them, and each must say on stderr
# what the input is.
set -u
dhcode=$(realpath "$1")
inputs="$(cd "$(dirname "$0")/../fixtures/inputs" && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=$work/out err=$work/err
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

expected=$("$dhcode" stats --json "$inputs/app.log" | jq -c '{responses, successes, errors, passed_over}')
[ "$expected" = '{"responses":4,"successes":2,"errors":2,"passed_over":1}' ] ||
  fail "the plain log itself: $expected"

for file in "$inputs"/readable/*; do
  name=$(basename "$file")
  for how in file stdin; do
    if [ "$how" = file ]; then
      got=$(cd "$(dirname "$file")" && "$dhcode" stats --json "$name" 2> $err)
    else
      got=$("$dhcode" stats --json < "$file" 2> $err)
    fi
    status=$?
    counts=$(echo "$got" | jq -c '{responses, successes, errors, passed_over}' 2> /dev/null)
    want=$expected
    case $name in  # the log twice over
      two-*) want=$(echo "$expected" | jq -c 'map_values(. * 2)') ;;
    esac
    if [ "$status" != 0 ] || [ "$counts" != "$want" ] || [ -s $err ]; then
      fail "$name ($how): exit $status, $counts; stderr: $(cat $err)"
    else
      echo "ok   $name ($how)"
    fi
  done
done

# What each unreadable input must be called on stderr.
declare -A says=(
  [app.log.7z]="a 7-Zip archive" [app.log.tar]="a tar archive; .*try: tar -xOf"
  [app.log.tar.gz]="a tar archive in gzip data" [app.log.zip]="a zip archive"
  [capture.pcap]="a packet capture" [image.png]="a PNG image" [legacy.lz4]="legacy format"
  [random-bytes.bin]="data that is not text" [random-bytes.gz]="data that is not text .* in gzip data"
  [truncated.bz2]="bzip2 data is truncated|corrupt bzip2" [truncated.xz]="xz data is truncated|corrupt xz"
  [truncated.lz4]="lz4 data is truncated|corrupt lz4"
)
for file in "$inputs"/unreadable/*; do
  name=$(basename "$file")
  [ -n "${says[$name]:-}" ] || { fail "$name: the test does not say what it must be called"; continue; }
  for command in explain check stats "stats --json"; do
    # shellcheck disable=SC2086  # the command's words
    (cd "$(dirname "$file")" && "$dhcode" $command "$name" > $out 2> $err)
    status=$?
    if [ "$status" = 0 ]; then
      fail "$name ($command): exit 0; stdout: $(head -c 300 $out)"
    elif ! grep -qE "^dhcode: $name: .*(${says[$name]})" $err; then
      fail "$name ($command): exit $status but stderr does not say '${says[$name]}': $(cat $err)"
    else
      echo "ok   $name ($command): exit $status"
    fi
  done
done
[ "$failures" = 0 ] || { echo "$failures failures"; exit 1; }
echo "ok: every input read, or refused with a line that says what it is"
