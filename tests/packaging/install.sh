#!/usr/bin/env bash
# `cmake --install` into a temporary prefix puts the binary, the man page and
# the completions where their tools look, and the installed binary runs.
set -eu
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" > /dev/null
for file in bin/dhcode share/man/man1/dhcode.1.gz share/bash-completion/completions/dhcode \
    share/zsh/site-functions/_dhcode share/fish/vendor_completions.d/dhcode.fish \
    share/doc/dhcode/README.md share/doc/dhcode/docs/logs.md; do
  [ -e "$prefix/$file" ] || { echo "not installed: $file"; exit 1; }
done
# Every page the installed README links to is installed beside it.
doc=$prefix/share/doc/dhcode
for page in $(grep -o '](docs/[a-z_]*\.md)' "$doc/README.md" | tr -d '()]' | sort -u); do
  [ -e "$doc/$page" ] || { echo "README.md links to $page, which is not installed"; exit 1; }
done
out=$("$prefix/bin/dhcode" explain 400000008)
[[ $out == *"Digital Human video stream concurrency limit exceeded."* ]] || { echo "$out"; exit 1; }
# A real zsh whose function path has the prefix's site-functions (as Debian's
# zsh has /usr/local/share/zsh/site-functions) finds the completion.
if command -v zsh > /dev/null; then
  # autoload +X loads the function at once, and fails when no file holds it.
  zsh -f -c "fpath=(\"$prefix/share/zsh/site-functions\" \$fpath); autoload -Uz +X _dhcode" ||
    { echo "zsh does not find _dhcode in $prefix/share/zsh/site-functions"; exit 1; }
  # and Debian's own zsh looks there for /usr/local.
  if [ -r /etc/debian_version ]; then
    zsh -f -c 'print -l $fpath' | grep -qx /usr/local/share/zsh/site-functions ||
      { echo "this zsh does not read /usr/local/share/zsh/site-functions"; exit 1; }
  fi
fi
echo "ok: installed into a prefix and ran"
