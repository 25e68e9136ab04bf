#!/usr/bin/env bash
# A real scraper: Debian's prometheus scrapes the running app's /metrics (Metrics:Enabled on a metrics port of its own)
# every second, the check sends known traffic (several routes, a 400, a 404) and asks for a second import pass, then
# reads Prometheus's HTTP API (/api/v1/query) and fails unless the request-duration histogram counts, by route and
# status, at least what was sent, and the import counters hold exactly what /import/status reported for both passes.
# Everything runs on loopback ports that are free, in app.sh's temp folder; the app and prometheus stop on exit.
set -euo pipefail
source "$(dirname "$0")/app.sh"

need=()
command -v prometheus >/dev/null || need+=(prometheus)
command -v jq >/dev/null || need+=(jq)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

PROM_PID=""
# Prometheus first: its storage lives in the folder stop_app removes.
stop_all() {
  if [ -n "$PROM_PID" ] && kill -0 "$PROM_PID" 2>/dev/null; then
    kill "$PROM_PID" 2>/dev/null || true
    wait "$PROM_PID" 2>/dev/null || true
  fi
  stop_app
}
trap stop_all EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
fail=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*" >&2; fail=1; }

# --- the app with metrics on a port of its own; no rescan, so the import counters hold exactly two passes
METRICS_PORT=$(free_port)
admin_key=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
export Metrics__Enabled=true Metrics__Port="$METRICS_PORT" Import__AdminKey="$admin_key" Import__RescanInterval=00:00:00
start_app
for _ in $(seq 1 120); do curl -fsS "$APP_URL/health/ready" -o /dev/null 2>/dev/null && break; sleep 0.5; done
first=$(curl -fsS "$APP_URL/import/status")
echo "app at $APP_URL, metrics at http://127.0.0.1:$METRICS_PORT/metrics; first pass: $(jq -c '{passId, seen, added, unchanged}' <<<"$first")"

# --- prometheus: its own config, storage and port
PROM_PORT=$(free_port)
PROM_URL="http://127.0.0.1:$PROM_PORT"
cat >"$APP_DIR/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: articleapi
    metrics_path: /metrics
    static_configs:
      - targets: ["127.0.0.1:$METRICS_PORT"]
EOF
prometheus --config.file="$APP_DIR/prometheus.yml" --storage.tsdb.path="$APP_DIR/prometheus-data" \
  --web.listen-address="127.0.0.1:$PROM_PORT" --log.level=warn >"$APP_DIR/prometheus.log" 2>&1 &
PROM_PID=$!
for _ in $(seq 1 60); do curl -fsS "$PROM_URL/-/ready" -o /dev/null 2>/dev/null && break; sleep 0.5; done
curl -fsS "$PROM_URL/-/ready" -o /dev/null || { cat "$APP_DIR/prometheus.log" >&2; echo "prometheus did not start" >&2; exit 1; }
echo "$(prometheus --version 2>&1 | head -n 1) at $PROM_URL"

# --- traffic: each request's status is checked as it is sent and counted under the route the app reports
declare -A sent=()
send() { # times expected-status route path
  local code
  for _ in $(seq 1 "$1"); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$APP_URL$4")
    [ "$code" = "$2" ] || { bad "GET $4 answered $code, expected $2"; return; }
  done
  sent["$3|$2"]=$(( ${sent["$3|$2"]:-0} + $1 ))
}
id=$(curl -fsS "$APP_URL/articles?limit=1" | jq -r '.items[0].id')
send 5 200 /articles/ '/articles?limit=2'
send 3 400 /articles/ '/articles?limit=banana'
send 2 200 '/articles/{id}' "/articles/$id"
send 2 404 '/articles/{id}' '/articles/no-such-article'
send 3 200 /topics/ /topics
send 2 200 /providers/ /providers
# The public port does not serve the metrics.
code=$(curl -s -o /dev/null -w '%{http_code}' "$APP_URL/metrics")
[ "$code" = 404 ] && ok "/metrics on the public port: 404" || bad "/metrics on the public port answered $code"

