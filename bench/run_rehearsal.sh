#!/usr/bin/env bash
# The national round at full size: tests/e2e/rehearsal.sh with the 290 municipalities × 3
# contributors (issue 16). Prints the machine, the command and the figures (phases, requests,
# conflicts, 5xx, the server's peak RSS and CPU time) for docs/benchmarks.md, and keeps them as
# JSON in bench/results/rehearsal.json. Not part of CI.
# Usage: bench/run_rehearsal.sh [BUILD_DIR] [ORGS] [PARALLEL]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
orgs=${2:-290}
parallel=${3:-30}
mkdir -p bench/results
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); nproc: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: bench/run_rehearsal.sh $build $orgs $parallel"
start=$(date +%s)
REHEARSAL_ORGS=$orgs REHEARSAL_CONTRIBUTORS=3 REHEARSAL_PARALLEL=$parallel REHEARSAL_REPORT=bench/results/rehearsal.json \
  tests/e2e/rehearsal.sh "$build/digipuls" | grep --line-buffered -v '^{"time"'
echo "wall: $(( $(date +%s) - start )) s; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
