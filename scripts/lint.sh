#!/usr/bin/env bash
# `n8n-node lint` in strict mode (cloud support on) over exactly what the package ships from:
# package.json, nodes/, credentials/, domain/ (compiled into dist/). Tests, benchmarks and scripts are
# not part of the package and legitimately use fs, require and timers, so they are left out by linting
# a staging copy — n8n's strict mode forbids changing eslint.config.mjs, so ignoring them there is not allowed.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
stage="$(mktemp -d "${TMPDIR:-/tmp}/jeugdhulp-lint.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
cp package.json eslint.config.mjs tsconfig.json README.md "$stage"/
for d in nodes credentials domain; do if [ -d "$d" ]; then cp -r "$d" "$stage"/; fi; done
ln -s "$REPO_ROOT/node_modules" "$stage/node_modules"
cd "$stage"
set +e
n8n-node lint "$@"
status=$?
set -e
if [ "$#" -gt 0 ] && [ "$1" = "--fix" ]; then
	for d in nodes credentials domain; do if [ -d "$stage/$d" ]; then cp -r "$stage/$d/." "$REPO_ROOT/$d/"; fi; done
fi
exit $status
