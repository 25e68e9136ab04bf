#!/usr/bin/env bash
# Distinct-request benchmark: every request differs (random real ids, filter x sort combinations, topics, providers,
# deep cursors, title words; see bench/distinct.lua), so the response cache cannot help and it is switched off. Each
# family is loaded with wrk -t2 -c32 after a warm-up of every family; the HTTP ceiling of bench/ArticleApi.Baseline is
# measured in the same run.
# Usage: bench/distinct-benchmark.sh [N, default 1000000] [seconds per family, default 10]
# BENCH_DIR (default /tmp/articleapi-bench) holds corpora, databases and lists; BENCH_PORT (default 5087) the API's port
# (the baseline takes the next one). BENCH_FAMILIES="article filter" runs some families only; the issue-19 families
# (feed export fields timefacets searchin exclude popularity popcursor) run when named there.
# BENCH_WARMUP: seconds of warm-up per family (default 2). BENCH_SKIP_ALONE=1 leaves out the one-request-at-a-time filter x sort sweep.
# BENCH_PAGES=Off finds list pages through SQL only (Lists:PagesFromColumns; default WhenRead), to compare both plans.
# BENCH_ITEMS_MIB=0 keeps no list item as JSON (Lists:RenderedItemsMiB; default 64): every page reads and serializes its rows.
# PostgreSQL: BENCH_POSTGRES='Host=127.0.0.1;Port=55432;Username=postgres' as in bench/query-benchmark.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
seconds=${2:-10}
work=${BENCH_DIR:-/tmp/articleapi-bench}
port=${BENCH_PORT:-5087}
families=${BENCH_FAMILIES:-article filter topic provider cursor search facets total backlinks topics providers scopedfacets scopedtotal}
mkdir -p "$work"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
for project in src/ArticleApi bench/ArticleApi.Generator bench/ArticleApi.Baseline; do dotnet build -c Release -nologo -v quiet "$project" >/dev/null; done
app=src/ArticleApi/bin/Release/net10.0/ArticleApi.dll
folder="$work/corpus-$n"
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
  if [ "$(psql "$pg dbname=articleapi_bench_$n" -qtAc 'SELECT count(*) FROM "Articles"' 2>/dev/null || echo 0)" != "$n" ]; then
    dotnet "$app" import "$folder" --Database:Provider=PostgreSql --ConnectionStrings:Articles="$connection" --Serilog:MinimumLevel:Default=Warning | head -2
  fi
  sql() { psql "$pg dbname=articleapi_bench_$n" -qtAc "$1"; }
  lists="$work/lists-pg-$n"
else
  engine=Sqlite
  db="$work/query-$n.db"
  connection="Data Source=$db"
  if [ ! -f "$db.complete" ]; then
    rm -f "$db" "$db-wal" "$db-shm"
    dotnet "$app" import "$folder" --ConnectionStrings:Articles="$connection" --Serilog:MinimumLevel:Default=Warning | head -2
    touch "$db.complete"
  fi
  command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
  sql() { sqlite3 -readonly "$db" "$1"; }
  lists="$work/lists-sqlite-$n"
fi

# The lists requests are built from, taken once from the database (random rows: the whole range, not the first page).
if [ ! -f "$lists/.complete" ]; then
  mkdir -p "$lists"
  sql 'SELECT "Id" FROM "Articles" ORDER BY random() LIMIT 5000' >"$lists/ids.txt"
  sql 'SELECT "Slug" FROM "Topics"' >"$lists/topics.txt"
  sql 'SELECT "Domain" FROM "Providers" ORDER BY random() LIMIT 1000' >"$lists/providers.txt"
  # A cursor of the newest-first list at a random dated article: base64url of ["-publishedDateTime","<ms>","<id>"].
  sql 'SELECT "PublishedDateTime" || '"'|'"' || "Id" FROM "Articles" WHERE "PublishedDateTime" IS NOT NULL ORDER BY random() LIMIT 5000' \
    | python3 -c 'import sys, base64, json
for line in sys.stdin:
    ms, id = line.rstrip("\n").split("|", 1)
    print(base64.urlsafe_b64encode(json.dumps(["-publishedDateTime", ms, id], separators=(",", ":")).encode()).decode().rstrip("="))' >"$lists/cursors.txt"
  sql 'SELECT "Title" FROM "Articles" ORDER BY random() LIMIT 2000' | tr -cs '[:alpha:]' '\n' | awk 'length($0) >= 4' | tr '[:upper:]' '[:lower:]' | sort -u >"$lists/words.txt"
  touch "$lists/.complete"
