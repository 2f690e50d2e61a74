#!/usr/bin/env bash
# --format junit and --format github on real inputs (every readable and
# unreadable fixture, hostile strings, a missing file), for each command
# that has them:
# - the JUnit report is valid against tests/junit/junit.xsd (xmllint), its
#   counts add up, and every response and problem is in it;
# - every GitHub workflow command is one line starting "::error ", and no
#   text from the input starts a command of its own or holds a raw control;
# - the exit status is the one the same command gives in text.
set -eu
dhcode=$1
here=$(cd "$(dirname "$0")/.." && pwd)
schema=$here/junit/junit.xsd
command -v xmllint > /dev/null || { echo "xmllint is needed (apt-get install libxml2-utils)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Hostile text in every field a report quotes, and in a file name.
hostile="$work/a,b:c%0A&<x>.log"
printf '%s\n' \
  '{"Code":0,"Message":"ok","RequestId":"r1"}' \
  '{"Code":400000008,"Message":"x\n::add-mask::secret\r\n::set-output name=a::b %25 %0A <![CDATA[ ]]> & \u001b[31m \u0001 \u202e","RequestId":"]]></failure><x a=\"1\">"}' \
  '{"Code":400010002,"Message":"\"quoted\" '"'"'single'"'"'","RequestId":"r3"}' \
  '{"Code": nope}' \
  '{"Code":123456789}' > "$hostile"

inputs=("$hostile" "$work/missing.log")
for file in "$here"/fixtures/inputs/readable/* "$here"/fixtures/inputs/unreadable/* \
  "$here"/fixtures/callbacks/mixed.log; do
  inputs+=("$file")
done

checked=0
for command in check explain stats; do
  for input in "${inputs[@]}"; do
    text_status=0
    "$dhcode" "$command" "$input" > /dev/null 2>&1 || text_status=$?

    status=0
    "$dhcode" --format junit "$command" "$input" > "$work/report.xml" 2> /dev/null || status=$?
    [ "$status" = "$text_status" ] ||
      { echo "$command $input: junit exit $status, text exit $text_status"; exit 1; }
    xmllint --noout --schema "$schema" "$work/report.xml" 2> "$work/xmllint" ||
      { echo "$command $input: the JUnit report is not valid:"; cat "$work/xmllint"; exit 1; }
    count() { xmllint --xpath "$1" "$work/report.xml"; }
    [ "$(count 'number(/testsuites/@tests)')" = "$(count 'count(//testcase)')" ] &&
      [ "$(count 'number(/testsuites/@failures)')" = "$(count 'count(//failure)')" ] &&
      [ "$(count 'number(/testsuites/@errors)')" = "$(count 'count(//error)')" ] ||
      { echo "$command $input: the JUnit counts do not add up"; cat "$work/report.xml"; exit 1; }
    # An input that could not be read is never a clean report.
    if [ "$text_status" -ge 64 ] && [ "$(count 'count(//error)')" = 0 ]; then
      echo "$command $input: exit $text_status, but no error in the JUnit report"; exit 1
    fi

    status=0
    "$dhcode" --format github "$command" "$input" > "$work/github" 2> /dev/null || status=$?
    [ "$status" = "$text_status" ] ||
      { echo "$command $input: github exit $status, text exit $text_status"; exit 1; }
    if grep -v '^::error [^:]*::' "$work/github" | grep -q .; then
      echo "$command $input: a line that is not one workflow command:"; cat "$work/github"; exit 1
    fi
    if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$work/github" "$work/report.xml"; then
      echo "$command $input: a raw control character in a report"; exit 1
    fi
    if [ "$text_status" -ge 64 ] && ! grep -q '^::error ' "$work/github"; then
      echo "$command $input: exit $text_status, but no annotation"; exit 1
    fi
    checked=$((checked + 1))
  done
done

# The hostile input, closer: what it says arrives as text.
"$dhcode" --format github check "$hostile" > "$work/github" 2> /dev/null || true
[ "$(grep -c '^::' "$work/github")" = 4 ] ||
  { echo "hostile: expected 4 workflow commands (2 codes, 1 unknown, 1 bad record):"; cat "$work/github"; exit 1; }
grep -q '^::error file=.*a%2Cb%3Ac%250A&<x>.log,line=2,title=400000008::' "$work/github" ||
  { echo "hostile: the file name is not escaped as a property:"; cat "$work/github"; exit 1; }
"$dhcode" --format junit check "$hostile" > "$work/report.xml" 2> /dev/null || true
[ "$(xmllint --xpath 'count(//failure[@type="400000008"])' "$work/report.xml")" = 1 ] ||
  { echo "hostile: the failure of 400000008 is not one element"; cat "$work/report.xml"; exit 1; }
xmllint --xpath 'string(//failure[@type="400000008"])' "$work/report.xml" |
  grep -qF ']]></failure><x a="1">' ||
  { echo "hostile: the RequestId did not arrive as text"; cat "$work/report.xml"; exit 1; }

echo "ok: $checked runs of check, explain and stats in each format"
