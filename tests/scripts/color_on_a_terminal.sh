#!/usr/bin/env bash
# On a real terminal (a pseudo-terminal made by script(1)) text is coloured
# unless TERM is dumb or NO_COLOR is set.
set -eu
dhcode=$1
on_terminal() { env -i PATH="$PATH" "$@" script -qec "'$dhcode' explain 400000008" /dev/null; }

esc=$'\x1b['
out=$(on_terminal TERM=xterm)
[[ $out == *"$esc"* ]] || { echo "expected colour on a terminal, got: $out"; exit 1; }
out=$(on_terminal TERM=dumb)
[[ $out != *"$esc"* ]] || { echo "expected no colour with TERM=dumb"; exit 1; }
out=$(on_terminal TERM=xterm NO_COLOR=1)
[[ $out != *"$esc"* ]] || { echo "expected no colour with NO_COLOR=1"; exit 1; }
out=$(on_terminal TERM=xterm NO_COLOR=)
[[ $out == *"$esc"* ]] || { echo "expected colour with an empty NO_COLOR"; exit 1; }
echo "ok: colour decided right on a terminal"
