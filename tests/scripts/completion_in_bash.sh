#!/usr/bin/env bash
# The bash completion, called as bash calls it (COMP_WORDS, COMP_CWORD).
set -eu
folder="$(cd "$(dirname "$0")/../.." && pwd)/completions"
# shellcheck source=/dev/null
source "$folder/dhcode.bash"

complete_words() {  # the words of the command line, the last one being completed
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  _dhcode
  printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
}

expect() {  # what to find in the completions, the command line
  local want=$1; shift
  local got
  got=$(complete_words "$@")
  for word in $want; do
    [[ " $got " == *" $word "* ]] || { echo "'$*': expected $word among: $got"; exit 1; }
  done
}
expect_not() {
  local unwanted=$1; shift
  local got
  got=$(complete_words "$@")
  [[ " $got " != *" $unwanted "* ]] || { echo "'$*': did not expect $unwanted in: $got"; exit 1; }
}

expect "explain" dhcode ex
expect "check completions" dhcode c
expect "--json --color --registry" dhcode --
expect "auto always never" dhcode --color ""
expect "always" dhcode --color = al
expect "400000008" dhcode explain 40000000
expect_not "400010009" dhcode explain 40000000
expect "-v --verbose --json" dhcode explain -
expect "signature speech" dhcode list --category s
expect "legacy" dhcode list --status l
expect "yes no" dhcode list --retryable ""
expect "bash zsh fish" dhcode completions ""
expect "help" dhcode he
expect "stats sign" dhcode help s

# File names: one word each, blanks and all (bash is told they are file
# names, so a folder gets its '/' in a real session).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/my dir" "$work/comptest"
touch "$work/my dir/api.log" "$work/star*.log"
cd "$work"
for command in stats check explain verify; do
  COMP_WORDS=(dhcode "$command" my); COMP_CWORD=2; _dhcode
  [ "${#COMPREPLY[@]}" = 1 ] && [ "${COMPREPLY[0]}" = "my dir" ] ||
    { echo "'dhcode $command my': expected the one word 'my dir', got ${#COMPREPLY[@]}: ${COMPREPLY[*]}"; exit 1; }
done
COMP_WORDS=(dhcode stats star); COMP_CWORD=2; _dhcode
[ "${COMPREPLY[*]}" = "star*.log" ] || { echo "a name with '*' was expanded: ${COMPREPLY[*]}"; exit 1; }
COMP_WORDS=(dhcode --registry comp); COMP_CWORD=2; _dhcode
[ "${COMPREPLY[*]}" = "comptest" ] || { echo "--registry: ${COMPREPLY[*]}"; exit 1; }
echo "ok: bash completes commands, options, values, codes and file names"
