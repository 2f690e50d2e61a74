#!/usr/bin/env bash
# Every command in the table has help with an Examples section that shows
# the command itself, reachable as both `dhcode CMD --help` and `dhcode help CMD`.
set -u
dhcode=$1
. "$(dirname "$0")/../commands.sh"
commands=$(dhcode_commands "$dhcode")
# The options of `dhcode --help`'s Options section, but --help and --version.
globals=$("$dhcode" --help | sed -n '/^Options:/,/^$/p' | grep -oP '^  (-\w,)?\K--[a-z-]+' |
  grep -vx -e --help -e --version)
[ "$(wc -l <<< "$globals")" -ge 5 ] || { echo "too few global options in --help: $globals"; exit 1; }
[ "$(wc -l <<< "$commands")" -ge 6 ] || { echo "too few commands in --help: $commands"; exit 1; }
failed=0
for command in $commands; do
  help=$("$dhcode" "$command" --help) || { echo "$command --help failed"; failed=1; continue; }
  if ! grep -Pzq "\nExamples:\n  [^\n]*dhcode $command[ \n]" <<< "$help"; then
    echo "dhcode $command --help has no Examples section that shows the command"
    failed=1
  fi
  # A global option its own examples use is listed in its help.
  examples=$(sed -n '/^Examples:/,$p' <<< "$help")
  for option in $globals; do
    if grep -q -- " $option\b" <<< "$examples" && ! grep -q "^  $option\b" <<< "$help"; then
      echo "dhcode $command --help uses $option in an example but does not list it"
      failed=1
    fi
  done
  if long=$(awk 'length > 100' <<< "$help") && [ -n "$long" ]; then
    echo "dhcode $command --help has lines over 100 columns: $long"
    failed=1
  fi
  [ "$("$dhcode" help "$command")" = "$help" ] || { echo "dhcode help $command differs"; failed=1; }
done
[ "$failed" = 0 ] && echo "ok: $(wc -w <<< "$commands") commands, each with examples"
exit $failed
