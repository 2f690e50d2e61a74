#!/usr/bin/env bash
# verify --callback against an independent implementation of the rule
# (sha1sum over the three values sorted with sort(1) in the C locale): the
# documentation's vector, each common mistake built from a correct
# signature and named, every form a callback arrives in, the exit
# statuses, and the secrets never shown.
set -eu
dhcode=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

secret=secret
export DHCODE_CALLBACK_SECRET=$secret
unset DHCODE_SERVER_SECRET

sorted_sha1() {  # the three values, sorted as strings and joined
  printf '%s\n' "$1" "$2" "$3" | LC_ALL=C sort | tr -d '\n' | sha1sum | cut -c1-40
}
run() {  # expected status, then the arguments
  local expected=$1 actual=0
  shift
  "$dhcode" verify --callback "$@" > out 2> err || actual=$?
  [ "$actual" = "$expected" ] || fail "verify --callback $* exited $actual, expected $expected: $(cat out err)"
  if grep -q -- "$secret_marker" out err; then fail "a secret was shown: $*"; fi
}
expect() { grep -qF -- "$1" "${2:-out}" || fail "'$1' not in: $(cat "${2:-out}")"; }
secret_marker=do-not-show-me

# The documentation's vector (callback-signature-verification).
[ "$(sorted_sha1 123412 1470820198 secret)" = 5bd59fd62953a8059fb7eaba95720f66d19e4517 ] ||
  fail "the independent implementation does not reproduce the vector"
vector=5bd59fd62953a8059fb7eaba95720f66d19e4517
run 0 "signature=$vector&timestamp=1470820198&nonce=123412"
expect "the Signature matches the CallbackSecret (Timestamp 1470820198 in seconds)"
body() {  # timestamp nonce signature
  printf '{"AppId":1,"TaskId":"t","EventType":3,"Nonce":"%s","Timestamp":"%s","Signature":"%s","EventTime":1,"Detail":{"Status":3}}\n' "$2" "$1" "$3"
}
body 1470820198 123412 "$vector" > body.json
run 0 body.json
expect "body.json:1: the Signature matches"
# As a receiving server logs it: a form body or a query string in an access
# log line, a JSON log record with the body in it, pretty-printed, gzip.
printf '10.0.0.1 - - [02/Dec/2026] "POST /cb?timestamp=1470820198&nonce=123412&signature=%s HTTP/1.1" 200\n' "$vector" > access.log
printf 'nonce=123412&Signature=%s&TIMESTAMP=1470820198\n' "$vector" >> access.log
printf '{"time":"2026-12-02T10:00:00Z","msg":"callback","body":%s}\n' "$(cat body.json)" >> access.log
jq . body.json >> access.log
gzip -c access.log > access.log.gz
run 0 access.log access.log.gz
[ "$(grep -c 'the Signature matches' out)" = 8 ] || fail "8 callbacks expected: $(cat out)"
expect "access.log:1:"
expect "access.log:4:"
run 0 - < access.log

# Milliseconds: accepted, and said.
ms=1470820198000
run 0 "signature=$(sorted_sha1 123412 $ms secret)&timestamp=$ms&nonce=123412"
expect "in milliseconds"

# Each common mistake, built from the right values, is named.
mistake() {  # signature, words expected, then extra environment
  local signature=$1 words=$2
  shift 2
  env "$@" "$dhcode" verify --callback "signature=$signature&timestamp=1470820198&nonce=123412" > out 2>&1 &&
    fail "a wrong signature matched"
  expect "$words"
}
mistake "$(printf 'secret1470820198123412' | sha1sum | cut -c1-40)" \
  "joined unsorted, in the order CallbackSecret, Timestamp, Nonce"
mistake "$(printf '1470820198123412secret' | sha1sum | cut -c1-40)" "joined unsorted"
mistake "$(sorted_sha1 123412 1470820198 server-secret)" "the ServerSecret was used where the CallbackSecret belongs" DHCODE_SERVER_SECRET=server-secret
mistake "$(sorted_sha1 123412 1470820198 secret | tr a-f A-F)" "upper-case hex"
mistake "$(printf '%s\n' 123412 1470820198 | LC_ALL=C sort | tr -d '\n' | { cat; printf 'secret\n'; } | sha1sum | cut -c1-40)" "a line end after the CallbackSecret"
mistake "$(printf '1234121470820198secret' | md5sum | cut -c1-32)" "it matches as MD5: the digest is SHA-1"
mistake "$(printf '1234121470820198secret' | sha256sum | cut -c1-64)" "it matches as SHA-256"
mistake 0123456789abcdef0123456789abcdef01234567 "no common mistake reproduces it"
# Sorted as numbers: nonce 99 comes before the timestamp as a number, after
# it as a string.
"$dhcode" verify --callback "signature=$(printf '991470820198secret' | sha1sum | cut -c1-40)&timestamp=1470820198&nonce=99" > out 2>&1 || true
expect "sorted as numbers (Nonce, Timestamp, CallbackSecret)"
# A Nonce read as a number by the signer loses its leading zero.
"$dhcode" verify --callback "signature=$(sorted_sha1 123 1470820198 secret)&timestamp=1470820198&nonce=0123" > out 2>&1 || true
expect "with the Nonce read as a number (its leading zeros lost)"

# Statuses: 1 a mismatch, 65 no callback or one without its parameters,
# 66 a missing file, 64 no secret or a secret given as an argument.
body 1470820198 123412 0000000000000000000000000000000000000000 > wrong.json
run 1 wrong.json body.json
printf '{"EventType":3,"Detail":{"Status":1},"Timestamp":"1"}\n' > unsigned.json
run 65 unsigned.json
expect "unsigned.json:1: the callback has no Signature or Nonce" err
printf 'nothing here\n' > empty.log
run 65 empty.log
expect "empty.log: holds no callback" err
run 66 missing.json
secret_marker=do-not-show-me
DHCODE_CALLBACK_SECRET=do-not-show-me run 64 do-not-show-me
# Inside a longer value (the Nonce here), a secret is not shown either.
DHCODE_CALLBACK_SECRET=do-not-show-me run 1 --json "signature=$vector&timestamp=1470820198&nonce=x-do-not-show-me-y"
expect '"nonce":"(not shown: it holds a secret)"'
unset DHCODE_CALLBACK_SECRET
run 64 body.json
expect "no CallbackSecret; set DHCODE_CALLBACK_SECRET or give --secret-file FILE" err
printf '%s\n' "$secret" > secret.txt
chmod 600 secret.txt
run 0 --secret-file secret.txt body.json
run 64 --secret-file - -
run 64 --now 1 body.json

[ "$failures" = 0 ] || { echo "$failures failures"; exit 1; }
echo "ok"
