#!/usr/bin/env bash
# The figures of docs/security.md, by one command:
#   1. the security test suites (route × role matrix, CSRF boundary, hostile input and raw HTTP,
#      crash safety, serve operations, fuzz corpus replay), with the number of cases each tried;
#   2. bench/security_bench against a real server with its default limits: autosave and /login
#      latency idle and while 8 anonymous clients loop on /healthz, failed sign-ins and PNG charts
#      with random query strings; sign-in answer times by kind of address.
# Usage: bench/run_security.sh [BUILD_DIR]   (after a build; writes docs/security.md)
#   SUITES=0 bench/run_security.sh: the bench only; the suites' table stays as it was.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${1:-build}
bin="$root/$build/digipuls"
doc="$root/docs/security.md"
work=$(mktemp -d)
pid=""
cleanup() { [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

cases="$work/cases.md"
if [[ "${SUITES:-1}" == 1 ]]; then
echo "== the security test suites"
{
  echo "| suite | what it tries | tests | passed | cases |"
  echo "|---|---|---:|---:|---|"
} > "$cases"
suite() {  # suite BINARY FILTER DESCRIPTION
  local out="$work/$2.log"
  "$root/$build/tests/$1" --gtest_filter="$2" > "$out" 2>&1 || true
  local total passed counts
  total=$(grep -c '^\[ RUN      \]' "$out" || true)
  passed=$(grep -c '^\[       OK \]' "$out" || true)
  # A suite without "[cases]" lines is fine: grep's "no match" must not end the script (pipefail).
  counts=$( (grep -o '\[cases\] .*' "$out" || true) | sed 's/\[cases\] //' | paste -sd ';' - | sed 's/;/; /g')
  echo "| \`$2\` | $3 | $total | $passed | ${counts:-–} |" >> "$cases"
  echo "$2: $passed of $total passed"
}
suite collection_tests 'Matrix.*' "every route × six roles over HTTP"
suite collection_tests 'Boundary.*' "CSRF on every unsafe route, cookie flags and headers on every page, sign-in pages"
suite collection_tests 'Hostile.*' "hostile text through every route, parameter and form field"
suite collection_tests 'CrashSafety.*' "SIGKILL during autosaves; every acknowledged save must survive"
suite web_tests 'HostileHttp.*' "raw-socket HTTP: request lines, headers, smuggling, slowloris, trailers"
suite app_tests 'ServeOperations.*' "graceful stop, connection cap, read-only, full disk, proxies, metrics"
suite collection_tests 'AuthTest.*:CountedAuthTest.*' "sign-in rules, one argon2id check on every path"
(cd "$root/$build" && ctest -R '^FuzzReplay\.' > "$work/fuzz.log" 2>&1) || true
fuzz_total=$(grep -c 'Test #' "$work/fuzz.log" || true)
fuzz_passed=$(grep -c ' Passed ' "$work/fuzz.log" || true)
fuzz_inputs=$(grep -ho 'replayed [0-9]* inputs' "$root/$build/Testing/Temporary/LastTest.log" | awk '{s += $2} END {print s + 0}')
echo "| \`FuzzReplay.*\` | every fuzz target over its committed corpus | $fuzz_total | $fuzz_passed | $fuzz_inputs inputs |" >> "$cases"
fi

echo "== a server with its default limits"
db="$work/security.db"
"$bin" init --db "$db" > /dev/null 2>&1
scripts/publish-demo.sh "$bin" "$db" > "$work/publish.log" 2>&1
"$bin" campaigns create --db "$db" --instrument ehalsa-2022 --orgs 1440 > /dev/null 2>&1
"$bin" campaigns open --db "$db" --campaign ehalsa-2022 > /dev/null 2>&1
password="security bench password"
echo "$password" | "$bin" users add --db "$db" --email resp@bench.example --role respondent --org 1440 --password-stdin > /dev/null 2>&1
"$bin" serve --db "$db" --port 0 --access-log off > "$work/serve.log" 2>&1 &
pid=$!
port=""
for _ in $(seq 100); do
  port=$(sed -n 's|.*serving on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "$port" ]] || { cat "$work/serve.log"; exit 1; }
"$root/$build/bench/security_bench" --url "http://127.0.0.1:$port" --email resp@bench.example --password "$password" \
  --seconds 20 --samples 40 > "$work/bench.md"

python3 - "$doc" "$cases" "$work/bench.md" <<'PY'
import sys
doc, cases, bench = sys.argv[1:]
text = open(doc).read()
import os
for name, path in (("security_cases", cases), ("security_bench", bench)):
    if not os.path.exists(path):  # SUITES=0: the suites' table stays as it was
        continue
    start, end = f"<!-- {name}:start -->\n", f"<!-- {name}:end -->"
    a, b = text.index(start), text.index(end)
    text = text[:a + len(start)] + open(path).read() + text[b:]
open(doc, "w").write(text)
PY
echo "== written to docs/security.md"
