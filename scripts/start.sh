#!/usr/bin/env bash
# `npm start`: local n8n 2.41.1 with this package installed as a community package, plus a local
# SMTP inbox (maildev) and a local case-system API. See docs/runtime.md.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# exec: the node process receives Ctrl-C / SIGTERM directly and stops all services itself.
exec node scripts/runtime/start.js "$@"
