#!/usr/bin/env bash
# The tests with the clock moved (issue 20: right on any day). libfaketime (Debian's `faketime`, by
# LD_PRELOAD) moves the clock of every process a test starts by the same offset, n8n and its workers too.
#
#   scripts/test-dates.sh                     # unit, property and engine tests at every moment below
#   scripts/test-dates.sh summer plus-1y      # only those moments
#   scripts/test-dates.sh --e2e summer        # the whole suite (scripts/test.sh's jest + e2e) at a moment
#   scripts/test-dates.sh --install-only      # only make sure faketime is installed (scripts/test.sh)
#
# Moments (scripts/moved-clock.js; each the next one after now, so the list moves with the calendar):
# mid-january, summer, new-years-eve, dst-spring, dst-autumn, plus-1y, plus-2y.
# Expects dist/ to be built (scripts/test.sh builds it first; otherwise run `npm run build`).
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

e2e=0
if [ "${1:-}" = "--e2e" ]; then e2e=1; shift; fi

if ! command -v faketime >/dev/null 2>&1; then
	echo "==> Installing Debian faketime (libfaketime) to move the clock"
	export DEBIAN_FRONTEND=noninteractive
	SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
	$SUDO apt-get update -qq
	$SUDO apt-get install -y -qq faketime >/dev/null
fi

if [ "${1:-}" = "--install-only" ]; then exit 0; fi

moments="$(node scripts/moved-clock.js "$@")"
status=0
while read -r name offset instant; do
	[ -n "$name" ] || continue
	echo "==> Tests at ${name}: ${instant} (clock moved +${offset}s)"
	if [ "$e2e" = 1 ]; then
		faketime -f "+${offset}" jest --ci || status=1
		faketime -f "+${offset}" bash scripts/test-e2e.sh || status=1
	else
		faketime -f "+${offset}" jest --ci || status=1
	fi
	# the moved clock really reached the processes (a library that bypassed it would make this run worthless)
	seen="$(faketime -f "+${offset}" node -e 'console.log(new Date().getUTCFullYear() * 10000 + (new Date().getUTCMonth() + 1) * 100 + new Date().getUTCDate())')"
	want="$(node -e "const d=new Date(Date.now()+${offset}*1000); console.log(d.getUTCFullYear()*10000+(d.getUTCMonth()+1)*100+d.getUTCDate())")"
	if [ "$seen" != "$want" ]; then echo "!!! the clock was not moved for ${name}: node saw ${seen}, expected ${want}" >&2; status=1; fi
done <<< "$moments"
exit $status
