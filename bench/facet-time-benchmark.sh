#!/usr/bin/env bash
# Time facets (facets=month, facets=year) against the same page without them and with an older facet (type): one request at a time, response cache
# off, each URL 7 times after one warm-up; prints the median and the fastest in ms (curl's time_total).
# Usage: bench/facet-time-benchmark.sh [N, default 100000]
# BENCH_DIR (default /tmp/articleapi-bench) holds the corpus and database, BENCH_PORT (default 5087) the API's port.
# PostgreSQL: BENCH_POSTGRES='Host=127.0.0.1;Port=55432;Username=postgres' as in bench/query-benchmark.sh.
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
  if [ "$(psql "$pg dbname=articleapi_bench_$n" -qtAc 'SELECT count(*) FROM "Articles"' 2>/dev/null || echo 0)" != "$n" ]; then
    dotnet "$app" import "$folder" --Database:Provider=PostgreSql --ConnectionStrings:Articles="$connection" --Serilog:MinimumLevel:Default=Warning | head -2
  fi
else
  engine=Sqlite
  db="$work/query-$n.db"
  connection="Data Source=$db"
  if [ ! -f "$db.complete" ]; then
    rm -f "$db" "$db-wal" "$db-shm"
    dotnet "$app" import "$folder" --ConnectionStrings:Articles="$connection" --Serilog:MinimumLevel:Default=Warning | head -2
    touch "$db.complete"
  fi
fi

base="http://127.0.0.1:$port"
ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Production dotnet "$app" --Database:Provider="$engine" --ConnectionStrings:Articles="$connection" \
  --Import:Enabled=false --ResponseCache:Enabled=false --Serilog:MinimumLevel:Default=Warning >"$work/facet-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "$base/health/ready" >/dev/null && break; sleep 0.5; done
topic=$(curl -sf "$base/topics" | grep -oP '"slug":"\K[^"]+' | awk 'NR == 1')
provider=$(curl -sf "$base/providers" | grep -oP '"domain":"\K[^"]+' | awk 'NR == 1')

time_url() { # label path
  local times status
  status=$(curl -s -o /dev/null -w '%{http_code}' "$base$2")
  times=$(for _ in 1 2 3 4 5 6 7; do curl -s -o /dev/null -w '%{time_total}\n' "$base$2"; done | sort -n)
  printf '%-44s %8.1f %8.1f  %s\n' "$1" "$(awk 'NR == 4 { print $1 * 1000 }' <<<"$times")" "$(awk 'NR == 1 { print $1 * 1000 }' <<<"$times")" "${status/#200/}"
}

echo "machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $n articles on $engine; response cache off; $(date -u +%FT%TZ)"
printf '%-44s %8s %8s\n' "request (limit=1)" "median" "fastest"
for filter in "" "published=true&" "topic=$topic&" "provider=$provider&" "from=2024-01-01&to=2024-12-31&" "q=kubernetes&"; do
  time_url "${filter:-(no filter) }no facet" "/articles?${filter}limit=1"
  time_url "${filter:-(no filter) }facets=month" "/articles?${filter}facets=month&limit=1"
  time_url "${filter:-(no filter) }facets=year" "/articles?${filter}facets=year&limit=1"
  time_url "${filter:-(no filter) }facets=type (for comparison)" "/articles?${filter}facets=type&limit=1"
done
