#!/usr/bin/env bash
# A table of hostile inputs. For each: what dhcode is given, the exit status
# it must end with, and a pattern its stderr must match (stdout too, where a
# case says so). None may crash, hang (30 s) or use more memory than the
# documented bound (64 MiB peak resident; not checked under sanitizers,
# which need more for themselves).
set -u
dhcode=$(realpath "$1")
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work"; rm -rf "$work"' EXIT
cd "$work"
bound_kib=$((64 * 1024))
failures=0
cases=0

# Deterministic bytes without a tool beyond awk.
bytes() { awk -v n="$1" -v seed="$2" 'BEGIN { srand(seed); for (i = 0; i < n; i++) printf "%c", int(rand() * 256) }'; }
repeat() { awk -v n="$2" -v s="$1" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }

# run NAME STATUS STDERR-PATTERN ARGS... (input in ./in, unless ARGS say otherwise);
# the pattern "-" means stderr must be empty, "" that anything goes.
run() {
  local name=$1 want_status=$2 pattern=$3
  shift 3
  cases=$((cases + 1))
  local status
  timeout 30 /usr/bin/time -f %M -o "$work/rss" "$dhcode" "$@" < "$work/in" > "$work/out" 2> "$work/err"
  status=$?
  if [ "$status" = 124 ]; then
    echo "FAIL $name: hung (killed after 30 s)"; failures=$((failures + 1)); return
  fi
  if [ "$status" != "$want_status" ]; then
    echo "FAIL $name: exit status $status, expected $want_status; stderr:"; head -c 600 "$work/err"
    failures=$((failures + 1)); return
  fi
  if [ "$pattern" = - ] && [ -s "$work/err" ]; then
    echo "FAIL $name: expected nothing on stderr:"; head -c 600 "$work/err"
    failures=$((failures + 1)); return
  fi
  if [ -n "$pattern" ] && [ "$pattern" != - ] && ! grep -qE -- "$pattern" "$work/err"; then
    echo "FAIL $name: stderr does not match /$pattern/:"; head -c 600 "$work/err"
    failures=$((failures + 1)); return
  fi
  if [ "$(wc -l < "$work/err")" -gt 0 ] && grep -q $'\x1b' "$work/err" "$work/out"; then
    echo "FAIL $name: a raw escape character reached the output"; failures=$((failures + 1)); return
  fi
  local rss
  rss=$(tail -1 "$work/rss")
  if [ -z "${DHCODE_UNDER_SANITIZERS:-}" ] && [ "$rss" -gt "$bound_kib" ]; then
    echo "FAIL $name: peak memory $rss KiB over the bound of $bound_kib KiB"
    failures=$((failures + 1)); return
  fi
  echo "ok   $name (exit $status, $rss KiB)"
}
# Also: stdout must match a pattern.
expect_stdout() {
  if ! grep -qE -- "$1" "$work/out"; then
    echo "FAIL $2: stdout does not match /$1/:"; head -c 600 "$work/out"; failures=$((failures + 1))
  fi
}

