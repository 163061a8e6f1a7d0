#!/usr/bin/env bash
# Runs every fuzz target for a while with seed corpora built from the bundled files.
# Usage: tests/fuzz/run.sh BUILD_DIR [SECONDS_PER_TARGET] [TARGET...]
# Findings (crash-*, leak-*, timeout-*) are written to BUILD_DIR/fuzz-findings/<target>/.
set -euo pipefail
build=${1:?usage: run.sh BUILD_DIR [SECONDS] [TARGET...]}
secs=${2:-180}
shift $(( $# >= 2 ? 2 : 1 ))
src=$(cd "$(dirname "$0")/../.." && pwd)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_instrument fuzz_condition fuzz_csv fuzz_registry_csv fuzz_microdata fuzz_keyfigures fuzz_history fuzz_http_request fuzz_autosave_body)

seed() {  # seed TARGET DIR: fills DIR with the seed corpus of TARGET
  local t=$1 d=$2
  mkdir -p "$d"
  case $t in
    fuzz_instrument)
      cp "$src"/instruments/*.yaml "$d"/
      cp "$src"/tests/cases/instrument/*.yaml "$d"/ 2>/dev/null || true ;;
    fuzz_condition)
      cp "$src"/tests/fuzz/seeds/condition/* "$d"/
      grep -hoE '(show_if|eligible_if): "[^"]*"' "$src"/instruments/*.yaml | sed -E 's/^[a-z_]+: "(.*)"$/\1/' |
        sort -u | awk -v d="$d" '{ f = sprintf("%s/yaml-%03d", d, NR); printf "%s", $0 > f; close(f) }' ;;
    fuzz_csv)
      cp "$src"/data/registry/*.csv "$d"/
      cp "$src"/data/history/tabell_0*.csv "$d"/
      cp "$src"/tests/fuzz/seeds/microdata/* "$d"/ ;;
    fuzz_registry_csv)
      cp "$src"/data/registry/attributes-2021.csv "$src"/data/registry/municipalities.csv "$d"/
      cp "$src"/tests/cases/registry/*.csv "$d"/ 2>/dev/null || true ;;
    fuzz_microdata)
      cp "$src"/tests/fuzz/seeds/microdata/* "$d"/ ;;
    fuzz_keyfigures)
      cp "$src"/instruments/*.keyfigures.yaml "$src"/instruments/*.report.yaml "$src"/instruments/disclosure.yaml "$d"/
      cp "$src"/tests/cases/stats/*.yaml "$d"/ ;;
    fuzz_history)
      cp "$src"/data/history/*.csv "$d"/ ;;
    fuzz_http_request)
      cp "$src"/tests/fuzz/seeds/http/* "$d"/ ;;
    fuzz_autosave_body)
      cp "$src"/tests/fuzz/seeds/autosave/* "$d"/ ;;
  esac
  # What earlier runs kept (tests/fuzz/corpus/TARGET, replayed by ctest) is a seed too.
  cp "$src"/tests/fuzz/corpus/"$t"/* "$d"/ 2>/dev/null || true
}

# Exit 1 when any target failed (the fuzzer's own exit status: a crash, leak, timeout or
# out-of-memory, or a target that could not run at all) or left a finding, so that a script (or CI)
# can tell.
found=0
for t in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$t"
  findings="$build/fuzz-findings/$t"
  seed "$t" "$corpus"
  mkdir -p "$findings"
  echo "== $t: ${secs}s, corpus $(ls "$corpus" | wc -l) files"
  # -rss_limit_mb and -timeout make hangs and blow-ups findings too.
  status=0
  "$build/tests/fuzz/$t" "$corpus" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$findings/" -print_final_stats=1 > "$build/fuzz-findings/$t.log" 2>&1 || status=$?
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^SUMMARY|Test unit written' "$build/fuzz-findings/$t.log" || true
  if [ "$status" -ne 0 ]; then
    echo "FAILED: $t exited with status $status (log: $build/fuzz-findings/$t.log)"
    tail -n 20 "$build/fuzz-findings/$t.log"
    found=1
  fi
  if ls "$findings"/* >/dev/null 2>&1; then echo "FINDINGS in $findings"; found=1; fi
  # FUZZ_KEEP_CORPUS=1: merge what this run covered into tests/fuzz/corpus/TARGET (only inputs
  # that add coverage; libFuzzer's -merge), the corpus ctest replays (FuzzReplay.TARGET).
  if [ -n "${FUZZ_KEEP_CORPUS:-}" ] && [ "$status" -eq 0 ]; then
    kept="$src/tests/fuzz/corpus/$t"
    mkdir -p "$kept"
    "$build/tests/fuzz/$t" -merge=1 -timeout=10 -rss_limit_mb=2048 -max_len=65536 "$kept" "$corpus" \
      > "$build/fuzz-findings/$t.merge.log" 2>&1 || { echo "FAILED: merging the corpus of $t"; found=1; }
    echo "   kept $(ls "$kept" | wc -l) inputs in tests/fuzz/corpus/$t"
  fi
done
exit $found
