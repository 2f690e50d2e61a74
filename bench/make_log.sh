#!/usr/bin/env bash
# Writes an NDJSON log of realistic Digital Human API responses to stdout:
# 90% successes with a small Data object, the rest a mix of error codes, each
# with Message and a UUID RequestId (about 125 bytes a line). Deterministic.
#
# Usage: bench/make_log.sh LINES > api.log
set -euo pipefail
lines=${1:-1000000}
awk -v lines="$lines" 'function r16() { return int(rand() * 65536) }
BEGIN {
  srand(20260320);
  split("400000001 400000003 400000005 400000006 400000008 400010002 400010009 100000004 100000005 400010050", codes, " ");
  split("Invalid input parameters: DigitalHumanId|Digital Human not found.|Task not found.|stream not started|concurrency limit exceeded|System busy.|API rate limit exceeded.|Signature expired.|Signature error.|unexpected", messages, "|");
  for (i = 1; i <= lines; i++) {
    id = sprintf("%04x%04x-%04x-4%03x-%04x-%04x%04x%04x", r16(), r16(), r16(), int(rand() * 4096),
                 r16(), r16(), r16(), r16());
    if (rand() < 0.9) {
      printf "{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"%s\",\"Data\":{\"TaskId\":\"%04x%04x%04x%04x%04x%04x\"}}\n",
             id, r16(), r16(), r16(), r16(), r16(), r16();
    } else {
      k = 1 + int(rand() * 10);
      printf "{\"Code\":%s,\"Message\":\"%s\",\"RequestId\":\"%s\",\"Data\":{}}\n", codes[k], messages[k], id;
    }
  }
}'
