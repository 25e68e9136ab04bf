#!/usr/bin/env bash
# Query benchmark: the API over a database of N generated articles (default 1,000,000), loaded with wrk at
# 32 connections (-t2 -c32, like the HTTP-stack ceiling figures) for a fixed set of requests.
# Usage: bench/query-benchmark.sh [N] [seconds per request, default 10]
# PostgreSQL: BENCH_POSTGRES='Host=127.0.0.1;Port=55432;Username=postgres' bench/query-benchmark.sh N
#   (a server such as the one `eval "$(bash .ci/postgres.sh)"` starts); the database articleapi_bench_N is made once.
# BENCH_NPGSQL='Max Auto Prepare=0' adds Npgsql settings to the API's connection string (not psql's).
# BENCH_CACHE=false (or true) runs one of the two passes (response cache off, then on) instead of both.
# BENCH_WARMUP: seconds of wrk on each URL before it is measured (default 2).
# Prints per request: requests/s, p50, p99, errors; then the server's peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
seconds=${2:-10}
work=${BENCH_DIR:-/tmp/articleapi-bench}
port=${BENCH_PORT:-5087}
mkdir -p "$work"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
for project in src/ArticleApi bench/ArticleApi.Generator bench/ArticleApi.Baseline; do dotnet build -c Release -nologo -v quiet "$project" >/dev/null; done
app=src/ArticleApi/bin/Release/net10.0/ArticleApi.dll
folder="$work/corpus-$n"
db="$work/query-$n.db"
if [ ! -f "$folder/.complete" ]; then
  rm -rf "$folder"
  dotnet bench/ArticleApi.Generator/bin/Release/net10.0/ArticleApi.Generator.dll "$folder" "$n" --seed 42
  touch "$folder/.complete"
fi
if [ -n "${BENCH_POSTGRES:-}" ]; then
  engine=PostgreSql
  connection="$BENCH_POSTGRES;Database=articleapi_bench_$n${BENCH_NPGSQL:+;$BENCH_NPGSQL}"
  pg="$(sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/' <<<"$BENCH_POSTGRES")"
  psql "$pg dbname=postgres" -qtc "SELECT 1 FROM pg_database WHERE datname = 'articleapi_bench_$n'" | grep -q 1 \
    || psql "$pg dbname=postgres" -qc "CREATE DATABASE articleapi_bench_$n"
  count=$(psql "$pg dbname=articleapi_bench_$n" -qtAc 'SELECT count(*) FROM "Articles"' 2>/dev/null || echo 0)
  if [ "$count" != "$n" ]; then
    /usr/bin/time -f "import: process %e s, peak RSS %M KB" dotnet "$app" import "$folder" --Database:Provider=PostgreSql \
      --ConnectionStrings:Articles="$connection" --Serilog:MinimumLevel:Default=Warning 2>&1 | grep -v '^\[' | head -3
  fi
else
  engine=Sqlite
  connection="Data Source=$db"
  if [ ! -f "$db.complete" ]; then
    rm -f "$db" "$db-wal" "$db-shm"
    dotnet "$app" import "$folder" --ConnectionStrings:Articles="$connection" --Serilog:MinimumLevel:Default=Warning 2>/dev/null | head -2
    touch "$db.complete"
  fi
fi

ASPNETCORE_URLS="http://127.0.0.1:$((port + 1))" dotnet bench/ArticleApi.Baseline/bin/Release/net10.0/ArticleApi.Baseline.dll >/dev/null 2>&1 &
baseline=$!
server=
trap 'kill $server $baseline 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$((port + 1))/page?bytes=16" >/dev/null && break; sleep 0.5; done

start_server() { # response cache on or off
  ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$app" --Database:Provider="$engine" --ConnectionStrings:Articles="$connection" --Import:Enabled=false --ResponseCache:Enabled="$1" \
    --Serilog:MinimumLevel:Default=Warning >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do curl -sf "$base/health/ready" >/dev/null && return; sleep 0.5; done
  echo "the server did not become ready"; exit 1
}

measure() { # label url
  local label=$1 url=$2 status size out rps p50 p99 errors socket
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
  size=$(curl -s "$url" | wc -c)
  # Warmed first (JIT, prepared statements, the page cache), so that the figure is the URL's and not the start's.
  wrk -t2 -c32 -d"${BENCH_WARMUP:-2}s" "$url" >/dev/null
  out=$(wrk -t2 -c32 -d"${seconds}s" --latency "$url")
  rps=$(grep -oP 'Requests/sec:\s+\K[0-9.]+' <<<"$out")
  p50=$(grep -oP '^\s+50%\s+\K\S+' <<<"$out")
  p99=$(grep -oP '^\s+99%\s+\K\S+' <<<"$out")
  errors=$(grep -oP 'Non-2xx or 3xx responses: \K[0-9]+' <<<"$out" || true)
  socket=$(grep -oP 'Socket errors: \K.*' <<<"$out" || true)
  printf '%-32s %10s %9s %9s %7s %8s %s\n' "$label" "$rps" "$p50" "$p99" "${errors:-0}" "$size" "${socket:+socket errors: $socket }${status/#200/}"
}

echo "machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $n articles on $engine; wrk -t2 -c32 -d${seconds}s --latency; $(date -u +%FT%TZ)"
printf '%-32s %10s %9s %9s %7s %8s\n' request req/s p50 p99 errors bytes
measure "ceiling: pre-rendered 18 KB" "http://127.0.0.1:$((port + 1))/page?bytes=18000"
measure "ceiling: pre-rendered 900 B" "http://127.0.0.1:$((port + 1))/page?bytes=900"

for cache in ${BENCH_CACHE:-false true}; do
  start_server "$cache"
  # The articles' columns (list pages, totals, facets) are read once per data version, seconds at 1,000,000 articles
  # on one core: a counting request waits for them, so that no measured request shares the machine with that read.
  curl -s -o /dev/null -w "counting columns read in %{time_total} s\n" "$base/articles?includeTotal=true&limit=1"
  id=$(curl -sf "$base/articles?limit=1" | grep -oP '"id":"\K[^"]+' | awk 'NR == 1')
  topic=$(curl -sf "$base/topics" | grep -oP '"slug":"\K[^"]+' | awk 'NR == 1')
  provider=$(curl -sf "$base/providers" | grep -oP '"domain":"\K[^"]+' | awk 'NR == 1')
  # A deep page: follow `next` 250 times (page 251 of the newest-first listing).
  deep="$base/articles?limit=20"
  # `next` is relative to the host unless Api:PublicBaseUrl is set.
  for _ in $(seq 1 250); do deep=$(curl -sf "$deep" | grep -oP '"next":"\K[^"]+' | sed 's/\\u0026/\&/g; s|^/|'"$base"'/|'); done
  echo "--- response cache: $cache (topic $topic, provider $provider)"
  measure "first page, newest first" "$base/articles"
  measure "published=true&minQuality=40" "$base/articles?published=true&minQuality=40"
  measure "one topic" "$base/articles?topic=$topic"
  measure "one provider by heat" "$base/providers/$provider/articles?sort=-heat"
  measure "full-text q=kubernetes" "$base/articles?q=kubernetes"
  measure "one article by id" "$base/articles/$id"
  measure "deep page (251) by cursor" "$deep"
  measure "facets topic,provider" "$base/articles?facets=topic,provider"
  echo "server memory: peak $(grep -oP 'VmHWM:\s+\K.*' /proc/$server/status), now $(grep -oP 'VmRSS:\s+\K.*' /proc/$server/status)"
  kill "$server"; wait "$server" 2>/dev/null || true
done
