#!/usr/bin/env bash
# With no arguments and stdin a terminal, explain, check and stats print a
# short usage hint and exit 64 instead of waiting for input.
set -eu
dhcode=$1
for command in explain check stats; do
  status=0
  out=$(timeout 120 script -qec "'$dhcode' $command" /dev/null) || status=$?
  [ "$status" = 64 ] || { echo "$command: expected exit status 64, got $status: $out"; exit 1; }
  [[ $out == *"dhcode $command --help"* ]] || { echo "$command: no usage hint: $out"; exit 1; }
done
echo "ok: a usage hint, not a hang"
