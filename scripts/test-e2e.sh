#!/usr/bin/env bash
# End-to-end tests against a real n8n 2.41.1 (see docs/runtime.md). Called by scripts/test.sh.
# Starts ONE runtime for the whole run (jest globalSetup), on free ports in a temporary folder.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

echo "==> n8n install (first time ~6 min, then reused)"
node scripts/runtime/install-n8n.js

# Debian packages (scripts/apt-install.sh: only what is missing; waits for apt's lock):
# chromium for the screenshot tests; Redis and PostgreSQL for queue mode (test/e2e/queue-mode.e2e.test.ts,
# scripts/runtime/queue.js): only the binaries are used, the tests start throw-away instances on free ports.
[ -x /usr/bin/chromium ] || bash scripts/apt-install.sh --recommends "the screenshot tests" chromium
if [ ! -x /usr/bin/redis-server ] || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
	bash scripts/apt-install.sh "queue mode" redis-server postgresql
	SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
	$SUDO service redis-server stop >/dev/null 2>&1 || true
	$SUDO service postgresql stop >/dev/null 2>&1 || true
fi

# The statement file opened as finance staff open it (test/e2e/settlement.e2e.test.ts, issue 24): Debian's
# LibreOffice Calc converts it to PDF, poppler-utils reads the PDF's text and draws it, Liberation fonts have
# the widths of Arial (the sheet's font). Measured on a 2-core machine: about 1 minute to install, 3–5 s a file.
command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 && [ -d /usr/share/fonts/truetype/liberation ] ||
	bash scripts/apt-install.sh "the statement test" libreoffice-calc poppler-utils fonts-liberation

echo "==> jest (end-to-end)"
exec jest -c jest.e2e.config.js --ci "$@"
