#!/usr/bin/env bash
# search folds Traditional characters to Simplified with OpenCC, loaded only
# when a word holds Chinese. Without it (a libopencc.so.1.1 that is no
# library, first on the search path), a Traditional word finds nothing and
# the message says why and what to install; Simplified words and English are
# searched as before.
set -eu
dhcode=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/no-opencc"
: > "$work/no-opencc/libopencc.so.1.1"
without=(env LD_LIBRARY_PATH="$work/no-opencc")

fail() { echo "$*"; exit 1; }

# With OpenCC (the setup script installs it), 簽名 is searched as 签名.
"$dhcode" search 签名 > "$work/simplified.out"
[ -s "$work/simplified.out" ] || fail "签名 found nothing"
"$dhcode" search 簽名 > "$work/traditional.out" || fail "簽名 found nothing with OpenCC"
cmp -s "$work/simplified.out" "$work/traditional.out" || fail "簽名 and 签名 differ with OpenCC"

# Without it: no match, exit status 1, one line naming OpenCC and its package.
status=0
"${without[@]}" "$dhcode" search 簽名 > "$work/out" 2> "$work/err" || status=$?
[ "$status" = 1 ] || fail "簽名 without OpenCC: exit status $status, not 1"
[ ! -s "$work/out" ] || fail "簽名 without OpenCC printed a table"
[ "$(wc -l < "$work/err")" = 1 ] || fail "簽名 without OpenCC: not one line: $(cat "$work/err")"
grep -q "Traditional characters are searched as Simplified only with OpenCC (Debian: libopencc1.1)" \
  "$work/err" || fail "簽名 without OpenCC: the reason is not given: $(cat "$work/err")"
grep -q "cannot load libopencc.so.1.1" "$work/err" ||
  fail "簽名 without OpenCC: the library is not named: $(cat "$work/err")"

# Simplified and English words need no OpenCC: the same tables as with it.
"${without[@]}" "$dhcode" search 签名 > "$work/out" || fail "签名 without OpenCC found nothing"
cmp -s "$work/simplified.out" "$work/out" || fail "签名 differs without OpenCC"
"$dhcode" search signature > "$work/english.out"
"${without[@]}" "$dhcode" search signature > "$work/out"
cmp -s "$work/english.out" "$work/out" || fail "signature differs without OpenCC"
echo "ok: search without OpenCC says why; Simplified and English unaffected"
