#!/usr/bin/env bash
# Every test: unit tests through ctest, then the end-to-end suites (browser, mail, API) when present.
# Usage: scripts/test.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# A green run must mean the expectations were compared, not rewritten (tests/support/golden.h).
if [[ -n "${DIGIPULS_UPDATE_GOLDEN:-}" ]]; then
  echo "scripts/test.sh: DIGIPULS_UPDATE_GOLDEN is set; unset it (rewrite golden files with a test binary)" >&2
  exit 2
fi
echo "== house style (clang-format)"
scripts/format.sh --check
echo "== unit and integration tests (ctest)"
# --no-tests=error: a build that registered no tests is a failure, not a pass.
(cd "$build" && ctest --output-on-failure --no-tests=error -j"$(nproc)")
for suite in tests/e2e/*.sh; do
  [[ -e "$suite" ]] || continue
  echo "== $suite"
  "$suite" "$root/$build/digipuls"
done
echo "== all tests passed"
