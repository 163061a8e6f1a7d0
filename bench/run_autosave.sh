#!/usr/bin/env bash
# Autosave under load: 300 respondents saving through the full web pipeline against raw SQLite
# inserts, side by side; writes its figures into docs/benchmarks.md.
# Usage: bench/run_autosave.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
"$build/bench/autosave_bench" --clients 300 --seconds 20 --write docs/benchmarks.md
