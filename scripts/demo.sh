#!/usr/bin/env bash
# The demo: a database with the bundled registry and instruments, demo accounts and an open demo
# campaign (printed below, with new passwords on every start), then the server.
# Usage: scripts/demo.sh BINARY DB PORT
set -euo pipefail
bin=$1; db=$2; port=$3
"$bin" init --db "$db"
# Public statistics (issue 6): history, a generated and published 2021 campaign.
"$(dirname "$0")/publish-demo.sh" "$bin" "$db"
echo
"$bin" demo --db "$db" --url "http://127.0.0.1:$port"
echo
echo "Digipuls is starting on http://127.0.0.1:$port/  (Ctrl-C stops)"
exec "$bin" serve --db "$db" --port "$port"
