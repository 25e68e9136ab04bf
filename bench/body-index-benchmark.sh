#!/usr/bin/env bash
# What indexing the markdown body for searchIn=body costs: a cold import of N generated files with a body of W words
# each (the real corpus's bodies are mostly empty; this is the worst case) by this tree's build with
# Search:IndexBody=false (off) and =true (on); the pass time and the database size. With BEFORE (the folder of an
# older build's ArticleApi.dll), that build (before) against this one with the default (after) instead.
# Usage: [BEFORE=/path/to/old/net10.0] bench/body-index-benchmark.sh [N, default 10000] [W, default 400]
# PostgreSQL: BENCH_POSTGRES='Host=127.0.0.1;Port=55432;Username=postgres' (databases articleapi_body_<run>).
# BENCH_NICE=10 runs the imports under nice.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
words=${2:-400}
work=${BENCH_DIR:-/tmp/articleapi-bench}
runs=(${BENCH_RUNS:-off on})
[ -n "${BEFORE:-}" ] && runs=(before after)
mkdir -p "$work"
for project in src/ArticleApi bench/ArticleApi.Generator; do dotnet build -c Release -nologo -v quiet "$project" >/dev/null; done
folder="$work/body-$n-$words"
if [ ! -f "$folder/.complete" ]; then
  rm -rf "$folder"
  dotnet bench/ArticleApi.Generator/bin/Release/net10.0/ArticleApi.Generator.dll "$folder" "$n" --seed 42 --body-words "$words"
  touch "$folder/.complete"
fi
# Read once, so the first run does not pay for the page cache the second finds warm.
find "$folder" -type f -print0 | xargs -0 cat >/dev/null
echo "machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $n files, bodies of $words words ($(du -sh "$folder" | cut -f1)); $(date -u +%FT%TZ)"
for build in "${runs[@]}"; do
  app=$([ $build = before ] && echo "$BEFORE/ArticleApi.dll" || echo src/ArticleApi/bin/Release/net10.0/ArticleApi.dll)
  setting=()
  [ $build = off ] && setting=(--Search:IndexBody=false)
  [ $build = on ] && setting=(--Search:IndexBody=true)
  if [ -n "${BENCH_POSTGRES:-}" ]; then
    pg="$(sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/' <<<"$BENCH_POSTGRES")"
    psql "$pg dbname=postgres" -qc "DROP DATABASE IF EXISTS articleapi_body_$build" -qc "CREATE DATABASE articleapi_body_$build"
    args=(--Database:Provider=PostgreSql --ConnectionStrings:Articles="$BENCH_POSTGRES;Database=articleapi_body_$build")
  else
    db="$work/body-$build.db"; rm -f "$db" "$db-wal" "$db-shm"
    args=(--ConnectionStrings:Articles="Data Source=$db")
  fi
  ms=$(nice -n "${BENCH_NICE:-0}" dotnet "$app" import "$folder" "${args[@]}" "${setting[@]}" --Serilog:MinimumLevel:Default=Warning | grep -oP '^Import of .* in \K[0-9]+(?= ms)')
  if [ -n "${BENCH_POSTGRES:-}" ]; then
    size=$(psql "$pg dbname=articleapi_body_$build" -qtAc "SELECT pg_size_pretty(pg_database_size(current_database())) || ', search index ' || pg_size_pretty(pg_relation_size('\"IX_Articles_SearchVector\"')) || ', Articles with its vectors ' || pg_size_pretty(pg_table_size('\"Articles\"'))")
  else
    size="$(du -h "$db" | cut -f1), search index $(sqlite3 "$db" "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'ArticlesFts%'" | awk '{ printf "%.1f MB", $1 / 1048576 }')"
  fi
  printf '%-7s import pass %7s ms   database %s\n' "$build" "$ms" "$size"
done
