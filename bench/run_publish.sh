#!/usr/bin/env bash
# Benchmark of the open API's hot path (not a test): requests per second and p99 latency of a
# cached JSON-stat answer under 64 concurrent connections, side by side in the same run with
# nginx (Debian) serving the same bytes as a static file, with the same load generator (wrk).
# Writes the table into docs/benchmarks.md ("Public API" section).
#
# Usage: bench/run_publish.sh [BUILD_DIR] [DB]
#   DB: a database with published key figures (default: a fresh one from scripts/publish-demo.sh)
# Environment: DURATION (s, default 10), CONNECTIONS (64), THREADS (wrk threads, 2),
#              SERVER_THREADS (digipuls serve --threads, 1 as nginx has 1 worker), ROUNDS (alternating rounds, 3),
#              URL_PATH (default: the first key figure's data as JSON-stat).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
[[ -x "$build/digipuls" ]] || { cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null; cmake --build "$build" -j"$(nproc)" --target digipuls; }
bin=$(realpath "$build/digipuls")
duration=${DURATION:-10}; conns=${CONNECTIONS:-64}; wthreads=${THREADS:-2}; sthreads=${SERVER_THREADS:-1}
rounds=${ROUNDS:-5}
for tool in wrk nginx curl; do command -v $tool >/dev/null || { echo "needs $tool (scripts/install-deps.sh --test)"; exit 1; }; done

work=$(mktemp -d)
chmod 755 "$work"  # nginx workers run as nobody: a 0700 prefix would answer 403 to everything
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

db=${2:-}
if [[ -z "$db" ]]; then
  db="$work/bench.db"
  "$bin" init --db "$db" > /dev/null
  "$root/scripts/publish-demo.sh" "$bin" "$db" > /dev/null
fi

# A port nobody listens on (for nginx; digipuls picks its own with --port 0).
free_port() {
  for p in $(shuf -i 20000-60000 -n 50); do (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo "$p"; return; }; done
  echo "no free port" >&2; exit 1
}
wait_http() { for _ in $(seq 100); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done; echo "no answer from $1"; exit 1; }

# Digipuls, with a rate limit far above the load so the limiter runs but never refuses.
"$bin" serve --db "$db" --port 0 --threads "$sthreads" --api-rate-limit 1000000000/1 --access-log off 2> "$work/serve.log" &
pids+=($!)
dport=""
for _ in $(seq 100); do
  dport=$(sed -n 's|.*serving on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log"); [[ -n "$dport" ]] && break; sleep 0.1
done
wait_http "http://127.0.0.1:$dport/healthz"
if [[ -z "${URL_PATH:-}" ]]; then
  # The first key figure, from its self link.
  kf=$(curl -fs "http://127.0.0.1:$dport/api/v1/keyfigures" | grep -o '/api/v1/keyfigures/[^"/]*"' | head -1 | sed 's|.*/||; s|"||')
  URL_PATH=${kf:+/api/v1/keyfigures/$kf/data?format=jsonstat}
  URL_PATH=${URL_PATH:-/api/v1/organisations}
fi
durl="http://127.0.0.1:$dport$URL_PATH"

# nginx: the same bytes as a static file, same content type.
mkdir -p "$work"/{html,logs,tmp}
curl -fs "$durl" -o "$work/html/data.json"
bytes=$(stat -c %s "$work/html/data.json")
nport=$(free_port)
cat > "$work/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid nginx.pid;
error_log logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path tmp/body;  proxy_temp_path tmp/proxy;  fastcgi_temp_path tmp/fastcgi;
  uwsgi_temp_path tmp/uwsgi;       scgi_temp_path tmp/scgi;
  sendfile on;
  keepalive_requests 1000000;
  types { application/json json; }
  server { listen 127.0.0.1:$nport; root html; }
}
NGINX
nginx -p "$work" -c nginx.conf -e logs/error.log &
pids+=($!)
nurl="http://127.0.0.1:$nport/data.json"
wait_http "$nurl"
cmp <(curl -fs "$durl") <(curl -fs "$nurl") || { echo "the two servers answer different bytes"; exit 1; }

