#!/usr/bin/env bash
# The disclosure audit's run time on a 290-organisation revision (docs/benchmarks.md): a fresh
# database, the 2021 campaign generated for the 290 municipalities, `stats compute` under a
# profile (certificate-based suppression, then the planner until the audit passes), then
# `stats disclosure-audit` of the stored revision. Not a test.
#   bench/run_disclosure.sh [BUILD_DIR] [PROFILE]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}; profile=${2:-standard}
bin="$build/digipuls"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
db="$work/bench.db"
"$bin" init --db "$db" > /dev/null
"$bin" stats history import --db "$db" > /dev/null 2>&1
"$bin" generate --db "$db" --campaign ehalsa-2021 --seed 2021 > /dev/null 2>&1
echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), profile $profile"
t0=$(date +%s.%N)
"$bin" stats compute --db "$db" --campaign ehalsa-2021 --profile "$profile" 2>&1 | tail -1
t1=$(date +%s.%N)
"$bin" stats disclosure-audit --db "$db" --campaign ehalsa-2021 2>&1 | tail -1 || true
t2=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" -v c="$t2" \
  'BEGIN { printf "stats compute (suppression, planning, audit): %.1f s\nstats disclosure-audit: %.1f s\n", b - a, c - b }'
