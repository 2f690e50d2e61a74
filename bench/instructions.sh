#!/usr/bin/env bash
# Instruction counts (callgrind: the same for the same binary and libraries,
# whatever else the machine does), to compare releases and library versions:
# run it on each (scripts/try-on-debian.sh --keep makes a root of another
# release) and divide.
#   start-up   dhcode explain 400000008, and explain --json 400000008
#   stats      instructions a line on 100,000 lines: plain NDJSON, docker
#              json-file, journald JSON and gzip
#
# Usage: bench/instructions.sh [path/to/dhcode]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dhcode=$(realpath "${1:-build/dev/src/dhcode}")
command -v valgrind > /dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

count() {  # the instructions of one run of dhcode with these arguments
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$dhcode" "$@" 2>&1 > /dev/null |
    awk '/Collected :/ {print $NF}'
}
echo "$(. /etc/os-release && echo "$PRETTY_NAME"); $(ldd "$dhcode" | awk '/simdjson/ {print $1}')"
printf 'start-up: explain 400000008 %d instructions; explain --json 400000008 %d\n' \
  "$(count explain 400000008)" "$(count explain --json 400000008)"

"$here/make_log.sh" 100000 > "$work/plain.log"
awk '{ gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); printf "{\"log\":\"%s\\n\",\"stream\":\"stdout\",\"time\":\"2026-03-20T10:00:00.%09dZ\"}\n", $0, NR }' \
  "$work/plain.log" > "$work/docker.log"
awk '{ gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); printf "{\"__REALTIME_TIMESTAMP\":\"%d\",\"_SYSTEMD_UNIT\":\"api.service\",\"PRIORITY\":\"6\",\"MESSAGE\":\"%s\"}\n", 1774000800000000 + NR, $0 }' \
  "$work/plain.log" > "$work/journald.log"
gzip -c "$work/plain.log" > "$work/plain.log.gz"
for form in plain docker journald gzip; do
  file=$work/$form.log
  [ "$form" = gzip ] && file=$work/plain.log.gz
  printf 'stats, %-8s %d instructions a line\n' "$form" "$(($(count stats "$file") / 100000))"
done
