#!/usr/bin/env bash
# A response on a line longer than 16 KiB, as container runtimes split it:
# docker's json-file driver writes 16 KiB parts whose "log" lacks the final
# "\n"; containerd and CRI-O (Kubernetes) tag every part but the last P and
# the last F. dhcode joins the parts and reads the response whole, with the
# first part's line and time; the lines around it are read as usual.
set -eu
dhcode=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pad=$(head -c 40000 /dev/zero | tr '\0' 'x')
printf '%s' "{\"Code\":400000008,\"Message\":\"$pad\",\"RequestId\":\"big\"}" > "$work/line"

# dockerd: parts of 16384 bytes, each a JSON string; only the last ends in \n.
awk 'BEGIN { RS = "^$" } {
  n = length($0)
  for (i = 1; i <= n; i += 16384) {
    part = substr($0, i, 16384); gsub(/\\/, "\\\\", part); gsub(/"/, "\\\"", part)
    printf "{\"log\":\"%s%s\",\"stream\":\"stdout\",\"time\":\"2026-12-01T10:00:0%dZ\"}\n",
           part, (i + 16384 > n ? "\\n" : ""), int(i / 16384)
  } }' "$work/line" > "$work/docker.log"
echo '{"log":"{\"Code\":0}\n","stream":"stdout","time":"2026-12-01T10:00:09Z"}' >> "$work/docker.log"

# CRI: "TIME STREAM P part" ... "TIME STREAM F last", a stderr line between.
awk 'BEGIN { RS = "^$" } {
  n = length($0)
  for (i = 1; i <= n; i += 16384) {
    printf "2026-12-01T10:00:0%d.000000001Z stdout %s %s\n", int(i / 16384),
           (i + 16384 > n ? "F" : "P"), substr($0, i, 16384)
    if (i == 1) print "2026-12-01T10:00:00.500000000Z stderr F {\"Code\":400010009}"
  } }' "$work/line" > "$work/cri.log"

for form in docker cri; do
  out=$("$dhcode" explain --json "$work/$form.log")
  got=$(echo "$out" | jq -c '[.code, .request_id, .line, (.time | .[0:19])]' | sort | tr '\n' ' ')
  case $form in
    docker) want='[0,null,4,"2026-12-01T10:00:09"] [400000008,"big",1,"2026-12-01T10:00:00"] ' ;;
    cri) want='[400000008,"big",1,"2026-12-01T10:00:00"] [400010009,null,2,"2026-12-01T10:00:00"] ' ;;
  esac
  [ "$got" = "$want" ] || { echo "$form: expected $want"; echo "got      $got"; exit 1; }
  [ "$(echo "$out" | jq -r 'select(.code == 400000008) | .message | length')" = 40000 ] ||
    { echo "$form: the message was not joined whole"; exit 1; }
done

# A split line whose last part never comes is still read, as it is.
head -n 2 "$work/docker.log" > "$work/cut.log"
status=0
"$dhcode" stats "$work/cut.log" > /dev/null 2> "$work/err" || status=$?
[ "$status" = 65 ] && grep -q "cut.log:1:" "$work/err" || { echo "cut off: exit $status"; cat "$work/err"; exit 1; }
echo "ok: split lines joined (docker json-file, CRI P/F)"
