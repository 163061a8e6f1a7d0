#!/usr/bin/env bash
# The unit tests of the pure modules (core, registry, instrument, stats: parsers, conditions,
# the statistics engine, disclosure control) built with AddressSanitizer and
# UndefinedBehaviorSanitizer; any finding fails the run. Part of `make test` (CI); why this scope
# and what it costs: docs/testing.md, "Sanitizers".
# Usage: scripts/sanitize.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build-sanitize}
cd "$(dirname "$0")/.."
modules=(core registry instrument stats)
targets=()
for m in "${modules[@]}"; do targets+=("${m}_tests"); done
echo "== sanitizer build (ASan + UBSan): ${targets[*]}"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDIGIPULS_SANITIZE=ON -DDIGIPULS_BUILD_TESTS=ON \
  -DDIGIPULS_BUILD_BENCHMARKS=OFF -DDIGIPULS_WERROR=ON > /dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"
# Each module's test executable runs whole (ctest's labels do not name modules).
for t in "${targets[@]}"; do
  echo "== $t (ASan + UBSan)"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/tests/$t" --gtest_brief=1
done
echo "== sanitizer build: no findings"
