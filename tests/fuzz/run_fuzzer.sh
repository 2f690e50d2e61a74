#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time from the committed seed
# corpus (copied, so the repository stays as it is). Any crash, leak,
# sanitizer report or time-out fails it. Prints what libFuzzer reached.
set -u
fuzzer=$(realpath "$1")
seeds=$(realpath "$2")
seconds=${3:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$seeds" "$work/corpus"
cd "$work"
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 corpus > log 2>&1
status=$?
# The last status line: executions, coverage (cov: edges), features, corpus.
grep -E '^#[0-9]+' log | tail -1
grep -E '^stat::number_of_executed_units' log
if [ "$status" != 0 ]; then
  echo "$(basename "$fuzzer") failed with status $status:"
  tail -40 log
  exit 1
fi
