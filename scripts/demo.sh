#!/usr/bin/env bash
# The demo: a database with the bundled registry and instruments, demo accounts and an open demo
# campaign (printed below, with new passwords on every start), then the server.
# Usage: scripts/demo.sh BINARY DB PORT
set -euo pipefail
bin=$1; db=$2; port=$3
"$bin" init --db "$db"
# Public statistics (issue 6): history, a generated and published 2021 campaign.
"$(dirname "$0")/publish-demo.sh" "$bin" "$db"
# Self-assessments (issue 7): synthetic ones, marked 'Syntetisk demo', so that the comparisons,
# the national aggregates, the public pages and the follow-up of plans have something to show.
# The demo respondent's Ale (1440) gets a completed, published 2025 assessment with a partly done
# plan, and no 2026 one: starting 2026 (the year the tool proposes) is the most instructive first
# step, since it shows last year's plan to follow up and compares with the other 2026 assessments
# as soon as indicators are rated. (A 2025 workshop of a named part, e.g. "Äldreomsorgen", can
# still be tried.) The same seed for both years makes a municipality's two years a time series.
# A second run on the same database does nothing.
"$bin" selfassess generate --db "$db" --year 2025 --seed 2025 --include 1440
"$bin" selfassess generate --db "$db" --year 2026 --seed 2025 --exclude 1440
echo
"$bin" demo --db "$db" --url "http://127.0.0.1:$port"
echo
echo "Digipuls is starting on http://127.0.0.1:$port/  (Ctrl-C stops)"
exec "$bin" serve --db "$db" --port "$port" --demo
