#!/usr/bin/env bash
# The README's test command (`npm test`): lint, build, unit + property + engine tests with coverage,
# then the end-to-end suite against a real n8n. Used unchanged by .ci/run.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

echo "==> Node $(node -v)"
echo "==> Lint (n8n-node lint, strict)"
bash scripts/lint.sh
echo "==> Type check (tests included)"
tsc --noEmit -p tsconfig.test.json
echo "==> Build (n8n-node build)"
n8n-node build
echo "==> Unit, property and engine tests"
jest --coverage --ci
if [ -x scripts/test-e2e.sh ]; then
	echo "==> End-to-end tests against a real n8n"
	scripts/test-e2e.sh
fi
