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

# Queue mode (test/e2e/queue-mode.e2e.test.ts, scripts/runtime/queue.js): Redis and PostgreSQL from Debian.
if [ ! -x /usr/bin/redis-server ] || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
	echo "==> Installing Debian redis-server and postgresql for the queue-mode test"
	export DEBIAN_FRONTEND=noninteractive
	SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
	$SUDO apt-get update -qq
	$SUDO apt-get install -y -qq --no-install-recommends redis-server postgresql >/dev/null
	# only the binaries are needed: the test starts its own throw-away instances on free ports
	$SUDO service redis-server stop >/dev/null 2>&1 || true
	$SUDO service postgresql stop >/dev/null 2>&1 || true
fi

# The statement file opened as finance staff open it (test/e2e/settlement.e2e.test.ts, issue 24): Debian's
# LibreOffice Calc converts it to PDF, poppler-utils reads the PDF's text and draws it, Liberation fonts have
# the widths of Arial (the sheet's font). Measured on a 2-core machine: about 1 minute to install, 3–5 s a file.
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1 || [ ! -d /usr/share/fonts/truetype/liberation ]; then
	echo "==> Installing Debian libreoffice-calc, poppler-utils and fonts-liberation for the statement test"
	export DEBIAN_FRONTEND=noninteractive
	SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
	$SUDO apt-get update -qq
	$SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc poppler-utils fonts-liberation >/dev/null
fi

echo "==> jest (end-to-end)"
exec jest -c jest.e2e.config.js --ci "$@"
