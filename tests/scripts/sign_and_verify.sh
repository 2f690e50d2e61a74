#!/usr/bin/env bash
# sign and verify against the outside world: signatures equal md5sum of the
# documented concatenation for random requests; what sign makes, verify
# accepts (same --now); and the secret never appears in any output.
set -u
dhcode=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

# 1. Random requests: dhcode's Signature is md5sum's of AppId + nonce + secret + Timestamp.
RANDOM=20260320
for ((i = 0; i < 100; i++)); do
  app_id=$(( (RANDOM << 15 | RANDOM) % 4294967296 ))
  nonce=$(printf '%04x%04x%04x%04x' $RANDOM $RANDOM $RANDOM $RANDOM)
  timestamp=$(( 1600000000 + (RANDOM << 10) + RANDOM ))
  secret=$(printf '%08x%08x%08x%08x' $RANDOM$RANDOM $RANDOM $RANDOM$RANDOM $RANDOM)
  expected=$(printf '%s' "$app_id$nonce$secret$timestamp" | md5sum | cut -d' ' -f1)
  got=$(DHCODE_SERVER_SECRET=$secret "$dhcode" --json sign --app-id "$app_id" --nonce "$nonce" \
        --timestamp "$timestamp" | jq -r .Signature)
  [ "$got" = "$expected" ] || fail "signature of $app_id/$nonce/$timestamp: $got, md5sum says $expected"
  # 2. The round trip: what sign makes, verify finds nothing wrong with.
  query=$(DHCODE_SERVER_SECRET=$secret "$dhcode" sign --action GetTimbreList --app-id "$app_id" \
          --nonce "$nonce" --timestamp "$timestamp")
  DHCODE_SERVER_SECRET=$secret "$dhcode" verify --now "$timestamp" "$query" > "$work/out" ||
    fail "verify refused what sign made: $query: $(cat "$work/out")"
done
# A fresh nonce and the current time round-trip without --now.
query=$(DHCODE_SERVER_SECRET=s3cret "$dhcode" sign --action A --app-id 7)
DHCODE_SERVER_SECRET=s3cret "$dhcode" verify "$query" > /dev/null || fail "verify refused a fresh signature"
grep -qE 'SignatureNonce=[0-9a-f]{16}&' <<< "$query" || fail "nonce is not 16 lower-case hex: $query"

# 3. The secret never appears in any output, whatever its content.
secret='S3cr3t-Needle-0xDEADBEEF'
printf '%s\n' "$secret" > "$work/secret"
chmod 600 "$work/secret"
printf 'S3cr3t-Bell-\a-Needle\n' > "$work/control"
q='Action=A&AppId=12345&SignatureNonce=4fd24687296dd9f3&Timestamp=1615186943&SignatureVersion=2.0'
runs=(
  "sign --app-id 12345"
  "--json sign --app-id 12345 --action A"
  "sign --app-id nope"
  "sign --app-id 12345 --timestamp soon"
  "verify --now 1615186943 $q&Signature=43e5cfcca828314675f91b001390566a"
  "--json verify --now 1615186943 $q&Signature=43e5cfcca828314675f91b001390566a"
  "verify $q&Signature=43E5CFCCA828314675F91B001390566A"
  "verify --now 1 $q&Signature=0123"
  "sign --help"
  "verify --help"
  # The secret pasted into the request, where every message quotes values.
  "verify --now 1615186943 $q&Signature=$secret"
  "--json verify --now 1615186943 $q&Signature=$secret&Signature=$secret"
  "verify --now 1615186943 $q&Signature=0123&Action=$secret&Action=B"
  # Inside a longer value, and as a parameter's name.
  "--json verify --now 1615186943 $q&Signature=x${secret}y&Note=x${secret}y&$secret=1"
  "verify --now 1615186943 $q&Signature=x${secret}y&Note=x${secret}y&$secret=1"
  "sign --app-id 12345 $secret"
)
for run in "${runs[@]}"; do
  for source in env file control; do
    case $source in
      env) DHCODE_SERVER_SECRET=$secret $dhcode $run > "$work/o" 2>&1 ;;
      file) $dhcode $run --secret-file "$work/secret" > "$work/o" 2>&1 ;;
      control) $dhcode $run --secret-file "$work/control" > "$work/o" 2>&1 ;;
    esac
    if grep -qaF -e "$secret" -e 'S3cr3t' -e 'Needle' "$work/o"; then
      fail "the secret appeared in the output of: dhcode $run ($source)"
    fi
  done
done

[ "$failures" = 0 ] && echo "ok: 100 signatures equal md5sum's, 100 round trips, the secret in no output of ${#runs[@]} runs x 3 sources"
exit $((failures > 0))
