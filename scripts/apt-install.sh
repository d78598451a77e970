#!/usr/bin/env bash
# Install Debian packages for the tests, once: `bash scripts/apt-install.sh [--recommends] <why> <package>...`.
# Idempotent (packages already installed are not touched) and quiet. Waits for apt's locks instead of failing
# when another apt-get runs (unattended upgrades, a second test run on the same machine): up to 10 minutes.
set -euo pipefail
recommends="--no-install-recommends"
if [ "${1:-}" = "--recommends" ]; then recommends=""; shift; fi
why="$1"; shift
missing=()
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "==> Installing Debian ${missing[*]} ($why)"
export DEBIAN_FRONTEND=noninteractive
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
apt=($SUDO apt-get -o DPkg::Lock::Timeout=600 -qq)
# apt-get update takes the lists lock, which DPkg::Lock::Timeout does not cover on every apt version: retry.
for attempt in $(seq 1 60); do
	if "${apt[@]}" update 2>/tmp/apt-update.$$; then break; fi
	if ! grep -q "Could not get lock" /tmp/apt-update.$$ || [ "$attempt" -eq 60 ]; then cat /tmp/apt-update.$$ >&2; rm -f /tmp/apt-update.$$; exit 1; fi
	sleep 10
done
rm -f /tmp/apt-update.$$
"${apt[@]}" install -y $recommends "${missing[@]}" >/dev/null
