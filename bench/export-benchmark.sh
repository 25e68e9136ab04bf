#!/usr/bin/env bash
# Export benchmark: the API over a database of N generated articles (default 100,000; the same corpus and database
# as bench/query-benchmark.sh), then whole-result exports (NDJSON and CSV, with and without filters) read by curl
# while the server's resident memory is sampled every 0.2 s.
# Usage: bench/export-benchmark.sh [N]     BENCH_DIR (default /tmp/articleapi-bench), BENCH_PORT (default 5087).
# PostgreSQL: BENCH_POSTGRES='Host=127.0.0.1;Port=55432;Username=postgres' (database articleapi_bench_N, made once).
# Prints per export: rows, bytes, seconds, rows/s, the highest RSS sampled during it and the process's peak RSS after.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
work=${BENCH_DIR:-/tmp/articleapi-bench}
port=${BENCH_PORT:-5087}
mkdir -p "$work"
for project in src/ArticleApi bench/ArticleApi.Generator; do dotnet build -c Release -nologo -v quiet "$project" >/dev/null; done
app=src/ArticleApi/bin/Release/net10.0/ArticleApi.dll
folder="$work/corpus-$n"
if [ ! -f "$folder/.complete" ]; then
  rm -rf "$folder"
  dotnet bench/ArticleApi.Generator/bin/Release/net10.0/ArticleApi.Generator.dll "$folder" "$n" --seed 42
  touch "$folder/.complete"
fi
if [ -n "${BENCH_POSTGRES:-}" ]; then
  engine=PostgreSql
  connection="$BENCH_POSTGRES;Database=articleapi_bench_$n"
  pg="$(sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/' <<<"$BENCH_POSTGRES")"
  psql "$pg dbname=postgres" -qtc "SELECT 1 FROM pg_database WHERE datname = 'articleapi_bench_$n'" | grep -q 1 \
    || psql "$pg dbname=postgres" -qc "CREATE DATABASE articleapi_bench_$n"
  count=$(psql "$pg dbname=articleapi_bench_$n" -qtAc 'SELECT count(*) FROM "Articles"' 2>/dev/null || echo 0)
  [ "$count" = "$n" ] || dotnet "$app" import "$folder" --Database:Provider=PostgreSql --ConnectionStrings:Articles="$connection" \
    --Serilog:MinimumLevel:Default=Warning 2>/dev/null | head -2
else
  engine=Sqlite
  db="$work/query-$n.db"
  connection="Data Source=$db"
  if [ ! -f "$db.complete" ]; then
    rm -f "$db" "$db-wal" "$db-shm"
    dotnet "$app" import "$folder" --ConnectionStrings:Articles="$connection" --Serilog:MinimumLevel:Default=Warning 2>/dev/null | head -2
    touch "$db.complete"
  fi
fi

base="http://127.0.0.1:$port"
ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$app" --Database:Provider="$engine" --ConnectionStrings:Articles="$connection" --Import:Enabled=false \
  --Serilog:MinimumLevel:Default=Warning >"$work/export-server.log" 2>&1 &
server=$!
sampler=
trap 'kill $sampler $server 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "$base/health/ready" >/dev/null && break; sleep 0.5; done
rss() { grep -oP "$1:\s+\K[0-9]+" "/proc/$server/status"; }

topic=$(curl -sf "$base/topics" | grep -oP '"slug":"\K[^"]+' | awk 'NR == 1')
# Warm up: JIT the list, feed and export paths on a small result before measuring.
curl -sf "$base/articles?limit=100" >/dev/null
curl -sf "$base/articles?format=csv&minQuality=80&maxQuality=80" >/dev/null
curl -sf "$base/articles?format=ndjson&minQuality=80&maxQuality=80" >/dev/null
echo "machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $n articles on $engine; $(date -u +%FT%TZ)"
echo "server after warm-up: RSS $(( $(rss VmRSS) / 1024 )) MB, peak $(( $(rss VmHWM) / 1024 )) MB"
printf '%-44s %9s %11s %8s %9s %12s %12s\n' export rows bytes seconds rows/s "max RSS MB" "peak RSS MB"

measure() { # label path
  local label=$1 url="$base$2" out rows bytes seconds max
  : >"$work/rss-samples"
  ( while kill -0 "$server" 2>/dev/null; do rss VmRSS >>"$work/rss-samples"; sleep 0.2; done ) &
  sampler=$!
  start=$(date +%s.%N)
  out=$(curl -sf "$url" | tee >(wc -c >"$work/bytes") | wc -l)
  seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  rows=$out
  sleep 0.1
  bytes=$(cat "$work/bytes")
  max=$(sort -n "$work/rss-samples" | tail -1)
  printf '%-44s %9s %11s %8s %9.0f %12s %12s\n' "$label" "$rows" "$bytes" "$seconds" "$(awk -v r="$rows" -v s="$seconds" 'BEGIN { print r / s }')" \
    "$(( max / 1024 ))" "$(( $(rss VmHWM) / 1024 ))"
}

measure "ndjson, everything (newest first)" "/articles?format=ndjson"
measure "csv, everything (newest first)" "/articles?format=csv"
measure "csv, everything by -quality" "/articles?format=csv&sort=-quality"
measure "ndjson, published=true&minQuality=40" "/articles?format=ndjson&published=true&minQuality=40"
measure "ndjson, topic $topic" "/topics/$topic/articles?format=ndjson"
measure "csv, q=kubernetes" "/articles?format=csv&q=kubernetes"
echo "(rows are lines: a CSV's header is one of them)"
