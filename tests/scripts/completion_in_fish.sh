#!/usr/bin/env bash
# The fish completion, asked through fish's own `complete -C`.
set -eu
folder="$(cd "$(dirname "$0")/../.." && pwd)/completions"
command -v fish > /dev/null || { echo "fish is not installed (scripts/setup.sh installs it)"; exit 1; }

complete_line() {
  fish --no-config -c "source '$folder/dhcode.fish'; complete -C '$1'" | cut -f1 | sort | tr '\n' ' '
}
expect() {  # words, command line
  local got
  got=$(complete_line "$2")
  for word in $1; do
    [[ " $got " == *" $word "* ]] || { echo "'$2': expected $word among: $got"; exit 1; }
  done
}
expect "explain" "dhcode ex"
expect "--json --color --registry" "dhcode --"
expect "auto always never" "dhcode --color "
expect "400000008 400000001" "dhcode explain 4000000"
expect "--verbose" "dhcode explain --"
expect "signature speech" "dhcode list --category s"
expect "bash zsh fish" "dhcode completions "
echo "ok: fish completes commands, options, values and codes"
