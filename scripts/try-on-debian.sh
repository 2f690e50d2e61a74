#!/usr/bin/env bash
# Tries the README's two commands on a fresh Debian release, as a new user
# would: makes a minimal root of SUITE with debootstrap (git and nothing
# else), clones this repository into it, and runs the first two ```sh blocks
# of README.md there (install and build; the test suite), one after the
# other. Says which command failed, and how long each took.
#
# Usage (as root, with debootstrap installed):
#   scripts/try-on-debian.sh [--user] [--keep] SUITE [TEST-COMMAND]
#     SUITE         bookworm (Debian 12) or trixie (Debian 13)
#     TEST-COMMAND  replaces the README's test command (e.g. the dev preset
#                   alone, when time is short)
#     --user        run as a user who may use sudo, instead of as root
#     --keep        keep the root (under /var/tmp) for a look afterwards
#
# Packages come from the first Debian mirror in this machine's apt sources.
# The root's /proc, /sys, /dev and /dev/pts are the machine's, mounted for
# the time of the run (the tests use terminals and sanitizers need /proc).
set -euo pipefail
as_user=0 keep=0
while [ $# -gt 0 ]; do
  case $1 in
    --user) as_user=1; shift ;;
    --keep) keep=1; shift ;;
    -*) echo "try-on-debian: unknown option $1" >&2; exit 64 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { sed -n '9,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 64; }
suite=$1
test_override=${2:-}
repo=$(cd "$(dirname "$0")/.." && pwd)
[ "$(id -u)" = 0 ] || { echo "try-on-debian: needs root (debootstrap, chroot, mount)" >&2; exit 1; }
command -v debootstrap > /dev/null ||
  { echo "try-on-debian: needs debootstrap (apt-get install debootstrap)" >&2; exit 1; }

# The README's commands: the first two ```sh blocks, a command a line.
readme_block() {  # N: the Nth ```sh block
  awk -v n="$1" '/^```sh$/ { block++; inside = (block == n); next }
                 /^```/ { inside = 0; next }
                 inside && NF { sub(/[ \t]+#.*$/, ""); print }' "$repo/README.md"
}
install_command=$(readme_block 1)
test_command=${test_override:-$(readme_block 2)}
[ -n "$install_command" ] && [ -n "$test_command" ] ||
  { echo "try-on-debian: README.md has no two \`\`\`sh blocks to run" >&2; exit 1; }

mirror=$( (grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}';
           grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}') |
         grep -v security | head -1) || true
mirror=${mirror:-http://deb.debian.org/debian}

root=$(mktemp -d "/var/tmp/try-on-debian-$suite.XXXXXX")
chmod 755 "$root"  # as a real system's /; mktemp makes it private
mounted=()
cleanup() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2> /dev/null || true; done
  if [ "$keep" = 1 ]; then echo "try-on-debian: the root stays at $root"; else rm -rf "$root"; fi
}
trap cleanup EXIT

step() { echo "try-on-debian [$suite]: $*"; }
seconds_since() { echo $(($(date +%s) - $1)); }

start=$(date +%s)
step "debootstrap from $mirror"
debootstrap --variant=minbase --include=git,ca-certificates "$suite" "$root" "$mirror" \
  > "$root.debootstrap.log" 2>&1 ||
  { tail -20 "$root.debootstrap.log"; echo "try-on-debian: debootstrap $suite failed"; exit 1; }
rm -f "$root.debootstrap.log"
step "a fresh root in $(seconds_since "$start") s"

for dir in proc sys dev dev/pts; do
  mount --bind "/$dir" "$root/$dir"
  mounted+=("$root/$dir")
done
cp /etc/resolv.conf "$root/etc/resolv.conf"

home=/root
run_as=(chroot "$root" env -i HOME=/root TERM=dumb PATH=/usr/sbin:/usr/bin:/sbin:/bin)
if [ "$as_user" = 1 ]; then
  chroot "$root" apt-get -q update > /dev/null
  chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q sudo > /dev/null
  chroot "$root" useradd --create-home --shell /bin/bash newcomer
  echo 'newcomer ALL=(ALL) NOPASSWD:ALL' > "$root/etc/sudoers.d/newcomer"
  home=/home/newcomer
  run_as=(chroot --userspec=newcomer:newcomer "$root" env -i HOME=$home USER=newcomer TERM=dumb
          PATH=/usr/bin:/bin)
fi

git clone --quiet "$repo" "$root$home/dhcode"
[ "$as_user" = 1 ] && chroot "$root" chown -R newcomer:newcomer "$home/dhcode"

run_readme_command() {  # what, command
  local began status=0
  began=$(date +%s)
  step "$1: $2"
  "${run_as[@]}" bash -c "cd ~/dhcode && $2" || status=$?
  if [ "$status" != 0 ]; then
    step "FAILED ($1, exit status $status, after $(seconds_since "$began") s): $2"
    exit 1
  fi
  step "$1 passed in $(seconds_since "$began") s"
}
while IFS= read -r command; do run_readme_command "install" "$command"; done <<< "$install_command"
while IFS= read -r command; do run_readme_command "tests" "$command"; done <<< "$test_command"
step "both README commands passed in $(seconds_since "$start") s"
