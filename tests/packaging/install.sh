#!/usr/bin/env bash
# `cmake --install` into a temporary prefix puts the binary, the man page and
# the completions where their tools look, and the installed binary runs.
set -eu
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" > /dev/null
for file in bin/dhcode share/man/man1/dhcode.1 share/bash-completion/completions/dhcode \
    share/zsh/vendor-completions/_dhcode share/fish/vendor_completions.d/dhcode.fish \
    share/doc/dhcode/README.md; do
  [ -e "$prefix/$file" ] || { echo "not installed: $file"; exit 1; }
done
out=$("$prefix/bin/dhcode" explain 400000008)
[[ $out == *"Digital Human video stream concurrency limit exceeded."* ]] || { echo "$out"; exit 1; }
echo "ok: installed into a prefix and ran"
