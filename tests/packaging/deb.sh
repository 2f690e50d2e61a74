#!/usr/bin/env bash
# `cpack -G DEB` builds a Debian package with proper metadata; unpacked with
# dpkg-deb, its binary runs.
set -eu
build=$1
version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" > cpack.log 2>&1) ||
  { cat "$work/cpack.log"; exit 1; }
package=$(ls "$work"/*.deb)
[ "$(basename "$package")" = "dhcode_${version}_$(dpkg --print-architecture).deb" ] ||
  { echo "unexpected package name: $package"; exit 1; }
for field in Package Version Architecture Maintainer Description Section Depends; do
  value=$(dpkg-deb -f "$package" "$field")
  [ -n "$value" ] || { echo "the package has no $field"; exit 1; }
done
[ "$(dpkg-deb -f "$package" Version)" = "$version" ]
dpkg-deb -f "$package" Depends | grep -q libsimdjson || { echo "Depends lacks libsimdjson"; exit 1; }
dpkg-deb -x "$package" "$work/root"
# Packages put zsh completions where Debian's zsh reads them for /usr.
[ -e "$work/root/usr/share/zsh/vendor-completions/_dhcode" ] ||
  { echo "the package lacks usr/share/zsh/vendor-completions/_dhcode"; exit 1; }
[ -f "$work/root/usr/share/man/man1/dhcode.1.gz" ]
[ -f "$work/root/usr/share/doc/dhcode/copyright" ]
[ -f "$work/root/usr/share/doc/dhcode/changelog.gz" ]
[ -f "$work/root/usr/share/bash-completion/completions/dhcode" ]
out=$("$work/root/usr/bin/dhcode" explain 400000008)
[[ $out == *"Digital Human video stream concurrency limit exceeded."* ]] || { echo "$out"; exit 1; }
# lintian, when installed (scripts/setup.sh installs it): no error, no
# warning, no pedantic tag. Informational tags may stay (docs/development.md,
# "Packaging", says why each does).
if command -v lintian > /dev/null; then
  lintian --pedantic --fail-on error,warning,pedantic "$package" 2>&1 |
    grep -v 'running with root privileges' || true
  lintian --pedantic --fail-on error,warning,pedantic "$package" > /dev/null 2>&1 ||
    { echo "lintian found errors or warnings"; exit 1; }
  echo "lintian: no error, warning or pedantic tag"
fi
echo "ok: $(basename "$package"), Depends: $(dpkg-deb -f "$package" Depends)"