fi
# Deep cursors of sort=popularity at random articles: base64url of ["popularity","<heat>:<recency>","<id>"].
if [ ! -s "$lists/popcursors.txt" ]; then
  sql 'SELECT COALESCE(CAST("Heat" AS TEXT), '"''"') || '"':'"' || COALESCE("PublishedDateTime", -62135596800001) || '"'|'"' || "Id" FROM "Articles" ORDER BY random() LIMIT 5000' \
    | python3 -c 'import sys, base64, json
for line in sys.stdin:
    position, id = line.rstrip("\n").split("|", 1)
    print(base64.urlsafe_b64encode(json.dumps(["popularity", position, id], separators=(",", ":")).encode()).decode().rstrip("="))' >"$lists/popcursors.txt"
fi

ASPNETCORE_URLS="http://127.0.0.1:$((port + 1))" dotnet bench/ArticleApi.Baseline/bin/Release/net10.0/ArticleApi.Baseline.dll >/dev/null 2>&1 &
baseline=$!
ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$app" --Database:Provider="$engine" --ConnectionStrings:Articles="$connection" --Import:Enabled=false --ResponseCache:Enabled=false \
  --Lists:PagesFromColumns="${BENCH_PAGES:-WhenRead}" --Lists:RenderedItemsMiB="${BENCH_ITEMS_MIB:-64}" --Serilog:MinimumLevel:Default=Warning >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server $baseline 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 240); do curl -sf "$base/health/ready" >/dev/null && break; sleep 0.5; done
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$((port + 1))/page?bytes=16" >/dev/null && break; sleep 0.5; done

report() { # label wrk-output
  local out=$2 rps p50 p99 errors socket
  rps=$(grep -oP 'Requests/sec:\s+\K[0-9.]+' <<<"$out")
  p50=$(grep -oP '^\s+50%\s+\K\S+' <<<"$out")
  p99=$(grep -oP '^\s+99%\s+\K\S+' <<<"$out")
  errors=$(grep -oP 'Non-2xx or 3xx responses: \K[0-9]+' <<<"$out" || true)
  socket=$(grep -oP 'Socket errors: \K.*' <<<"$out" || true)
  printf '%-28s %10s %9s %9s %7s %s\n' "$1" "$rps" "$p50" "$p99" "${errors:-0}" "${socket:+socket errors: $socket}"
}

# The articles' columns (list pages without a search, totals, facets) are read once per data version (seconds at
# 1,000,000 articles): read them before the warm-up, so that neither the warm-up nor the figures pay for that read.
curl -s -o /dev/null -w "counting columns read in %{time_total} s\n" "$base/articles?includeTotal=true&limit=1"
for family in $families; do # warm-up: JIT, EF's query cache and the page cache for every family
  wrk -t2 -c32 -d"${BENCH_WARMUP:-2}s" -s bench/distinct.lua "$base" -- "$family" "$lists" >/dev/null
done
# Alone: every combination of published, minQuality, minHeat and sort (the filter family's space, with its
# extreme values), each the best of 3 sequential requests with nothing else running; the slowest are printed.
alone="$work/alone-$engine-$n.txt"
: >"$alone"
[ -n "${BENCH_SKIP_ALONE:-}" ] || for published in "" published=true published=false; do
  for quality in "" minQuality=23 minQuality=80; do
    for heat in "" minHeat=50 minHeat=100; do
      for sort in -publishedDateTime publishedDateTime -quality quality -heat heat; do
        url="$base/articles?$(echo "$published&$quality&$heat&sort=$sort" | sed 's/&&*/\&/g; s/^&//')"
        best=$(for _ in 1 2 3; do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n | head -1)
        echo "$best ${url#"$base"}" >>"$alone"
      done
    done
  done
done
echo "alone: $(wc -l <"$alone") filter x sort combinations, slowest (s, best of 3):"
sort -rn "$alone" | sed -n 1,5p # sed reads to the end: head could end sort with SIGPIPE, which pipefail makes fatal

echo "machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $n articles on $engine; response cache off; wrk -t2 -c32 -d${seconds}s --latency; $(date -u +%FT%TZ)"
printf '%-28s %10s %9s %9s %7s\n' request req/s p50 p99 errors
report "ceiling: pre-rendered 18 KB" "$(wrk -t2 -c32 -d"${seconds}s" --latency "http://127.0.0.1:$((port + 1))/page?bytes=18000")"
report "ceiling: pre-rendered 900 B" "$(wrk -t2 -c32 -d"${seconds}s" --latency "http://127.0.0.1:$((port + 1))/page?bytes=900")"
for family in $families; do
  report "$family" "$(wrk -t2 -c32 -d"${seconds}s" --latency -s bench/distinct.lua "$base" -- "$family" "$lists")"
done
echo "server memory: peak $(grep -oP 'VmHWM:\s+\K.*' /proc/$server/status), now $(grep -oP 'VmRSS:\s+\K.*' /proc/$server/status)"
