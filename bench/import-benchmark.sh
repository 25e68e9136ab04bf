#!/usr/bin/env bash
# Import benchmark: cold import of N generated files, a re-scan with nothing changed, a re-scan with 1% edited.
# Usage: bench/import-benchmark.sh [N ...]   (default: 10000 100000)
# PostgreSQL: BENCH_POSTGRES='Host=127.0.0.1;Port=55433;Username=postgres' bench/import-benchmark.sh N
#   (a durable cluster: see .ci/postgres.sh); the database articleapi_import_N is dropped and made again for each size.
# Prints one line per phase: files, pass time (the importer's own report), files/s, process time, peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ $# -gt 0 ] || sizes=(10000 100000)
work=${BENCH_DIR:-/tmp/articleapi-bench}
mkdir -p "$work"
for project in src/ArticleApi bench/ArticleApi.Generator; do dotnet build -c Release -nologo -v quiet "$project" >/dev/null; done
app=src/ArticleApi/bin/Release/net10.0/ArticleApi.dll
generator=bench/ArticleApi.Generator/bin/Release/net10.0/ArticleApi.Generator.dll

run_pass() { # label folder
  local label=$1 folder=$2 out
  out=$( { /usr/bin/time -f "process %e s, peak RSS %M KB" dotnet "$app" import "$folder" --Database:Provider="$engine" \
           --ConnectionStrings:Articles="$connection" --Serilog:MinimumLevel:Default=Warning; } 2>&1 || true)
  local ms seen
  ms=$(grep -oP '^Import of .* in \K[0-9]+(?= ms)' <<<"$out")
  seen=$(grep -oP 'seen \K[0-9]+' <<<"$out")
  printf '%-28s %8s files  pass %7s ms  %8.0f files/s  %s\n' "$label" "$seen" "$ms" \
    "$(awk -v s="$seen" -v m="$ms" 'BEGIN { print s * 1000 / m }')" "$(grep -oP 'process .*' <<<"$out")"
  grep -oP 'seen .*' <<<"$out" | sed 's/^/    /'
}

engine=Sqlite
[ -z "${BENCH_POSTGRES:-}" ] || engine=PostgreSql
pg="$(sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/' <<<"${BENCH_POSTGRES:-}")"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg); $engine; $(date -u +%FT%TZ)"
for n in "${sizes[@]}"; do
  folder="$work/corpus-$n"
  if [ ! -f "$folder/.complete" ]; then
    rm -rf "$folder"
    dotnet "$generator" "$folder" "$n" --seed 42
    touch "$folder/.complete"
  fi
  if [ "$engine" = PostgreSql ]; then
    psql "$pg dbname=postgres" -qc "DROP DATABASE IF EXISTS articleapi_import_$n" -c "CREATE DATABASE articleapi_import_$n"
    connection="$BENCH_POSTGRES;Database=articleapi_import_$n"
  else
    db="$work/import-$n.db"
    rm -f "$db" "$db-wal" "$db-shm"
    connection="Data Source=$db"
  fi
  run_pass "cold import ($n)" "$folder"
  run_pass "re-scan unchanged ($n)" "$folder"
  # Edit 1% of the files (append a key), then re-scan; restore afterwards so the folder stays the seed's output.
  # find does not enter a folder given as a symbolic link (BENCH_DIR's corpus may be one): the folder it names.
  mapfile -t edited < <(find "$(readlink -f "$folder")" -name '*.md' | sort | awk -v step=100 'NR % step == 0')
  [ "${#edited[@]}" -gt 0 ] || { echo "no files to edit under $folder" >&2; exit 1; }
  for f in "${edited[@]}"; do sed -i 's/^category: news$/category: news-edited/' "$f"; done
  run_pass "re-scan 1% edited ($n)" "$folder"
  for f in "${edited[@]}"; do sed -i 's/^category: news-edited$/category: news/' "$f"; done
done
