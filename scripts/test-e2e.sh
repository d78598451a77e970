#!/usr/bin/env bash
# End-to-end tests against a real n8n 2.41.1 (see docs/runtime.md). Called by scripts/test.sh.
# Starts ONE runtime for the whole run (jest globalSetup), on free ports in a temporary folder.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

echo "==> n8n install (first time ~6 min, then reused)"
node scripts/runtime/install-n8n.js

if [ ! -x /usr/bin/chromium ]; then
	echo "==> Installing Debian chromium for the screenshot test"
	export DEBIAN_FRONTEND=noninteractive
	SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
	$SUDO apt-get update -qq
	$SUDO apt-get install -y -qq chromium >/dev/null
fi

echo "==> jest (end-to-end)"
exec jest -c jest.e2e.config.js --ci "$@"
