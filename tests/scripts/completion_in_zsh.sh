#!/usr/bin/env bash
# The zsh completion, through zsh's completion system (compinit) in a
# scripted session on a pseudo-terminal (zsh/zpty): what a user gets on Tab.
# The session waits for what it expects, never for a fixed time: a busy
# machine only makes it slower (the overall deadline is generous).
set -eu
folder="$(cd "$(dirname "$0")/../.." && pwd)/completions"
command -v zsh > /dev/null || { echo "zsh is not installed (scripts/setup.sh installs it)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$folder/_dhcode" "$work/"

# Prints what zsh showed after Tab on a command line, once every expected
# word has appeared (or the deadline ends the script).
cat > "$work/complete.zsh" <<'ZSH'
zmodload zsh/zpty
completions_for() {  # folder, command line, expected words...
  local folder=$1 line=$2; shift 2
  zpty session zsh -f -i
  zpty -w session "PS1='> '; fpath=($folder \$fpath); autoload -U compinit; compinit -u -D"
  zpty -w session "zstyle ':completion:*' list-separator ''; zstyle ':completion:*' format ''"
  zpty -w session "setopt nolistambiguous nobeep; LISTMAX=1000; LINES=200; COLUMNS=400"
  zpty -w session "dhcode() { :; }"
  # The echo of this line says READY-\$((6*7)); only its output says READY-42,
  # so the Tab below is typed once compinit has finished.
  zpty -w session "print READY-\$((6*7))"
  zpty -r session out '*READY-42*'
  # Tab with no input after it: zsh lists only when no keys are waiting.
  zpty -w -n session "$line"$'\t'
  # Read until each expected word has come (the list ends without a line
  # end, so reading a line at a time would wait for ever).
  local chunk out= word
  for word in "$@"; do
    [[ $out == *$word* ]] && continue
    zpty -r session chunk "*$word*" || break
    out+=$chunk
  done
  zpty -d session
  print -r -- "$out"
}
completions_for "$@"
ZSH

expect() {  # words, command line
  local got
  # shellcheck disable=SC2086  # one argument a word
  got=$(timeout 120 zsh -f "$work/complete.zsh" "$work" "$2" $1 | tr -d '\r') || true
  for word in $1; do
    [[ $got == *"$word"* ]] || { echo "'$2': expected $word in what zsh offered:"; echo "$got" | tail -20; exit 1; }
  done
}
expect "explain check list search stats completions" "dhcode "
expect "auto always never" "dhcode --color="
expect "400000008 400000001" "dhcode explain 4000000"
expect "signature speech" "dhcode list --category="
expect "bash zsh fish" "dhcode completions "
echo "ok: zsh completes commands, option values and codes"
