#!/usr/bin/env bash
# Servers already running side by side (started by the caller: two builds on one database, or one build under two
# settings), measured in turns: each round runs every family on every server, the servers' order reversed every
# other round so that drift in the machine's load falls on all of them. The server's CPU time per request comes from
# /proc (steadier than req/s on a shared machine). Unlike bench/ab-distinct.sh, which starts one server at a time,
# the servers stay up, so a round compares them within seconds of each other.
# A family is a family of bench/distinct.lua (each request different), a file of URL paths ending in .txt (cycled through
# by bench/url-list.lua: bench/scoped-shapes.py writes them), or a path starting with / (one URL repeated).
# Each server gets 3 s of each family before the first round.
# Usage: bench/ab-running.sh LISTS_DIR "families" ROUNDS SECONDS PORT:PID [PORT:PID ...]
# LISTS_DIR as bench/distinct-benchmark.sh writes it (ids, topics, providers, cursors, words).
set -euo pipefail
cd "$(dirname "$0")/.."
lists=$1 families=$2 rounds=$3 seconds=$4
shift 4
servers=("$@")
tick=$(getconf CLK_TCK)

load() { # load PORT FAMILY SECONDS [--latency]
  local url="http://127.0.0.1:$1"
  if [[ $2 == *.txt ]]; then
    wrk -t2 -c32 -d"$3"s ${4:-} -s bench/url-list.lua "$url" -- "$2"
  elif [[ $2 == /* ]]; then
    wrk -t2 -c32 -d"$3"s ${4:-} "$url$2"
  else
    wrk -t2 -c32 -d"$3"s ${4:-} -s bench/distinct.lua "$url" -- "$2" "$lists"
  fi
}
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }

echo "machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2 -c32 -d${seconds}s; $(date -u +%FT%TZ)"
for family in $families; do
  for server in "${servers[@]}"; do load "${server%%:*}" "$family" 3 > /dev/null; done
done
for round in $(seq 1 "$rounds"); do
  order=("${servers[@]}")
  if (( round % 2 == 0 )); then
    order=()
    for (( i = ${#servers[@]} - 1; i >= 0; i-- )); do order+=("${servers[i]}"); done
  fi
  for family in $families; do
    for server in "${order[@]}"; do
      port=${server%%:*} pid=${server##*:}
      before=$(cpu "$pid")
      out=$(load "$port" "$family" "$seconds" --latency)
      after=$(cpu "$pid")
      requests=$(grep -oP '^\s+\K[0-9]+(?= requests in)' <<< "$out")
      printf 'round %d  %-14s port %s  %9s req/s  p99 %8s  cpu/request %6.0f us  non-2xx %s\n' "$round" "$(basename "$family" .txt)" "$port" \
        "$(grep -oP 'Requests/sec:\s+\K[0-9.]+' <<< "$out")" "$(grep -oP '^\s+99%\s+\K\S+' <<< "$out")" \
        "$(echo "($after - $before) * 1000000 / $tick / $requests" | bc -l)" "$(grep -oP 'Non-2xx or 3xx responses: \K[0-9]+' <<< "$out" || echo 0)"
    done
  done
done
