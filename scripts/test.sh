#!/usr/bin/env bash
# Every test: unit tests through ctest, then the end-to-end suites (browser, mail, API) when present.
# Usage: scripts/test.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
echo "== unit and integration tests (ctest)"
(cd "$build" && ctest --output-on-failure -j"$(nproc)")
for suite in tests/e2e/*.sh; do
  [[ -e "$suite" ]] || continue
  echo "== $suite"
  "$suite" "$root/$build/digipuls"
done
echo "== all tests passed"