# --- a second import pass, asked for over HTTP as an operator would
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "X-Admin-Key: $admin_key" "$APP_URL/import")
[ "$code" = 202 ] || bad "POST /import answered $code, expected 202"
first_id=$(jq -r '.passId' <<<"$first")
second=""
for _ in $(seq 1 120); do
  second=$(curl -fsS "$APP_URL/import/status")
  [ "$(jq -r '.passId' <<<"$second")" != "$first_id" ] && [ "$(jq -r '.running' <<<"$second")" = false ] && break
  sleep 0.25
done
echo "second pass: $(jq -c '{passId, seen, added, unchanged, running}' <<<"$second")"

# --- what Prometheus holds
query() { # PromQL -> the first sample's value, or nothing
  curl -fsS -G "$PROM_URL/api/v1/query" --data-urlencode "query=$1" | jq -r '.data.result[0].value[1] // empty'
}
histogram='http_server_request_duration_seconds'
declare -A want=()
for key in "${!sent[@]}"; do
  route=${key%|*} status=${key#*|}
  want["sum($histogram""_bucket{job=\"articleapi\",http_route=\"$route\",http_response_status_code=\"$status\",le=\"+Inf\"})"]=">= ${sent[$key]}"
done
want["count($histogram""_bucket{job=\"articleapi\",http_route=\"/articles/\",http_response_status_code=\"200\"})"]='>= 10'
want['up{job="articleapi"}']='== 1'
want['sum(articleapi_import_passes_total{job="articleapi",outcome="completed"})']='== 2'
want['sum(articleapi_import_pass_duration_seconds_count{job="articleapi",outcome="completed"})']='== 2'
want['sum(articleapi_import_files_seen_total{job="articleapi"})']="== $(jq -s '.[0].seen + .[1].seen' <<<"$first $second")"
want['sum(articleapi_import_files_total{job="articleapi",outcome="added"})']="== $(jq -s '.[0].added + .[1].added' <<<"$first $second")"
want['sum(articleapi_import_files_total{job="articleapi",outcome="unchanged"})']="== $(jq -s '.[0].unchanged + .[1].unchanged' <<<"$first $second")"
want['sum(articleapi_import_files_total{job="articleapi",outcome="failed"})']="== $(jq -s '.[0].failedCount + .[1].failedCount' <<<"$first $second")"
want['articleapi_data_version{job="articleapi"}']='> 0'
want['sum(articleapi_db_request_duration_seconds_count{job="articleapi",http_route="/articles/{id}"})']='>= 4'

# Scrapes come every second: wait (30 s at most) until every answer is right, then report each one.
check_all() {
  local missing=0 value
  for q in "${!want[@]}"; do
    value=$(query "$q")
    if [ -z "$value" ] || ! awk -v v="$value" "BEGIN { exit !(v ${want[$q]}) }"; then missing=1; fi
  done
  return "$missing"
}
deadline=$((SECONDS + 30))
until check_all || [ "$SECONDS" -ge "$deadline" ]; do sleep 1; done
mapfile -t queries < <(printf '%s\n' "${!want[@]}" | sort)
for q in "${queries[@]}"; do
  value=$(query "$q")
  if [ -z "$value" ]; then
    bad "$q: absent (expected ${want[$q]})"
  elif awk -v v="$value" "BEGIN { exit !(v ${want[$q]}) }"; then
    ok "$q = $value (${want[$q]})"
  else
    bad "$q = $value, expected ${want[$q]}"
  fi
done
if [ "$fail" -ne 0 ]; then
  echo "--- prometheus targets:" >&2
  curl -fsS "$PROM_URL/api/v1/targets" | jq -c '.data.activeTargets[] | {scrapeUrl, health, lastError}' >&2 || true
  echo "--- prometheus log:" >&2
  tail -n 20 "$APP_DIR/prometheus.log" >&2
  exit 1
fi
echo "Prometheus scraped the request histogram by route and status and the import counters"
