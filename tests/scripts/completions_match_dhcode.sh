#!/usr/bin/env bash
# The scripts in completions/ are what `dhcode completions SHELL` prints:
# regenerate them with scripts/update-completions.sh after changing options
# or the registry.
set -eu
dhcode=$1
folder="$(cd "$(dirname "$0")/../.." && pwd)/completions"
status=0
for shell_file in bash:dhcode.bash zsh:_dhcode fish:dhcode.fish; do
  shell=${shell_file%%:*}
  file=$folder/${shell_file#*:}
  if ! "$dhcode" completions "$shell" | diff -u "$file" - > /dev/null; then
    echo "completions/${shell_file#*:} differs from 'dhcode completions $shell'"
    status=1
  fi
done
[ "$status" = 0 ] && echo "ok: completions/ matches dhcode completions"
exit $status
