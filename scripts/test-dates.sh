#!/usr/bin/env bash
# The tests with the clock moved (issue 20: right on any day). libfaketime (Debian's `faketime`, by
# LD_PRELOAD) moves the clock of every process a test starts by the same offset, n8n and its workers too.
#
#   scripts/test-dates.sh                     # unit, property and engine tests at every moment below
#   scripts/test-dates.sh summer plus-1y      # only those moments
#   scripts/test-dates.sh --e2e summer        # the whole suite (scripts/test.sh's jest + e2e) at a moment
#   scripts/test-dates.sh --of-the-day -- --json --outputFile=f   # one moment that changes each day, jest options after -- (scripts/test.sh)
#   scripts/test-dates.sh --install-only      # only make sure faketime is installed
#
# Moments (scripts/moved-clock.js; each the next one after now, so the list moves with the calendar):
# mid-january, summer, new-years-eve, new-year-utc-behind, dst-spring, dst-autumn, plus-1y, plus-2y.
# Expects dist/ to be built (scripts/test.sh builds it first; otherwise run `npm run build`).
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

e2e=0
if [ "${1:-}" = "--e2e" ]; then e2e=1; shift; fi

command -v faketime >/dev/null 2>&1 || bash scripts/apt-install.sh "libfaketime, to move the clock" faketime

if [ "${1:-}" = "--install-only" ]; then exit 0; fi

# each moment is computed just before its run (a run takes minutes: computed all at once, the later ones
# would start late and miss the night they are for)
# moment names (or --of-the-day: one moment, another each day; CI), then optionally -- and more jest options
names=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do names="$names $1"; shift; done
[ "${1:-}" = "--" ] && shift
[ -n "$names" ] || names="$(node -e 'console.log(Object.keys(require("./scripts/moved-clock.js").MOMENTS).join(" "))')"
status=0
for wanted in $names; do
	line="$(node scripts/moved-clock.js "$wanted")"
	read -r name offset instant <<< "$line"
	case "$offset" in ''|*[!0-9]*) echo "!!! no offset for ${wanted}: ${line}" >&2; exit 2 ;; esac
	# the moved clock really reaches a process (a library that bypassed it would make this run worthless)
	seen="$(faketime -f "+${offset}" node -e 'console.log(new Date().toISOString().slice(0, 10))')"
	want="$(node -e "console.log(new Date(Date.now() + ${offset} * 1000).toISOString().slice(0, 10))")"
	if [ "$seen" != "$want" ]; then echo "!!! the clock was not moved for ${name}: node saw ${seen}, expected ${want}" >&2; exit 2; fi
	echo "==> Tests at ${name}: ${instant} (clock moved +${offset}s)"
	faketime -f "+${offset}" jest --ci "$@" || status=1
	if [ "$e2e" = 1 ]; then
		# n8n, its workers and the browser get the moved clock too (scripts/runtime/n8n.js passes LD_PRELOAD and
		# FAKETIME on); test/e2e/deadlines.e2e.test.ts fails when n8n judged on another day than the tests
		faketime -f "+${offset}" bash scripts/test-e2e.sh || status=1
	fi
done
exit $status
