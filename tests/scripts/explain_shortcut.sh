#!/usr/bin/env bash
# `dhcode explain CODE...` is answered without building the option parser
# (src/cli.cpp). Its answer must be the parser's answer: every output,
# message and exit status is compared with the same request sent through
# the parser (`--color=auto`, the default, written out), under environments
# that change colour and load registry overlays.
set -u
dhcode=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%s\n' '{"code":400000008,"runbook":"https://wiki.example/runbooks/dh-concurrency"}' \
  '{"code":400010050,"description":"Vendor TTS quota exhausted.","category":"speech","retryable":true}' \
  > "$work/team.json"
printf '%s\n' '{"code":400010061,"categry":"server"}' > "$work/broken.json"
mkdir -p "$work/config/dhcode"
printf '%s\n' '{"code":400010051,"description":"Seen by the team.","category":"server","retryable":false}' \
  > "$work/config/dhcode/registry.json"

# Each list is the arguments after `explain`, separated by commas.
code_lists=(
  "400000008"
  "100000004,400010009,0"
  "400010002,400004006"
  "400010050"
  "400010099"
  "999999999,123"
  "4000x,400000008"
  "99999999999999999999"
  "400000008 "
  "400000007"
)
environments=(
  ""
  "FORCE_COLOR=1"
  "NO_COLOR=1 CLICOLOR_FORCE=1"
  "TERM=dumb FORCE_COLOR=1"
  "DHCODE_REGISTRY=$work/team.json"
  "DHCODE_REGISTRY=$work/broken.json"
  "DHCODE_REGISTRY=$work/missing.json"
  "XDG_CONFIG_HOME=$work/config"
)

compared=0
failures=0
statuses=""
run() {  # environment, output file, then dhcode's arguments
  local environment=$1 out=$2
  shift 2
  # shellcheck disable=SC2086 # the environment is words on purpose
  env -i PATH="$PATH" HOME="$work" $environment "$dhcode" "$@" > "$out" 2> "$out.err"
  echo $? > "$out.status"
}
for environment in "${environments[@]}"; do
  for codes in "${code_lists[@]}"; do
    IFS=, read -ra arguments <<< "$codes"
    run "$environment" "$work/short" explain "${arguments[@]}"
    run "$environment" "$work/parsed" --color=auto explain "${arguments[@]}"
    for suffix in "" .err .status; do
      if ! cmp -s "$work/short$suffix" "$work/parsed$suffix"; then
        echo "differs (${suffix:-stdout}) for env [$environment] explain ${arguments[*]}:"
        diff "$work/short$suffix" "$work/parsed$suffix" | head -10
        failures=$((failures + 1))
      fi
    done
    compared=$((compared + 1))
    statuses+="$(cat "$work/short.status")"$'\n'
  done
done

# A failed write is reported alike.
env -i PATH="$PATH" "$dhcode" explain 400000008 > /dev/full 2> "$work/short.err"
short_status=$?
env -i PATH="$PATH" "$dhcode" --color=auto explain 400000008 > /dev/full 2> "$work/parsed.err"
parsed_status=$?
if [ "$short_status" != "$parsed_status" ] || ! cmp -s "$work/short.err" "$work/parsed.err"; then
  echo "writing to /dev/full differs: $short_status vs $parsed_status"
  failures=$((failures + 1))
fi

[ "$failures" = 0 ] || { echo "$failures differences"; exit 1; }
# The comparison must have met every exit status explain has, or it proved little.
for status in 0 1 65 78; do
  grep -qx "$status" <<< "$statuses" || { echo "no request ended with status $status"; exit 1; }
done
echo "ok: $compared requests answered alike with and without the option parser; /dev/full alike"
