#!/usr/bin/env bash
# The man page lints clean, and documents every option that --help lists,
# of dhcode and of each command.
set -eu
dhcode=$1
page="$(cd "$(dirname "$0")/../.." && pwd)/docs/dhcode.1"
command -v mandoc > /dev/null || { echo "mandoc is not installed (scripts/setup.sh installs it)"; exit 1; }

lint=$(mandoc -T lint -W warning "$page" 2>&1 || true)
[ -z "$lint" ] || { echo "mandoc -T lint:"; echo "$lint"; exit 1; }

# The page as plain text, with the roff escapes for '-' undone.
text=$(sed 's/\\-/-/g' "$page")
missing=0
. "$(dirname "$0")/../commands.sh"
for command in "" $(dhcode_commands "$dhcode"); do
  # shellcheck disable=SC2086
  options=$("$dhcode" $command --help | awk '/^Options:/ { inside = 1; next } /^$/ { inside = 0 } inside' \
    | grep -oE '^ +-[^ ]+' | tr ',' '\n' | tr -d ' ' | sort -u)
  for option in $options; do
    if ! grep -qE -- "(^|[^a-z-])$option([^a-z-]|$)" <<< "$text"; then
      echo "the man page lacks $option (from dhcode $command --help)"
      missing=1
    fi
  done
  if [ -n "$command" ] && ! grep -q -- "^.B $command\$" <<< "$text"; then
    echo "the man page lacks the command $command"
    missing=1
  fi
done
[ "$missing" = 0 ] && echo "ok: the man page lints clean and has every option of --help"
exit $missing
