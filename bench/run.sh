#!/usr/bin/env bash
# `make bench`: every benchmark (bench/run_*.sh), one after the other. Not tests; each writes its
# numbers into docs/benchmarks.md or bench/results/.
# Usage: bench/run.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
for b in bench/run_*.sh; do
  echo "== $b"
  "$b" "$build"
done
