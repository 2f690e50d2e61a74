#!/usr/bin/env bash
# No text of the option parser reaches a user: every way of getting a command
# line wrong gets one line in dhcode's form, `dhcode: WHAT: why (see ...)`,
# and exit status 64.
set -u
dhcode=$1
# Phrases of CLI11's own messages.
parser_words='required|Could not convert|At Most|At least|TEXT|INT|UINT|not in \{|The following argument|was not expected|Expected exactly|disallowed flag|too many inputs|Should be true/false'
failed=0
count=0
while IFS= read -r line; do
  [ -z "$line" ] && continue
  read -ra arguments <<< "$line"
  count=$((count + 1))
  stderr=$("$dhcode" "${arguments[@]}" 2>&1 > /dev/null < /dev/null)
  status=$?
  if [ "$status" != 64 ] || [ "$(wc -l <<< "$stderr")" != 1 ] || [[ $stderr != "dhcode: "* ]] ||
    grep -Eq "$parser_words" <<< "$stderr"; then
    echo "dhcode $line: exit $status: $stderr"
    failed=1
  fi
done << 'LINES'
list --category
list --category tts
list --status
list --retryable maybe
list --range
list extra
list extra more
search
stats -j
stats -j abc
stats -j -5
stats -j 1.5
stats --merge=maybe
explain --failures=x 400000008
explain --short=x 400000008
explain --nope
check -v=2 resp.json
sign --app-id
sign --app-id 1 --app-id 2
sign --timestamp abc --app-id 1
sign --nonce
verify --now
verify --now abc x
verify --now 99999999999999999999 x
verify --callback=1 x
completions
completions tcsh
completions bash zsh
--color
--color sometimes explain 1
--lang
--lang fr explain 1
--max-record
--max-record 5 explain 1
--max-record lots explain 1
--format
--format xml explain 1
--json=x list
--registry
--jobs 2 stats
-x list
LINES
[ "$failed" = 0 ] && echo "ok: $count command lines, each refused in dhcode's words"
exit $failed
