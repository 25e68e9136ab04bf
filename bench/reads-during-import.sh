#!/usr/bin/env bash
# Reads while the service imports (issue 17): distinct requests of a family of bench/distinct.lua under wrk -t2 -c32,
# (1) during the cold import the service runs at start-up into an empty database (SQLite, or PostgreSQL below), (2)
# with nothing importing, (3) during the pass its file watcher runs after 1% of the files are edited. Each line gives
# the window's req/s, p50, p99 and non-2xx answers (a 404 is an article not imported yet), and the import's own timing
# from /import/status.
# Usage: bench/reads-during-import.sh CORPUS LISTS_DIR [family, default article] [seconds per window, default 15]
# BENCH_COLD_DELAY=60 starts the first window a minute into the cold import (at 1,000,000 files the first 15 s or so
# only list the folder).
# CORPUS: generated files (bench/ArticleApi.Generator); it is not written: the service reads a hard-linked copy whose
# edited files are new files. LISTS_DIR as bench/distinct-benchmark.sh writes it for the same corpus.
# PostgreSQL: BENCH_POSTGRES='Host=127.0.0.1;Port=55433;Username=postgres' (a durable cluster: see .ci/postgres.sh);
# the database articleapi_reads_during_import is dropped and made again, empty, for each run.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$1 lists=$2 family=${3:-article} seconds=${4:-15}
port=${BENCH_PORT:-5798}
work=${BENCH_DIR:-/tmp/articleapi-reads-during-import}
base="http://127.0.0.1:$port"
rm -rf "$work" && mkdir -p "$work"
# The folder itself, not a symbolic link to it: the copy must be of the files (the edits below replace files of the copy).
cp -al "$(readlink -f "$corpus")" "$work/corpus"
dotnet build -c Release -nologo -v quiet src/ArticleApi >/dev/null
engine=Sqlite connection="Data Source=$work/articles.db"
if [ -n "${BENCH_POSTGRES:-}" ]; then
  engine=PostgreSql connection="$BENCH_POSTGRES;Database=articleapi_reads_during_import"
  pg="$(sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/' <<<"$BENCH_POSTGRES")"
  psql "$pg dbname=postgres" -qc "DROP DATABASE IF EXISTS articleapi_reads_during_import" -c "CREATE DATABASE articleapi_reads_during_import"
fi
ASPNETCORE_URLS=$base ASPNETCORE_ENVIRONMENT=Production dotnet src/ArticleApi/bin/Release/net10.0/ArticleApi.dll \
  --Database:Provider=$engine --ConnectionStrings:Articles="$connection" --Import:SourceDirectory="$work/corpus" --Import:Watch=true \
  --ResponseCache:Enabled=false --Serilog:MinimumLevel:Default=Warning >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "$base/health/live" >/dev/null && break; sleep 0.25; done

window() { # label
  local out
  out=$(wrk -t2 -c32 -d"${seconds}s" --latency -s bench/distinct.lua "$base" -- "$family" "$lists")
  printf '%-34s %9s req/s  p50 %9s  p99 %9s  non-2xx %s  load %s\n' "$1" "$(grep -oP 'Requests/sec:\s+\K[0-9.]+' <<<"$out")" \
    "$(grep -oP '^\s+50%\s+\K\S+' <<<"$out")" "$(grep -oP '^\s+99%\s+\K\S+' <<<"$out")" \
    "$(grep -oP 'Non-2xx or 3xx responses: \K[0-9]+' <<<"$out" || echo 0)" "$(cut -d' ' -f1 /proc/loadavg)"
}
status() { curl -s "$base/import/status" | python3 -c 'import json, sys
s = json.load(sys.stdin)
print("  import pass {passId}: running {running}, seen {seen}, added {added}, updated {updated}, duration {durationMs} ms".format(**s))'; }
# The status is read whole before it is tested: under pipefail, grep -q leaving a pipe early fails curl, and the pipeline.
wait_idle() { local s; for _ in $(seq 1 2400); do s=$(curl -s "$base/import/status" || true); [[ $s == *'"running":false'* ]] && return; sleep 0.5; done; }

echo "machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $engine; $(find "$work/corpus" -name '*.md' | wc -l) files; family $family; wrk -t2 -c32 -d${seconds}s; $(date -u +%FT%TZ)"
# BENCH_COLD_DELAY: seconds into the cold import before its window (the first seconds only list the folder).
sleep "${BENCH_COLD_DELAY:-0}"
window "during the cold import"
status
wait_idle
status
window "nothing importing"
# 1% of the files edited: their titles change, so every edited article is rewritten and re-indexed.
find "$work/corpus" -name '*.md' | shuf -n "$(( $(find "$work/corpus" -name '*.md' | wc -l) / 100 ))" --random-source=<(yes) \
  | xargs sed -i 's/^title: "/title: "Edited: /'
sleep 1
window "during a 1% re-import"
wait_idle
status
echo "server memory: peak $(grep -oP 'VmHWM:\s+\K.*' /proc/$server/status), now $(grep -oP 'VmRSS:\s+\K.*' /proc/$server/status)"
