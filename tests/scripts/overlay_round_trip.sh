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

# A team's code in both languages survives an export in either language:
# each export, loaded again, exports the same (its file name aside).
echo '{"code":900000001,"description":"Our TTS quota is exhausted.","action":"Ask ops.","description_zh":"我们的 TTS 配额已用完。","action_zh":"请联系运维。","category":"speech","retryable":true}' \
  > "$work/both.json"
for lang in en zh; do
  "$dhcode" --registry "$work/both.json" --lang $lang list --json --status team |
    jq -c 'del(.overlay)' > "$work/export.$lang"
  "$dhcode" --registry "$work/export.$lang" --lang $lang list --json --status team |
    jq -c 'del(.overlay)' > "$work/again.$lang"
  cmp -s "$work/export.$lang" "$work/again.$lang" ||
    { echo "--lang $lang list --json lost a text:"; cat "$work/export.$lang" "$work/again.$lang"; exit 1; }
  # Both languages' texts are in the export, and come back in the other language too.
  "$dhcode" --registry "$work/export.$lang" --lang en explain --json 900000001 |
    jq -e '.description == "Our TTS quota is exhausted." and .action == "Ask ops."' > /dev/null ||
    { echo "--lang $lang export lost the English text"; exit 1; }
  "$dhcode" --registry "$work/export.$lang" --lang zh explain --json 900000001 |
    jq -e '.description == "我们的 TTS 配额已用完。" and .action == "请联系运维。"' > /dev/null ||
    { echo "--lang $lang export lost the Chinese text"; exit 1; }
done
echo "ok: list --json round-trips through --registry, in both languages"
