#!/usr/bin/env bash
# The statistics benchmark (docs/benchmarks.md): the engine against SQLite and DuckDB on the same
# generated data, N = 290, 10 000, 100 000 organisations × 10 years. Not a test.
#   bench/run_stats.sh [BUILD_DIR] [extra stats_bench options, e.g. --orgs 290,10000]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDIGIPULS_BUILD_BENCHMARKS=ON > /dev/null
cmake --build "$build" -j"$(nproc)" --target stats_bench
# DuckDB from npm (@duckdb/node-api ships its binary as an npm package: no download at run time).
(cd bench/stats && { [ -d node_modules/@duckdb/node-api ] || npm install --no-audit --no-fund --silent; })
mkdir -p bench/results
echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" | tee bench/results/stats.md
"$build/bench/stats_bench" --work bench/results/stats --duckdb bench/stats/duckdb_peer.mjs "$@" | tee -a bench/results/stats.md
