#!/usr/bin/env bash
# The zsh completion, through zsh's completion system (compinit) in a
# scripted session on a pseudo-terminal (zsh/zpty): what a user gets on Tab.
set -eu
folder="$(cd "$(dirname "$0")/../.." && pwd)/completions"
command -v zsh > /dev/null || { echo "zsh is not installed (scripts/setup.sh installs it)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$folder/_dhcode" "$work/"

# Lists what zsh offers for a command line, one candidate a line.
cat > "$work/complete.zsh" <<'ZSH'
zmodload zsh/zpty
completions_for() {
  zpty session zsh -f -i
  zpty -w session "PS1='> '; fpath=($1 \$fpath); autoload -U compinit; compinit -u -D"
  zpty -w session "zstyle ':completion:*' list-separator ''; zstyle ':completion:*' format ''"
  zpty -w session "setopt nolistambiguous nobeep; LISTMAX=1000; LINES=200; COLUMNS=400"
  zpty -w session "dhcode() { :; }"
  zpty -w -n session "$2"$'\t'
  sleep 1
  zpty -w -n session $'\C-u'
  zpty -w session "print END-OF-LIST"
  local line out=
  while zpty -r -t session line 2>/dev/null || { sleep 0.2; zpty -r -t session line; }; do
    out+=$line
    [[ $line == *END-OF-LIST* && $line != *print* ]] && break
  done
  zpty -d session
  print -r -- "$out"
}
completions_for "$1" "$2"
ZSH

expect() {  # words, command line
  local got
  got=$(timeout 30 zsh -f "$work/complete.zsh" "$work" "$2" | tr -d '\r')
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
