#!/usr/bin/env bash
# One importer and two API replicas, each a process on a port of its own, over one PostgreSQL database, plus a second
# importer started at the same moment as the first. Checks: both replicas answer identical bodies and ETags; a file
# added to the article folder shows up on both; the two importers never ran passes at the same time.
# Needs ARTICLEAPI_TEST_POSTGRES (eval "$(bash .ci/postgres.sh)") and curl; builds the app when it is not built.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${ARTICLEAPI_TEST_POSTGRES:?set ARTICLEAPI_TEST_POSTGRES: eval \"\$(bash .ci/postgres.sh)\"}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

t0=$(date +%s)
say() { printf '[multi %3ss] %s\n' "$(( $(date +%s) - t0 ))" "$*"; }
# The reason again after the logs: CI shows only the end of a long output.
fail() {
  say "FAIL: $*"
  for log in "$work"/*.log; do echo "--- $log"; tail -n 20 "$log"; done
  [ -z "${ARTICLEAPI_MULTI_KEEP:-}" ] || cp -r "$work" "$ARTICLEAPI_MULTI_KEEP"
  say "FAIL: $*"
  exit 1
}

dll=src/ArticleApi/bin/Debug/net10.0/ArticleApi.dll
[ -f "$dll" ] || dotnet build -nologo -v q src/ArticleApi >/dev/null

work=$(mktemp -d /tmp/articleapi-multi.XXXXXX)
cp -r samples "$work/articles"
db="articleapi_multi_$(date +%s)_$$"
cs="$ARTICLEAPI_TEST_POSTGRES;Database=$db"
psql_admin() { psql "$(sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Database=/dbname=/' <<<"$ARTICLEAPI_TEST_POSTGRES")" -Atqc "$1"; }
db_query() { psql "$(sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Database=[^ ;]*//' <<<"$ARTICLEAPI_TEST_POSTGRES") dbname=$db" -Atqc "$1"; }

read -r p_importer p_api1 p_api2 p_importer2 < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(4)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

start() { # name port import-enabled
  Database__Provider=PostgreSql ConnectionStrings__Articles="$cs" Import__Enabled="$3" Import__SourceDirectory="$work/articles" \
    Import__Watch=true Import__WatchDebounce=00:00:00.200 Import__RescanInterval=00:00:00 ASPNETCORE_HTTP_PORTS="$2" \
    Serilog__MinimumLevel__Default=Information dotnet "$dll" >"$work/$1.log" 2>&1 &
  pids+=($!)
}

wait_for() { # description seconds command...
  local what=$1 bound=$2; shift 2
  local end=$(( $(date +%s) + bound ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$end" ] || fail "$what not within ${bound}s"
    sleep 0.2
  done
  say "ok: $what"
}
waiting() { # port: not ready, because the importer has not created the database yet
  local body
  body=$(curl -s -w ' %{http_code}' "http://127.0.0.1:$1/health/ready")
  [[ $body == *'"description":"the database does not exist yet: the importer creates it"'*' 503' ]]
}

say "replicas first (ports $p_api1, $p_api2): they must wait for the database and its schema"
start api1 "$p_api1" false
start api2 "$p_api2" false
# Deterministic order: both replicas answer, and are not ready, before any importer exists (their probes of a database
# that does not exist yet must not log errors; a race between start-ups once hid that).
wait_for "replica 1 waits for the database (503)" 90 waiting "$p_api1"
wait_for "replica 2 waits for the database (503)" 30 waiting "$p_api2"
say "two importers at the same moment (ports $p_importer, $p_importer2)"
start importer "$p_importer" true
start importer2 "$p_importer2" true
total() { curl -sf "http://127.0.0.1:$1/articles?limit=1&includeTotal=true" | grep -q "\"total\":$2"; }
wait_for "replica 1 ready" 90 curl -sf "http://127.0.0.1:$p_api1/health/ready"
wait_for "replica 2 ready" 30 curl -sf "http://127.0.0.1:$p_api2/health/ready"
wait_for "replica 1 serves the 35 imported articles" 60 total "$p_api1" 35
wait_for "replica 2 serves the 35 imported articles" 30 total "$p_api2" 35

same() { # url: identical body and ETag on both replicas, asked with one Host as the load balancer passes it
  # A replica keeps the data version it read for up to a second (DataVersion.MaxAge): one that read it just before the
  # importer's last commit answers with the older version for that long. They must agree within three seconds.
  local a b e1 e2 try
  for try in $(seq 1 30); do
    a=$(curl -s -H 'Host: articles.example' -D "$work/h1" "http://127.0.0.1:$p_api1$1")
    b=$(curl -s -H 'Host: articles.example' -D "$work/h2" "http://127.0.0.1:$p_api2$1")
    e1=$(grep -i '^etag:' "$work/h1" | tr -d '\r'); e2=$(grep -i '^etag:' "$work/h2" | tr -d '\r')
    [ "$a" = "$b" ] && [ -n "$e1" ] && [ "$e1" = "$e2" ] && break
    sleep 0.1
  done
  [ "$a" = "$b" ] || fail "different bodies for $1"
  [ -n "$e1" ] && [ "$e1" = "$e2" ] || fail "different ETags for $1 ($e1 / $e2)"
  say "ok: same body and $e1 on both replicas for $1$([ "$try" -gt 1 ] && echo " (after $try tries)")"
}
for url in "/articles?limit=5" "/articles?q=kubernetes&sort=relevance" "/articles?facets=topic,provider&includeTotal=true" \
  "/topics" "/providers" "/articles/news-2026-05-20-serverless-containers-finally-get-fast-cold-starts"; do
  same "$url"
done
etag() { curl -s -o /dev/null -D - "http://127.0.0.1:$p_api1$1" | grep -i '^etag:' | tr -d '\r' || true; }
before=$(etag "/articles?limit=5")

say "adding a file to the article folder"
printf -- '---\ntitle: "Seen by every replica"\npublishedDateTime: 2026-12-01T10:00:00Z\n---\n' >"$work/articles/news/2026-12-01-multi-process.md"
wait_for "replica 1 serves the new article" 60 curl -sf "http://127.0.0.1:$p_api1/articles/news-2026-12-01-multi-process"
wait_for "replica 2 serves the new article" 30 curl -sf "http://127.0.0.1:$p_api2/articles/news-2026-12-01-multi-process"
sleep 1.2 # the data version is cached for at most a second per process
same "/articles?limit=5"
after=$(etag "/articles?limit=5")
[ "$before" != "$after" ] || fail "the ETag did not move after the import ($before)"
say "ok: the ETag moved from $before to $after"

overlaps=$(db_query 'SELECT count(*) FROM "ImportRuns" a JOIN "ImportRuns" b ON a."Id" < b."Id" AND b."StartedAt" < COALESCE(a."FinishedAt", 9223372036854775807)')
passes=$(db_query 'SELECT count(*) FROM "ImportRuns"')
[ "$overlaps" = 0 ] || fail "$overlaps import passes overlapped"
say "ok: $passes import passes recorded, none overlapping"
skips=$(cat "$work/importer.log" "$work/importer2.log" | grep -c 'Another importer holds the import lock; skipping this pass' || true)
say "ok: the lock made an importer skip $skips pass(es) (logged: \"Another importer holds the import lock; skipping this pass\")"
# A fresh database, replicas polling readiness before the schema exists, two importers racing: none of it is an error.
errors=$(grep -h ' ERR\] \| FTL\] ' "$work"/*.log || true)
[ -z "$errors" ] || fail "errors in the logs: $errors"
say "ok: no error in the logs of the 4 processes ($(cat "$work"/*.log | wc -l) lines)"
say "multi-process check passed"
