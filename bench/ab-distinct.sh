#!/usr/bin/env bash
# Two builds side by side on one database: each family of bench/distinct.lua under wrk -t2 -c32, with the server's CPU
# time per request from /proc (steadier than req/s on a shared machine). The builds alternate A B A B so that drift in
# the machine's load falls on both. Response cache off, import off; a warm-up of every family per server start
# (BENCH_WARMUP seconds each, default 4; topic pages count their filters' sizes on first use and need longer).
# Usage: bench/ab-distinct.sh A_DLL B_DLL DATABASE LISTS_DIR "families" [seconds, default 8] [rounds, default 2]
# LISTS_DIR as bench/distinct-benchmark.sh writes it (ids, topics, providers, cursors, words).
# BENCH_DATABASE_B: a copy of DATABASE for B, when B migrates the schema forward (A would not know its migration).
set -euo pipefail
cd "$(dirname "$0")/.."
a=$1 b=$2 db=$3 lists=$4 families=$5 seconds=${6:-8} rounds=${7:-2}
port=${BENCH_PORT:-5705}
base="http://127.0.0.1:$port"
echo "machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $db; wrk -t2 -c32 -d${seconds}s; $(date -u +%FT%TZ)"
echo "A=$a"
echo "B=$b"
for round in $(seq 1 "$rounds"); do
  for side in A B; do
    dll=$a data=$db
    [ "$side" = A ] || { dll=$b; data=${BENCH_DATABASE_B:-$db}; }
    ASPNETCORE_URLS=$base dotnet "$dll" --ConnectionStrings:Articles="Data Source=$data" --Import:Enabled=false \
      --ResponseCache:Enabled=false --Serilog:MinimumLevel:Default=Warning >/dev/null 2>&1 &
    server=$!
    for _ in $(seq 1 240); do curl -sf "$base/health/ready" >/dev/null && break; sleep 0.5; done
    # The articles' columns are read once per data version: read them before the warm-up, as distinct-benchmark.sh does.
    curl -s -o /dev/null "$base/articles?includeTotal=true&limit=1"
    for family in $families; do wrk -t2 -c32 -d"${BENCH_WARMUP:-4}s" -s bench/distinct.lua "$base" -- "$family" "$lists" >/dev/null; done
    for family in $families; do
      before=$(awk '{ print $14 + $15 }' "/proc/$server/stat")
      out=$(wrk -t2 -c32 -d"${seconds}s" --latency -s bench/distinct.lua "$base" -- "$family" "$lists")
      after=$(awk '{ print $14 + $15 }' "/proc/$server/stat")
      n=$(grep -oP '^\s+\K[0-9]+(?= requests in)' <<<"$out")
      printf '%s round %s %-10s %9s req/s  p99 %9s  non-2xx %s  server CPU %6.0f us/request  load %s\n' "$side" "$round" "$family" \
        "$(grep -oP 'Requests/sec:\s+\K[0-9.]+' <<<"$out")" "$(grep -oP '^\s+99%\s+\K\S+' <<<"$out")" \
        "$(grep -oP 'Non-2xx or 3xx responses: \K[0-9]+' <<<"$out" || echo 0)" \
        "$(awk -v t=$((after - before)) -v n="$n" -v hz="$(getconf CLK_TCK)" 'BEGIN { print t * 1e6 / hz / n }')" "$(cut -d' ' -f1 /proc/loadavg)"
    done
    kill "$server"; wait "$server" 2>/dev/null || true
  done
done
