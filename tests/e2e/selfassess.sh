#!/usr/bin/env bash
# End-to-end browser test of the self-assessment workshop (tests/browser/selfassess.test.mjs) in
# real Chromium against a real server on a free loopback port.
# Usage: tests/e2e/selfassess.sh path/to/digipuls
set -euo pipefail
bin=$(realpath "${1:?usage: $0 path/to/digipuls}")
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
tmp=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

if [[ ! -x /usr/bin/chromium ]]; then
  echo "selfassess e2e: installing Debian's chromium" >&2
  apt-get install -y chromium >/dev/null
fi
if [[ ! -d tests/browser/node_modules/playwright-core || ! -d tests/browser/node_modules/axe-core ]]; then
  (cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >/dev/null)
fi

db="$tmp/selfassess.db"
"$bin" init --db "$db" >/dev/null 2>"$tmp/init.log" || { cat "$tmp/init.log" >&2; exit 1; }
# The facilitator: a respondent account of Stockholm (0180).
export SA_EMAIL="facilitator@stockholm.example.se" SA_PASSWORD="workshop-Passw0rd-2025"
"$bin" users add --db "$db" --email "$SA_EMAIL" --name "Facilitator" --role respondent --org 0180 \
  --password-stdin <<<"$SA_PASSWORD" >/dev/null

"$bin" serve --db "$db" --host 127.0.0.1 --port 0 --threads 2 >"$tmp/serve.log" 2>&1 &
server_pid=$!
port=
for _ in $(seq 1 100); do
  port=$(sed -n 's|.*serving on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$tmp/serve.log" | head -1)
  [[ -n "$port" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/serve.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$port" ]] || { echo "selfassess e2e: the server did not start" >&2; cat "$tmp/serve.log" >&2; exit 1; }

BASE_URL="http://127.0.0.1:$port" SA_OUT="${SA_OUT:-$tmp}" node --test tests/browser/selfassess.test.mjs