: > in;                                    run empty_input 65 "stdin: holds no response" explain
printf ' \n\t\n\r\n  ' > in;               run white_space_only 65 "stdin: holds no response" explain
bytes 200000 1 > in;                       run random_binary 65 "stdin: data that is not text" explain
bytes 200000 2 > in;                       run random_binary_check 65 "" check
printf '{"Code":0,"Message":"\xff\xfe"}\n' > in;         run invalid_utf8_in_json 0 - explain
expect_stdout 'Message: +\\xff\\xfe' invalid_utf8_in_json
printf 'log \xff\xc0 text\n{"Code":0}\n' > in;           run invalid_utf8_in_log_text 0 - explain
printf '{"Code":0,"Message":"a\0b"}\n' > in;             run nul_byte_in_json 65 "stdin:1:23: invalid JSON: control character U.0000 inside a string" explain
printf 'text \0 with nul\n{"Code":400010002}\n' > in;   run nul_byte_in_text 0 - explain
{ repeat x 100000000; echo; echo '{"Code":0}'; } > in;   run line_of_100_mb 65 "stdin:1: line longer than 1 MiB \(1048576 bytes\); skipped \(--max-record SIZE raises the limit" explain
expect_stdout "^0  Success" line_of_100_mb
{ repeat '[' 1000000; repeat ']' 1000000; echo; } > in;  run nesting_a_million_deep 65 "stdin:1: line longer than" explain
{ repeat '[' 500000; repeat ']' 500000; echo; } > in;    run nesting_half_a_million_deep 65 "stdin:1: JSON nested deeper than 65536 levels; not read" explain
{ repeat '{"a":' 100000; echo -n 1; repeat '}' 100000; echo; } > in; run nested_objects 65 "stdin:1: JSON nested deeper than 65536 levels; not read" explain
{ printf '{"Code":0,"Data":'; repeat '[' 5000; repeat ']' 5000; echo '}'; } > in; run deep_data 0 "" explain
echo '{"Code":1e400}' > in;                run number_1e400 65 "stdin:1: Code is out of range: a number beyond 64 bits" explain
echo '{"Code":-0}' > in;                   run negative_zero 0 - explain
echo '{"Code":400000008.5}' > in;          run fraction 65 "stdin:1: Code 400000008.5 is not a whole number" explain
echo '{"Code":18446744073709551616}' > in; run beyond_uint64 65 "stdin:1: Code is out of range: a number beyond 64 bits" explain
echo '{"Code":18446744073709551615}' > in; run largest_uint64 65 "stdin:1: Code 18446744073709551615 is out of range" explain
echo '{"Code":-1}' > in;                   run negative 65 "stdin:1: Code -1 is out of range" explain
echo '{"Code":400000008,"Code":0}' > in;   run duplicate_code_keys 65 "stdin:1: not a response: the Code key appears twice" explain
echo '{"Code":""}' > in;                   run empty_string_code 65 "Code \"\" is a string that is not a code" explain
echo '{"Code":" 400000008 "}' > in;        run padded_string_code 0 - explain
{ printf '{"Code":0,"Message":"'; repeat y 900000; echo '"}'; } > in; run string_of_900_kb 0 - explain
{ printf '{"Code":0,"Message":"'; repeat y 2000000; echo '"}'; } > in; run string_of_2_mb 65 "stdin:1: line longer than" explain
printf '{"Code":400000008,"Mess' > in;     run truncated_object 65 "stdin:1:24: invalid JSON: a line ends inside a string" explain
printf '{\n  "Code": 400000008,\n' > in;    run truncated_pretty_object 65 "stdin:1: incomplete record: the input ends inside it" explain
printf '{"Code":0}\xef\xbb\xbf{"Code":1}\n' > in;  run bom_in_the_middle 65 "stdin:1:11: invalid JSON: unexpected text after the record" explain
printf '{"Code":0,"Message":"\xef\xbb\xbf"}\n' > in; run bom_inside_a_string 0 - explain
printf '{"Code":1,"Message":"\\u001b]0;owned\\u0007\\u001b[2J\\u202e\\u009b"}\n' > in
run escapes_in_message 1 - explain
expect_stdout 'Message: +\\x1b\]0;owned\\x07\\x1b\[2J\\u202e\\u009b' escapes_in_message
printf '{"Code":1,"Message":"raw \x1b[31m"}\n' > in; run raw_escape_in_message 65 "stdin:1:26: invalid JSON: control character U.001B inside a string" explain
printf 'WARN \x1b[31m {"Code":"\x1b[2J"}\n' > in;     run raw_escape_in_log 65 "stdin:1:21: invalid JSON: control character U.001B inside a string" explain
mkdir -p folder;                           run file_is_a_directory 66 "folder: cannot read: Is a directory" explain folder
echo '{"Code":0}' > locked.json; chmod 000 locked.json
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null; then
  # root reads anything: drop to nobody to meet the permission check. The
  # build may sit where nobody cannot reach (a clone in /root): run a copy.
  chmod 755 "$work"
  cp "$dhcode" "$work/dhcode-for-nobody"
  cases=$((cases + 1))
  HOME=$work setpriv --reuid=nobody --regid=nogroup --clear-groups "$work/dhcode-for-nobody" \
    explain "$work/locked.json" \
    > out 2> err < /dev/null
  status=$?
  if [ "$status" = 66 ] && grep -q "locked.json: cannot read: Permission denied" err; then
    echo "ok   file_without_read_permission (exit 66)"
  else
    echo "FAIL file_without_read_permission: exit $status"; cat err; failures=$((failures + 1))
  fi
else
  run file_without_read_permission 66 "locked.json: cannot read: Permission denied" explain locked.json
fi
run missing_file 66 "no-such.json: cannot read: No such file or directory" explain no-such.json
awk 'BEGIN { for (i = 0; i < 1000000; i++) print "" }' > in; run a_million_empty_lines 65 "holds no response" explain
{ echo '['; awk 'BEGIN { for (i = 0; i < 100000; i++) printf "  {\"Code\": %d},\n", (i % 2) * 400010002 }'; echo '  {"Code": 0}'; echo ']'; } > in
run array_of_100000_responses 0 - stats
expect_stdout "responses: 100001 \(successes 50001, errors 50000\)" array_of_100000_responses
awk 'BEGIN { for (i = 1; i <= 300000; i++) printf "{\"Code\":%d}\n", i * 3000 }' > in
run three_hundred_thousand_different_codes 0 "stats: more than 10000 different codes; the rest are counted together" stats
expect_stdout "^ +290000 +96.67% +other" three_hundred_thousand_different_codes
echo '}' > in;                             run lone_closing_brace 65 "holds no response" explain
printf '\x1b[31m\n' > in;                  run escape_only 65 "holds no response" explain
printf '%s\n' '{"code":1,"description":"x","category":"server","retryable":true}' > in
{ repeat '[' 100000; repeat ']' 100000; echo; } > deep.json
run overlay_nested_deep 78 "deep.json:1:2: an entry must be a JSON object" --registry deep.json list
{ repeat x 2000000; echo; } > long.json;    run overlay_long_line 78 "long.json:1:1: line longer than" --registry long.json list

echo "$((cases - failures)) passed, $failures failed"
[ "$failures" = 0 ]
