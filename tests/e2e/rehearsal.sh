#!/usr/bin/env bash
# The national round, rehearsed (issue 16): one whole survey year over HTTP against the real
# server, with real mail through a real SMTP sink (maildev), at a reduced size for CI. The driver
# is tests/e2e/rehearsal.mjs (what it does and checks is described there and in
# docs/collection.md, "Rehearsing a round"). bench/run_rehearsal.sh runs it at full size.
# Usage: tests/e2e/rehearsal.sh /path/to/digipuls
#   REHEARSAL_ORGS (30), REHEARSAL_CONTRIBUTORS (3), REHEARSAL_PARALLEL (10): the size;
#   REHEARSAL_REPORT=FILE: the figures as JSON; KEEP_E2E=1 keeps the work directory.
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

for tool in node sqlite3 curl; do
  command -v "$tool" >/dev/null || { echo "rehearsal.sh: needs $tool (scripts/install-deps.sh --test)" >&2; exit 1; }
done
if [[ ! -d "$browser/node_modules/maildev" ]]; then
  (cd "$browser" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund) >"$work/npm.log" 2>&1 ||
    { cat "$work/npm.log" >&2; exit 1; }
fi

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
wait_for() {  # url, name, log
  for _ in $(seq 1 200); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "$2 did not start:" >&2; cat "$3" >&2; exit 1
}

# A setup step's output only when it fails, then with the command.
quiet() {
  local out
  out=$("$@" 2>&1) || { echo "rehearsal.sh: failed: $*" >&2; echo "$out" >&2; exit 1; }
}
campaign=ehalsa-2021
db="$work/rehearsal.db"
quiet "$bin" init --db "$db"
echo "rehearsal admin password" | quiet "$bin" users add --db "$db" --email admin@rehearsal.test --role admin --name "Analytiker" \
  --password-stdin
# The answers the contributors will type: generated on a scratch copy (two seeds, so that every
# municipality has a complete response in one of them).
answers=""
for seed in 2023 2024; do
  cp "$db" "$work/scratch.db"
  quiet "$bin" generate --db "$work/scratch.db" --campaign "$campaign" --seed "$seed"
  "$bin" responses export --db "$work/scratch.db" --campaign "$campaign" > "$work/answers-$seed.csv"
  answers+="${answers:+,}$work/answers-$seed.csv"
done
rm -f "$work"/scratch.db*
# This year's round: open from today, closing in two weeks.
quiet "$bin" campaigns schedule --db "$db" --campaign "$campaign" --opens "$(date -u +%F)" --closes "$(date -u -d '+14 days' +%F)"
quiet "$bin" campaigns open --db "$db" --campaign "$campaign"

smtp_port=$(free_port); mail_web=$(free_port); port=$(free_port)
while [[ "$mail_web" == "$smtp_port" ]]; do mail_web=$(free_port); done
while [[ "$port" == "$smtp_port" || "$port" == "$mail_web" ]]; do port=$(free_port); done
node "$browser/node_modules/.bin/maildev" --smtp "$smtp_port" --web "$mail_web" --ip 127.0.0.1 --web-ip 127.0.0.1 \
  >"$work/maildev.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$mail_web/api/healthz" maildev "$work/maildev.log"

# Listening on every loopback address, so that clients bound to 127.0.x.y reach it; the limits
# are the defaults (docs/security.md, "Limits").
for attempt in 1 2 3; do
  DIGIPULS_SMTP_URL="smtp://127.0.0.1:$smtp_port" DIGIPULS_MAIL_FROM="Digipuls <noreply@rehearsal.test>" \
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
export SERVER_PID="$server_pid" ADMIN_EMAIL=admin@rehearsal.test ADMIN_PASSWORD="rehearsal admin password"
export CAMPAIGN="$campaign" ANSWERS="$answers" WORK="$work"
if ! node "$root/tests/e2e/rehearsal.mjs"; then
  echo "--- server log (last 40 lines)" >&2; tail -40 "$work/server.log" >&2
  exit 1
fi
# The server's own log too: an answer the driver did not see (a closed connection) is there.
if grep -Eq '"status":5[0-9][0-9]' "$work/server.log"; then
  echo "rehearsal: the server logged 5xx answers:" >&2; grep -E '"status":5[0-9][0-9]' "$work/server.log" | head -20 >&2
  exit 1
fi
