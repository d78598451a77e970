#!/usr/bin/env bash
# The README's test command (`npm test`): lint, build, package checks, unit + property + engine tests with coverage,
# then the end-to-end suite against a real n8n. Used unchanged by .ci/run.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

echo "==> Node $(node -v)"
echo "==> Lint (n8n-node lint, strict)"
bash scripts/lint.sh
echo "==> Type check (tests included)"
tsc --noEmit -p tsconfig.test.json
echo "==> Build (n8n-node build)"
n8n-node build
echo "==> Package checks (n8n's scanner on the source and the npm pack tarball, tarball content, GitHub workflows)"
node scripts/verify-package.js
results="$(mktemp -d "${TMPDIR:-/tmp}/jeugdhulp-test-results.XXXXXX")"
trap 'rm -rf "$results"' EXIT
echo "==> Unit, property and engine tests"
jest --coverage --ci --json --outputFile="$results/unit.json"
# Right on any day: the same suite once more with the clock moved (libfaketime), to a moment that changes
# every day of the week (scripts/moved-clock.js; every moment: npm run test:dates).
# test-dates.sh installs faketime if needed and fails when the clock did not move.
bash scripts/test-dates.sh --of-the-day -- --json --outputFile="$results/moved.json"
echo "==> End-to-end tests against a real n8n"
scripts/test-e2e.sh --json --outputFile="$results/e2e.json"

# One closing line over both suites (each stopped the script above if anything failed).
node -e '
const sum = { passed: 0, failed: 0, skipped: 0 };
for (const file of process.argv.slice(1)) {
	const r = require(file);
	sum.passed += r.numPassedTests; sum.failed += r.numFailedTests; sum.skipped += r.numPendingTests + r.numTodoTests;
}
console.log(`Tests: ${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
' "$results/unit.json" "$results/moved.json" "$results/e2e.json"
