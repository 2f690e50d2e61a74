#!/usr/bin/env bash
# Every ```console example in README.md and docs/*.md is run, and what dhcode
# prints must be what the example shows, so that the documents cannot drift
# from the binary. A `$ ` line is a command (run by bash in a copy of
# tests/fixtures/examples, stdout and stderr together, as a terminal shows
# them); the lines after it, up to the next command or the block's end, are
# its output.
set -u
dhcode=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" "$work/home"
ln -s "$(realpath "$dhcode")" "$work/bin/dhcode"
cp -r "$root/tests/fixtures/examples" "$work/examples"
chmod 600 "$work/examples/server-secret"  # as a secret file should be: no warning

# Each block of FILE into its own file, named FILE:LINE (the line of its ```console).
split_blocks() {
  awk -v out="$work/blocks" -v name="$1" '
    /^```console$/ { inside = 1; block = out "/" name ":" NR; printf "" > block; next }
    /^```/ && inside { inside = 0; close(block); next }
    inside { print >> block }' "$root/$1"
}

# What the block's commands print, in the block's form.
run_block() {
  local command
  while IFS= read -r line; do
    [[ $line == '$ '* ]] || continue
    command=${line#'$ '}
    printf '%s\n' "$line"
    (cd "$work/examples" &&
      env -i PATH="$work/bin:/usr/bin:/bin" HOME="$work/home" LANG=C.UTF-8 TERM=dumb \
        bash -c "$command" 2>&1)
  done < "$1"
}

mkdir "$work/blocks"
documents=(README.md)
for document in "$root"/docs/*.md; do documents+=("docs/$(basename "$document")"); done
for document in "${documents[@]}"; do
  mkdir -p "$work/blocks/$(dirname "$document")"
  split_blocks "$document"
done

failed=0
count=0
while IFS= read -r block; do
  count=$((count + 1))
  place=${block#"$work/blocks/"}
  if ! grep -q '^\$ ' "$block"; then
    echo "$place: a console example without a '\$ ' command"
    failed=1
    continue
  fi
  if ! diff -u --label "$place (as documented)" --label "$place (as dhcode prints it)" \
    "$block" <(run_block "$block"); then
    failed=1
  fi
done < <(find "$work/blocks" -type f | sort)

[ "$count" -ge 10 ] || { echo "only $count console examples found"; exit 1; }
[ "$failed" = 0 ] && echo "ok: $count console examples print what they show"
exit $failed
