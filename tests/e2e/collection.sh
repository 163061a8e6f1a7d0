#!/usr/bin/env bash
# Browser tests of the collection: Playwright + axe-core in the system Chromium, against the real
# server with real mail through a real SMTP sink (maildev from npm), each on a free port.
# Usage: tests/e2e/collection.sh /path/to/digipuls
set -euo pipefail
bin=$(realpath "$1"); shift
root=$(cd "$(dirname "$0")/../.." && pwd)
browser="$root/tests/browser"
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [[ "${KEEP_E2E:-}" == "1" ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if ! command -v node >/dev/null || [[ ! -x /usr/bin/chromium ]]; then
  echo "collection.sh: needs node and /usr/bin/chromium (scripts/install-deps.sh --test)" >&2
  exit 1
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [[ ! -d "$browser/node_modules/@playwright/test" ]]; then
  (cd "$browser" && (npm ci --no-audit --no-fund || npm install --no-audit --no-fund)) >"$work/npm.log" 2>&1 ||
    { cat "$work/npm.log" >&2; exit 1; }
fi

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
wait_for() {  # url, name, log
  for _ in $(seq 1 200); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "$2 did not start:" >&2; cat "$3" >&2; exit 1
}

# Two calls may return the same free port: ask until the three differ.
smtp_port=$(free_port); mail_web=$(free_port); port=$(free_port)
while [[ "$mail_web" == "$smtp_port" ]]; do mail_web=$(free_port); done
while [[ "$port" == "$smtp_port" || "$port" == "$mail_web" ]]; do port=$(free_port); done
db="$work/e2e.db"
"$bin" init --db "$db" >/dev/null 2>&1
echo "e2e admin password" | "$bin" users add --db "$db" --email admin@e2e.test --role admin --name "E2E-admin" --password-stdin >/dev/null 2>&1
"$bin" campaigns open --db "$db" --campaign ehalsa-2021 2>/dev/null
# The closing date is enforced; the bundled 2021 round closed in 2021, so it closes in two months here.
"$bin" campaigns schedule --db "$db" --campaign ehalsa-2021 --closes "$(date -u -d '+60 days' +%F)" 2>/dev/null

node "$browser/node_modules/.bin/maildev" --smtp "$smtp_port" --web "$mail_web" --ip 127.0.0.1 --web-ip 127.0.0.1 \
  >"$work/maildev.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$mail_web/api/healthz" maildev "$work/maildev.log"

# E-mailed links need the port before the server starts, so it is chosen here; should another
# process take it first, choose again.
for attempt in 1 2 3; do
  DIGIPULS_SMTP_URL="smtp://127.0.0.1:$smtp_port" DIGIPULS_MAIL_FROM="Digipuls <noreply@e2e.test>" \
    "$bin" serve --db "$db" --port "$port" --base-url "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$server_pid" 2>/dev/null; then break; fi
  grep -q "Address already in use" "$work/server.log" || break
  port=$(free_port)
done
pids+=("$server_pid")
wait_for "http://127.0.0.1:$port/healthz" digipuls "$work/server.log"

export DIGIPULS_URL="http://127.0.0.1:$port" MAILDEV_URL="http://127.0.0.1:$mail_web" DIGIPULS_DB="$db" DIGIPULS_BIN="$bin"
export ADMIN_EMAIL=admin@e2e.test ADMIN_PASSWORD="e2e admin password"
cd "$browser"
if ! npx playwright test --config collection.config.mjs "$@"; then
  echo "--- server log" >&2; tail -50 "$work/server.log" >&2
  exit 1
fi
