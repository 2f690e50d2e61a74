#!/usr/bin/env bash
# Every command in the table has help with an Examples section that shows
# the command itself, reachable as both `dhcode CMD --help` and `dhcode help CMD`.
set -u
dhcode=$1
. "$(dirname "$0")/../commands.sh"
commands=$(dhcode_commands "$dhcode")
[ "$(wc -l <<< "$commands")" -ge 6 ] || { echo "too few commands in --help: $commands"; exit 1; }
failed=0
for command in $commands; do
  help=$("$dhcode" "$command" --help) || { echo "$command --help failed"; failed=1; continue; }
  if ! grep -Pzq "\nExamples:\n  [^\n]*dhcode $command[ \n]" <<< "$help"; then
    echo "dhcode $command --help has no Examples section that shows the command"
    failed=1
  fi
  [ "$("$dhcode" help "$command")" = "$help" ] || { echo "dhcode help $command differs"; failed=1; }
done
[ "$failed" = 0 ] && echo "ok: $(wc -w <<< "$commands") commands, each with examples"
exit $failed
