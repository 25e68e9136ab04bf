#!/usr/bin/env bash
# What metrics cost: the repeated-URL requests of query-benchmark.sh (response cache on, its default) against the same
# database with Metrics:Enabled=false and =true, alternating, a fresh server per run, over several rounds; medians.
# With metrics on, /metrics is scraped on its own port once a second meanwhile (Prometheus's default is every 15 s).
# The order flips every round (off-on, on-off...) so that drift on a shared machine falls on both sides. Besides
# requests/s, the server's CPU time per request (utime + stime from /proc over the measured run): less swayed by other
# work on the machine than throughput is.
# Usage: bench/metrics-overhead.sh [N articles, default 100000] [rounds, default 5] [seconds per request, default 8]
# BENCH_WARMUP (default 5s): wrk's warm-up of each URL on each fresh server before anything is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
rounds=${2:-5}
seconds=${3:-8}
work=${BENCH_DIR:-/tmp/articleapi-bench}
port=${BENCH_PORT:-5087}
metrics_port=$((port + 2))
mkdir -p "$work"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
for project in src/ArticleApi bench/ArticleApi.Generator; do dotnet build -c Release -nologo -v quiet "$project" >/dev/null; done
app=src/ArticleApi/bin/Release/net10.0/ArticleApi.dll
# The same corpus and database as query-benchmark.sh at this N.
folder="$work/corpus-$n"
db="$work/query-$n.db"
if [ ! -f "$folder/.complete" ]; then
  rm -rf "$folder"
  dotnet bench/ArticleApi.Generator/bin/Release/net10.0/ArticleApi.Generator.dll "$folder" "$n" --seed 42
  touch "$folder/.complete"
fi
if [ ! -f "$db.complete" ]; then
  rm -f "$db" "$db-wal" "$db-shm"
  dotnet "$app" import "$folder" --ConnectionStrings:Articles="Data Source=$db" --Serilog:MinimumLevel:Default=Warning 2>/dev/null | head -2
  touch "$db.complete"
fi

server="" scraper=""
stop() {
  [ -z "$scraper" ] || { kill "$scraper" 2>/dev/null || true; wait "$scraper" 2>/dev/null || true; scraper=""; }
  [ -z "$server" ] || { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; }
}
trap stop EXIT
base="http://127.0.0.1:$port"

start_server() { # metrics on: true or false
  ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$app" --ConnectionStrings:Articles="Data Source=$db" --Import:Enabled=false \
    --Metrics:Enabled="$1" --Metrics:Port="$metrics_port" --Serilog:MinimumLevel:Default=Warning >"$work/metrics-server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do curl -sf "$base/health/ready" >/dev/null && break; sleep 0.5; done
  curl -sf "$base/health/ready" >/dev/null || { echo "the server did not become ready"; cat "$work/metrics-server.log"; exit 1; }
  if [ "$1" = true ]; then
    curl -sf "http://127.0.0.1:$metrics_port/metrics" -o /dev/null || { echo "no /metrics on port $metrics_port"; exit 1; }
    (while sleep 1; do curl -s "http://127.0.0.1:$metrics_port/metrics" -o /dev/null; done) &
    scraper=$!
  fi
}

ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
# Prints requests/s and the server's CPU microseconds per request.
measure() {
  local before out after
  before=$(ticks)
  out=$(wrk -t2 -c32 -d"$1" "$2")
  after=$(ticks)
  awk -v rps="$(grep -oP 'Requests/sec:\s+\K[0-9.]+' <<<"$out")" -v n="$(grep -oP '^\s+\K[0-9]+(?= requests in)' <<<"$out")" \
    -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%s %.1f\n", rps, t * 1e6 / hz / n }'
}

labels=("first page" "full-text q=kubernetes" "one article by id")
declare -A results=() cpus=()
echo "machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $n articles on Sqlite; response cache on; wrk -t2 -c32 -d${seconds}s after ${BENCH_WARMUP:-5s} of each URL; $rounds rounds; $(date -u +%FT%TZ)"
for round in $(seq 1 "$rounds"); do
  order=(false true)
  [ $((round % 2)) -eq 1 ] || order=(true false)
  for metrics in "${order[@]}"; do
    start_server "$metrics"
    id=$(curl -sf "$base/articles?limit=1" | grep -oP '"id":"\K[^"]+' | awk 'NR == 1')
    urls=("$base/articles" "$base/articles?q=kubernetes" "$base/articles/$id")
    line="round $round metrics=$metrics:"
    # Warm-up of every URL first: the JIT's tiers (OpenTelemetry's assemblies are not precompiled, so with metrics on
    # the first seconds compile more) and the response cache.
    for url in "${urls[@]}"; do measure "${BENCH_WARMUP:-5s}" "$url" >/dev/null; done
    for i in "${!urls[@]}"; do
      read -r value cpu < <(measure "${seconds}s" "${urls[$i]}")
      results["$i|$metrics"]+="$value "
      cpus["$i|$metrics"]+="$cpu "
      line+=" ${labels[$i]} $value req/s, $cpu us CPU/req;"
    done
    echo "$line"
    stop
  done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "medians over $rounds rounds"
printf '%-26s %10s %10s %9s %12s %12s %9s\n' request "off req/s" "on req/s" "req/s" "off us CPU" "on us CPU" "CPU"
for i in "${!labels[@]}"; do
  off=$(median <<<"${results["$i|false"]}") on=$(median <<<"${results["$i|true"]}")
  coff=$(median <<<"${cpus["$i|false"]}") con=$(median <<<"${cpus["$i|true"]}")
  printf '%-26s %10.0f %10.0f %8.1f%% %12.1f %12.1f %8.1f%%\n' "${labels[$i]}" "$off" "$on" "$(awk -v a="$off" -v b="$on" 'BEGIN { print (b - a) / a * 100 }')" \
    "$coff" "$con" "$(awk -v a="$coff" -v b="$con" 'BEGIN { print (b - a) / a * 100 }')"
done
