#!/usr/bin/env bash
# End-to-end tests of the public statistics site and open data API (issue 6), in real Chromium
# (Playwright, axe-core) and with real API clients (jsonstat-toolkit, SheetJS).
#   1. the demo database (scripts/publish-demo.sh) behind one server;
#   2. a database published under disclosure control ("standard": some cells suppressed), with a
#      later revision computed from other answers but not published, behind a second server;
#   2b. a database whose first computation is scheduled for publication in 2099 (the calendar);
#   2c. two campaigns (2021, 2022) published under "standard": the panel comparison on the site and
#      in the API, against `digipuls stats panel`, and the summary with an administrator's edit;
#   3. a third server with a tiny rate limit, for 429 and Retry-After over real HTTP.
# Usage: tests/e2e/publish.sh BINARY
set -euo pipefail
bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# serve DB VAR [extra options...]: starts a server on a free port (the server picks it: --port 0)
# and stores the port in VAR once it answers.
serve() {
  local db=$1 var=$2; shift 2
  local log="$work/serve-$var.log"
  "$bin" serve --db "$db" --port 0 "$@" > "$log" 2>&1 &
  pids+=($!)
  local port=""
  for _ in $(seq 100); do
    port=$(sed -n 's|.*serving on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$log")
    [[ -n "$port" ]] && curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && { printf -v "$var" '%s' "$port"; return 0; }
    sleep 0.1
  done
  echo "server did not start:"; cat "$log"; exit 1
}

echo "-- building the databases"
demo="$work/demo.db"
"$bin" init --db "$demo" > /dev/null
"$root/scripts/publish-demo.sh" "$bin" "$demo" > "$work/demo.log" 2>&1 || { cat "$work/demo.log"; exit 1; }

leak="$work/leak.db"
"$bin" init --db "$leak" > /dev/null
"$root/scripts/publish-demo.sh" "$bin" "$leak" standard > "$work/leak.log" 2>&1 || { cat "$work/leak.log"; exit 1; }
# A second revision from other answers, computed but not published.
"$bin" generate --db "$leak" --campaign ehalsa-2021 --seed 7 >> "$work/leak.log" 2>&1
"$bin" stats compute --db "$leak" --campaign ehalsa-2021 --profile standard --note "test: not to be published" >> "$work/leak.log" 2>&1
"$bin" stats show --db "$leak" --campaign ehalsa-2021 --revision 1 --format csv > "$work/rev1.csv"
"$bin" stats show --db "$leak" --campaign ehalsa-2021 --revision 2 --format csv > "$work/rev2.csv"
# Both revisions' reports as the command line writes them: the site must serve revision 1's.
for r in 1 2; do
  "$bin" report --db "$leak" --campaign ehalsa-2021 --revision "$r" --format csv --out "$work/report$r" >> "$work/leak.log" 2>&1
done

cal="$work/calendar.db"
"$bin" init --db "$cal" > /dev/null
{ "$bin" generate --db "$cal" --campaign ehalsa-2021 --seed 2021 &&
  "$bin" stats compute --db "$cal" --campaign ehalsa-2021 --profile reproduce-2021 &&
  { "$bin" campaigns open --db "$cal" --campaign ehalsa-2021 2>/dev/null || true; } &&
  "$bin" campaigns close --db "$cal" --campaign ehalsa-2021 &&
  "$bin" stats publish --db "$cal" --campaign ehalsa-2021 --at 2099-12-31T09:00; } > "$work/calendar.log" 2>&1 ||
  { cat "$work/calendar.log"; exit 1; }

panel="$work/panel.db"
"$bin" init --db "$panel" > /dev/null
{ for y in 2021 2022; do
    [[ $y == 2022 ]] && "$bin" campaigns create --db "$panel" --instrument ehalsa-2022
    "$bin" generate --db "$panel" --campaign ehalsa-$y --seed $y
    "$bin" stats compute --db "$panel" --campaign ehalsa-$y --profile standard
    "$bin" campaigns open --db "$panel" --campaign ehalsa-$y 2>/dev/null || true
    "$bin" campaigns close --db "$panel" --campaign ehalsa-$y
    "$bin" stats publish --db "$panel" --campaign ehalsa-$y
  done
  echo "e2e summary admin" | "$bin" users add --db "$panel" --email admin@e2e.test --role admin --name "E2E-admin" --password-stdin
  "$bin" stats panel --db "$panel" --campaign ehalsa-2022 --previous ehalsa-2021 \
    --breakdown national,county,size_group --format csv > "$work/panel.csv"; } > "$work/panel.log" 2>&1 ||
  { cat "$work/panel.log"; exit 1; }

serve "$demo" port_demo --api-rate-limit 100000/10
serve "$cal" port_cal --api-rate-limit 100000/10
serve "$leak" port_leak --api-rate-limit 100000/10
serve "$panel" port_panel --api-rate-limit 100000/10
serve "$demo" port_limit --api-rate-limit 3/60

echo "-- rate limit over HTTP"
for i in 1 2 3; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port_limit/api/v1/config")
  [[ "$code" == 200 ]] || { echo "call $i: expected 200, got $code"; exit 1; }
done
headers=$(curl -s -D - -o "$work/429.json" "http://127.0.0.1:$port_limit/api/v1/config")
grep -q "^HTTP/1.1 429" <<< "$headers" || { echo "call 4: expected 429"; echo "$headers"; exit 1; }
grep -qi "^Retry-After: 20" <<< "$headers" || { echo "expected Retry-After: 20"; echo "$headers"; exit 1; }
grep -q '"too_many_requests"' "$work/429.json" || { echo "expected a JSON error"; exit 1; }
echo "ok: 3 calls, then 429 with Retry-After"

echo "-- browser and API-client tests"
cd "$root/tests/browser"
if [[ ! -d node_modules/@playwright/test || ! -d node_modules/jsonstat-toolkit || ! -d node_modules/xlsx ]]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error
fi
PUBLISH_BASE_URL="http://127.0.0.1:$port_demo" \
PUBLISH_SUPPRESSED_URL="http://127.0.0.1:$port_leak" \
PUBLISH_REV_PUBLISHED="$work/rev1.csv" PUBLISH_REV_UNPUBLISHED="$work/rev2.csv" \
PUBLISH_REPORT_PUBLISHED="$work/report1/ehalsa-2021-report.csv" PUBLISH_REPORT_UNPUBLISHED="$work/report2/ehalsa-2021-report.csv" \
PUBLISH_PANEL_URL="http://127.0.0.1:$port_panel" PUBLISH_PANEL_CLI="$work/panel.csv" \
PUBLISH_ADMIN_EMAIL=admin@e2e.test PUBLISH_ADMIN_PASSWORD="e2e summary admin" \
PUBLISH_CALENDAR_URL="http://127.0.0.1:$port_cal" PUBLISH_SCHEDULED_AT_SV="2099-12-31 kl. 09:00" \
PUBLISH_OUTPUT_DIR="$work/playwright" \
  npx playwright test --config publish.config.mjs
