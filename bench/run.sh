#!/usr/bin/env bash
# Runs the benchmarks and appends their figures to docs/benchmarks.md (`make bench`).
# Usage: bench/run.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$build/bench/autosave_bench" --clients 300 --seconds 20 --write docs/benchmarks.md