# One wrk run: prints "rps p99_ms"; a non-2xx answer fails the benchmark.
run() {
  local out
  out=$(wrk -t"$wthreads" -c"$conns" -d"${duration}s" --latency "$1")
  if grep -q "Non-2xx" <<< "$out"; then echo "$out" >&2; echo "non-2xx answers from $1" >&2; exit 1; fi
  local rps p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<< "$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' <<< "$out")
  echo "$rps $p99"
}
# Warm both (the first digipuls request fills its cache), then alternate rounds.
wrk -t1 -c4 -d2s "$durl" > /dev/null; wrk -t1 -c4 -d2s "$nurl" > /dev/null
d_rps=(); d_p99=(); n_rps=(); n_p99=()
for r in $(seq "$rounds"); do
  read -r a b < <(run "$nurl"); n_rps+=("$a"); n_p99+=("$b")
  read -r a b < <(run "$durl"); d_rps+=("$a"); d_p99+=("$b")
  echo "round $r: nginx ${n_rps[-1]} req/s p99 ${n_p99[-1]} ms | digipuls ${d_rps[-1]} req/s p99 ${d_p99[-1]} ms"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
dr=$(median "${d_rps[@]}"); dp=$(median "${d_p99[@]}"); nr=$(median "${n_rps[@]}"); np=$(median "${n_p99[@]}")
ratio=$(awk -v a="$dr" -v b="$nr" 'BEGIN {printf "%.2f", a/b}')
echo "median: nginx $nr req/s (p99 $np ms), digipuls $dr req/s (p99 $dp ms), ratio $ratio"

# Into docs/benchmarks.md, replacing the previous run's section.
doc="$root/docs/benchmarks.md"
[[ -f "$doc" ]] || printf '# Benchmarks\n\nMeasured on the project machine; each section says how to repeat it.\n' > "$doc"
cpu=$(lscpu 2>/dev/null | awk -F: '/Model name/ {gsub(/^ +/,"",$2); print $2; exit}')
section=$(cat <<MD
<!-- publish-http:begin -->
## Public API: cached JSON-stat answer vs nginx

What: \`GET $URL_PATH\` ($bytes bytes of JSON-stat, identity encoding), answered from Digipuls'
cache of encoded responses (keyed by URL and data revision), against nginx $(nginx -v 2>&1 | sed 's/.*nginx\///') serving the same
bytes as a static file. Same load generator and settings for both, alternating rounds, medians.

- Date: $(date -u +%Y-%m-%d)
- Machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB; server, nginx (1 worker) and wrk share the cores
- Command: \`bench/run_publish.sh build\` — wrk -t$wthreads -c$conns -d${duration}s --latency, $rounds rounds each;
  \`digipuls serve --threads $sthreads --api-rate-limit 1000000000/1\` (the limiter runs on every request)

| Server | Requests/s (median) | p99 latency (ms) |
|---|---:|---:|
| nginx (static file) | $nr | $np |
| Digipuls (cached JSON-stat) | $dr | $dp |
| **Ratio Digipuls / nginx** | **$ratio** | |

Target: at least 0.7. Rounds: nginx ${n_rps[*]}; Digipuls ${d_rps[*]} (req/s).

The machine is shared (other builds may run at the same time), so single rounds can vary by a
third; alternating rounds and medians keep the comparison fair. How the hot path stays cheap: an
answer is encoded once per data revision (JSON-stat, its ETag and its gzip) and kept in memory,
keyed by URL and revision (\`src/publish/response_cache.h\`); a request costs a cache lookup, and
the server writes the shared body without copying it (\`web::Response::shared_body\`).
<!-- publish-http:end -->
MD
)
if grep -q '<!-- publish-http:begin -->' "$doc"; then
  awk -v section="$section" '
    /<!-- publish-http:begin -->/ {print section; skip = 1; next}
    /<!-- publish-http:end -->/ {skip = 0; next}
    !skip {print}' "$doc" > "$doc.new" && mv "$doc.new" "$doc"
else
  printf '\n%s\n' "$section" >> "$doc"
fi
echo "written to docs/benchmarks.md"
