#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The .deb on a fresh Debian 12: a minimal root made by debootstrap (from this machine's own
# Debian mirror), the package installed there by apt-get as a user would, then used by an
# ordinary user: check, render (SVG, PDF, PNG), serve, the manual and the bash completion.
# Needs root (debootstrap, chroot, mounting /proc) and a few minutes; not part of CI's run.
#   scripts/test-deb.sh [DEB]     default: the one `scripts/setup.sh package` made
set -euo pipefail
cd "$(dirname "$0")/.."
deb=${1:-$(ls build-package/lmc_*_amd64.deb 2>/dev/null | tail -1)}
[ -f "$deb" ] || { echo "test-deb: no .deb (run scripts/setup.sh package first)" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "test-deb: run as root (debootstrap and chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || scripts/install-deps.sh package

# The mirror this machine's apt uses for Debian itself.
mirror=$(awk '/^URIs:/ && !/security/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $3 == "bookworm" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
[ -n "$mirror" ] || { echo "test-deb: no Debian mirror in /etc/apt's sources" >&2; exit 2; }

root=$(mktemp -d /var/tmp/lmc-debian12.XXXXXX)
chmod 755 "$root"  # the new system's /: mktemp made it private
cleanup() {
  umount "$root/proc" 2>/dev/null || true
  [ "${LMC_KEEP_ROOT:-}" = 1 ] || rm -rf "$root"
}
trap cleanup EXIT
echo "== debootstrap bookworm (minbase) in $root"
start=$SECONDS
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.log" 2>&1 ||
  { tail -20 "$root.log"; exit 1; }
rm -f "$root.log"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

echo "== apt-get install ./$(basename "$deb") (and man-db, to read its manual)"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "/tmp/$(basename "$deb")" man-db >/dev/null
in_root useradd --create-home tester

echo "== used by an ordinary user"
chroot "$root" runuser -u tester -- env -i PATH=/usr/bin:/bin HOME=/home/tester LANG=C.UTF-8 \
  bash -euo pipefail -c '
cd ~
lmc --version
cp /usr/share/doc/lmc/examples/ehch-care-homes.yaml model.yaml
lmc check model.yaml
lmc check /usr/share/doc/lmc/examples/ >/dev/null
for format in svg pdf png; do lmc render model.yaml -o "model.$format"; done
head -c 5 model.pdf | grep -q "%PDF" && grep -q "<svg" model.svg && echo "render: model.svg model.pdf model.png"
lmc serve model.yaml --port 0 >serve.out 2>&1 &
for i in $(seq 1 50); do grep -q "http://" serve.out && break; sleep 0.1; done
port=$(grep -o "127.0.0.1:[0-9]*" serve.out | head -1 | cut -d: -f2)
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf "GET / HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n" "$port" >&3
grep -q "200 OK" <(timeout 5 cat <&3) && echo "serve: the page at 127.0.0.1:$port"
kill %1
man -P cat lmc 2>/dev/null | grep -q "check, render and compare" && echo "man lmc: renders"
man -P cat lmc-check 2>/dev/null | grep -q -- "--fail-on" && echo "man lmc-check: renders"
source /usr/share/bash-completion/completions/lmc
COMP_WORDS=(lmc check --format ""); COMP_CWORD=3; _lmc
[[ " ${COMPREPLY[*]} " == *" sarif "* ]] && echo "bash completion: --format offers ${COMPREPLY[*]}"
'
echo "test-deb: $(basename "$deb") installs and works on a fresh Debian 12 ($((SECONDS - start)) s)"
