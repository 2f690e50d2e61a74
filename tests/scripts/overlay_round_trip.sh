#!/usr/bin/env bash
# `dhcode list --json > team.json`, an edit, and `--registry team.json` work
# together: the overlay format is exactly what list --json prints.
set -eu
dhcode=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$dhcode" list --json > "$work/team.json"
# Unchanged, the whole registry loads as an overlay of itself.
"$dhcode" --registry "$work/team.json" list --json | jq -c 'del(.overlay)' > "$work/reloaded"
jq -c 'del(.overlay)' "$work/team.json" > "$work/original"
cmp -s "$work/original" "$work/reloaded" || { echo "the registry changed when loaded as an overlay"; exit 1; }

# Edited: a runbook on a documented code, and a code of the team's own.
jq -c 'if .code == 400000008 then .runbook = "https://wiki.example/limits" else . end' \
  "$work/team.json" > "$work/edited.json"
echo '{"code":400010050,"description":"Quota of the team'"'"'s TTS vendor.","category":"speech","retryable":true}' \
  >> "$work/edited.json"
out=$("$dhcode" --registry "$work/edited.json" explain --json 400000008 400010050)
echo "$out" | jq -e -s --arg file "$work/edited.json" '
  .[0].runbook == "https://wiki.example/limits" and .[0].overlay == $file
  and .[0].status == "current"
  and .[1].known and .[1].status == "team" and .[1].retryable and .[1].overlay == $file
' > /dev/null || { echo "the edited overlay did not take: $out"; exit 1; }
echo "ok: list --json round-trips through --registry"
