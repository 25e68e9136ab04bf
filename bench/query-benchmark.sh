#!/usr/bin/env bash
# Query benchmark: the API over a database of N generated articles (default 1,000,000), loaded with wrk at
# 32 connections (-t2 -c32, like the HTTP-stack ceiling figures) for a fixed set of requests.
# Usage: bench/query-benchmark.sh [N] [seconds per request, default 10]
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
if [ ! -f "$db.complete" ]; then
  rm -f "$db" "$db-wal" "$db-shm"
  dotnet "$app" import "$folder" --ConnectionStrings:Articles="Data Source=$db" --Serilog:MinimumLevel:Default=Warning 2>/dev/null | head -2
  touch "$db.complete"
fi

ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$app" --ConnectionStrings:Articles="Data Source=$db" --Import:Enabled=false \
  --Serilog:MinimumLevel:Default=Warning --Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware=Warning \
  >"$work/server.log" 2>&1 &
server=$!
ASPNETCORE_URLS="http://127.0.0.1:$((port + 1))" dotnet bench/ArticleApi.Baseline/bin/Release/net10.0/ArticleApi.Baseline.dll >/dev/null 2>&1 &
baseline=$!
trap 'kill $server $baseline 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do curl -sf "$base/articles?limit=1" >/dev/null && break; sleep 0.5; done

id=$(curl -sf "$base/articles?limit=1" | grep -oP '"id":"\K[^"]+' | head -1)
topic=$(curl -sf "$base/topics" | grep -oP '"slug":"\K[^"]+' | head -1)
provider=$(curl -sf "$base/providers" | grep -oP '"domain":"\K[^"]+' | head -1)
# A deep page: follow `next` 250 times (page 251 of the newest-first listing).
deep="$base/articles?limit=20"
for _ in $(seq 1 250); do deep=$(curl -sf "$deep" | grep -oP '"next":"\K[^"]+' | sed 's/\\u0026/\&/g'); done

requests=(
  "ceiling: pre-rendered 18 KB|http://127.0.0.1:$((port + 1))/page?bytes=18000"
  "ceiling: pre-rendered 900 B|http://127.0.0.1:$((port + 1))/page?bytes=900"
  "first page, newest first|$base/articles"
  "published=true&minQuality=40|$base/articles?published=true&minQuality=40"
  "one topic|$base/articles?topic=$topic"
  "one provider by heat|$base/providers/$provider/articles?sort=-heat"
  "full-text q=kubernetes|$base/articles?q=kubernetes"
  "one article by id|$base/articles/$id"
  "deep page (251) by cursor|$deep"
  "facets topic,provider|$base/articles?facets=topic,provider"
)
echo "machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $n articles; wrk -t2 -c32 -d${seconds}s --latency; $(date -u +%FT%TZ)"
printf '%-30s %10s %9s %9s %7s %8s\n' request req/s p50 p99 errors bytes
for entry in "${requests[@]}"; do
  label=${entry%%|*}; url=${entry#*|}
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  size=$(curl -s "$url" | wc -c)
  out=$(wrk -t2 -c32 -d"${seconds}s" --latency "$url")
  rps=$(grep -oP 'Requests/sec:\s+\K[0-9.]+' <<<"$out")
  p50=$(grep -oP '^\s+50%\s+\K\S+' <<<"$out")
  p99=$(grep -oP '^\s+99%\s+\K\S+' <<<"$out")
  errors=$(grep -oP 'Non-2xx or 3xx responses: \K[0-9]+' <<<"$out" || true)
  socket=$(grep -oP 'Socket errors: \K.*' <<<"$out" || true)
  printf '%-30s %10s %9s %9s %7s %8s %s\n' "$label" "$rps" "$p50" "$p99" "${errors:-0}" "$size" "${socket:+socket errors: $socket}${status/#200/}"
done
echo "server peak RSS: $(grep -oP 'VmHWM:\s+\K.*' /proc/$server/status), now $(grep -oP 'VmRSS:\s+\K.*' /proc/$server/status)"
