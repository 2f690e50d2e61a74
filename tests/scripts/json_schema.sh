#!/usr/bin/env bash
# The JSON every subcommand prints matches docs/json.md: the same keys, each
# of a documented type. The tables there are the schema.
set -eu
dhcode=$1
here=$(cd "$(dirname "$0")" && pwd)
doc="$here/../../docs/json.md"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The table of one section as JSON: {"key": ["number", "null"], ...}; keys
# whose "always" column says no are marked with "optional" among the types.
schema_of() {
  awk -v section="## $1" '
    $0 == section { inside = 1; next }
    /^## / { inside = 0 }
    inside && /^\| `/ {
      split($0, cell, "|")
      key = cell[2]; gsub(/[ `]/, "", key)
      types = cell[3]; gsub(/^ +| +$/, "", types); gsub(/ or /, ",", types)
      always = cell[4]; gsub(/ /, "", always)
      if (always == "no") types = types ",optional"
      printf "%s\t%s\n", key, types
    }' "$doc" | jq -R -s 'split("\n") | map(select(length > 0) | split("\t")
                          | {(.[0]): (.[1] | split(","))}) | add'
}

# Checks every object in a file of JSON lines against a section's table.
check() {  # section file
  local schema
  schema=$(schema_of "$1")
  [ "$schema" != null ] || { echo "docs/json.md has no table for $1"; exit 1; }
  jq -e -n --argjson schema "$schema" --arg section "$1" '
    [inputs] as $objects
    | ($objects | length) > 0
    and all($objects[];
        (keys_unsorted - ($schema | keys) | length) == 0
        and (($schema | to_entries | map(select(.value | index("optional") | not) | .key))
             - keys_unsorted | length) == 0
        and all(to_entries[]; (.value | type) as $t | $schema[.key] | index($t) != null))
  ' "$2" > /dev/null || {
    echo "output of $1 does not match docs/json.md:"
    head -3 "$2"
    echo "schema: $schema"
    exit 1
  }
  echo "ok: $1 ($(wc -l < "$2") objects)"
}

# explain: typed codes known and not, responses, notes, suggestions.
printf '{"Code":400000001,"Message":"bad","RequestId":"r"}\n{"Code":5,"Message":{"x":1}}\n{"Code":0}\n' > "$work/responses"
{
  "$dhcode" explain --json -v 0 100000004 400010002 400000012 40000008 12345 || true
  "$dhcode" explain --json "$work/responses" || true
} > "$work/explain"
check explain "$work/explain"
jq -c '.notes[]' "$work/explain" > "$work/notes"
check "explain notes" "$work/notes"

{
  "$dhcode" explain --json --short 400000008 12345 || true
  "$dhcode" explain --json --short --failures "$work/responses" || true
} > "$work/short"
check "explain --short" "$work/short"

"$dhcode" list --json > "$work/list"
"$dhcode" search --json signature >> "$work/list"
# A team's code in both languages, in each language.
echo '{"code":900000001,"description":"Quota.","description_zh":"配额。","category":"speech","retryable":true}' > "$work/both.json"
"$dhcode" --registry "$work/both.json" list --json --status team >> "$work/list"
"$dhcode" --registry "$work/both.json" --lang zh list --json --status team >> "$work/list"
check list "$work/list"
jq -e -s 'map(select(.code == 900000001)) | .[0] | has("description_zh") and (has("description_en") | not)' "$work/list" > /dev/null &&
  jq -e -s 'map(select(.code == 900000001)) | .[1] | has("description_en") and .lang == "zh"' "$work/list" > /dev/null ||
  { echo "list --json of a team code in both languages lacks the other language"; exit 1; }

"$here/../../bench/make_log.sh" 200 > "$work/log"
echo 'not json' >> "$work/log"
"$dhcode" stats --json "$work/log" > "$work/stats"
check stats "$work/stats"
jq -c '.codes[]' "$work/stats" > "$work/codes"
check "stats codes" "$work/codes"

# Callbacks and the task statuses of responses.
callbacks="$here/../fixtures/callbacks"
"$dhcode" explain --json "$callbacks"/*.json "$callbacks/mixed.log" > "$work/mixed" 2> /dev/null || true
jq -c 'select(has("code"))' "$work/mixed" > "$work/responses_with_tasks"
check explain "$work/responses_with_tasks"
jq -c '.tasks[]?' "$work/mixed" > "$work/tasks"
check "explain tasks" "$work/tasks"
jq -c 'select(has("event_type"))' "$work/mixed" > "$work/callbacks"
check "explain callbacks" "$work/callbacks"
"$dhcode" explain --json --short "$callbacks/mixed.log" 2> /dev/null | jq -c 'select(has("event_type"))' > "$work/short_callbacks" || true
check "explain --short callbacks" "$work/short_callbacks"
"$dhcode" stats --json "$callbacks/mixed.log" 2> /dev/null > "$work/stats_callbacks" || true
check stats "$work/stats_callbacks"
jq -c '.callbacks[]' "$work/stats_callbacks" > "$work/callback_rows"
check "stats callbacks" "$work/callback_rows"

printf '{"EventType":3,"Detail":{"Status":1},"Timestamp":"1470820198","Nonce":"123412","Signature":"5bd59fd62953a8059fb7eaba95720f66d19e4517"}\n' > "$work/signed"
DHCODE_CALLBACK_SECRET=secret "$dhcode" verify --callback --json "$work/signed" "$callbacks/callback-1.json" \
  > "$work/verified" || true
check "verify --callback" "$work/verified"
