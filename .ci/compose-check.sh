#!/usr/bin/env bash
# Validates docker/docker-compose.yml (with its metrics profile and docker/prometheus.yml) and docker/docker-compose.postgres.yml
# with Debian's docker-compose (it parses and resolves without a Docker engine).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v docker-compose >/dev/null; then
  echo "installing docker-compose"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi
echo "docker-compose $(docker-compose version --short 2>/dev/null || docker-compose --version)"

out=$(mktemp)
trap 'rm -f "$out"' EXIT
docker-compose -f docker/docker-compose.yml config > "$out"
echo "--- docker-compose -f docker/docker-compose.yml config (head)"
head -n 40 "$out"

# The parts operators rely on, as resolved by compose.
fail=0
expect() {
  if grep -Eq -- "$2" "$out"; then echo "ok: $1"; else echo "MISSING: $1 (/$2/)"; fail=1; fi
}
expect "service api" '^  api:'
expect "build context is the repository root" "context: $(pwd)\$"
expect "article folder (../samples by default) mounted read-only at /articles" "$(pwd)/samples:/articles:ro\$"
expect "named volume for the database at /data" 'articleapi-data:/data'
expect "health check runs the built-in probe" '^      - health$'
expect "restart policy" 'restart: unless-stopped'
expect "port 8080" 'target: 8080'
expect "compact JSON logs" 'Serilog__ConsoleFormat: CompactJson'
expect "stop grace period" 'stop_grace_period: 20s'
# The metrics profile: Prometheus scraping the API's metrics port, which the host does not publish.
expect "metrics on a port of their own" "Metrics__Port: ['\"]?9464"
expect "metrics enabled" "Metrics__Enabled: ['\"]?true"
expect "service prometheus" '^  prometheus:'
expect "prometheus only in the metrics profile" '^    - metrics$'
expect "prometheus configuration mounted read-only" "$(pwd)/docker/prometheus.yml:/etc/prometheus/prometheus.yml:ro\$"
expect "prometheus data volume" 'articleapi-prometheus:/prometheus'
if grep -q 'target: 9464' "$out"; then echo "MISSING: the metrics port must not be published"; fail=1; else echo "ok: the metrics port is not published"; fi
with_profile=$(docker-compose -f docker/docker-compose.yml --profile metrics config --services)
if grep -qx prometheus <<<"$with_profile"; then echo "ok: --profile metrics starts prometheus"; else echo "MISSING: prometheus with --profile metrics"; fail=1; fi
# The scrape target is the API's service name and metrics port; promtool (Debian's prometheus package) checks the syntax.
if grep -q '"api:9464"' docker/prometheus.yml; then echo "ok: docker/prometheus.yml scrapes api:9464"; else echo "MISSING: api:9464 in docker/prometheus.yml"; fail=1; fi
if command -v promtool >/dev/null; then
  if promtool check config docker/prometheus.yml >/dev/null; then echo "ok: promtool check config docker/prometheus.yml"; else echo "MISSING: a valid docker/prometheus.yml"; fail=1; fi
fi
# ARTICLES_DIR moves the article folder without editing the file.
# (Captured first: under pipefail, grep -q closing the pipe early would fail the pipeline.)
overridden=$(ARTICLES_DIR=/srv/articles docker-compose -f docker/docker-compose.yml config)
if grep -q -- '- /srv/articles:/articles:ro$' <<<"$overridden"; then
  echo "ok: ARTICLES_DIR overrides the article folder"
else
  echo "MISSING: ARTICLES_DIR override"; fail=1
fi

# The scale-out file: PostgreSQL, one importer, two replicas, nginx. Credentials come from docker/.env (not committed);
# the committed example stands in for it here.
pg_out=$(docker-compose -f docker/docker-compose.postgres.yml --env-file docker/.env.example config)
echo "--- docker-compose -f docker/docker-compose.postgres.yml config (services)"
grep -E '^  [a-z]+:$' <<<"$pg_out" || true
pg_expect() {
  if grep -Eq -- "$2" <<<"$pg_out"; then echo "ok: $1"; else echo "MISSING: $1 (/$2/)"; fail=1; fi
}
for service in postgres importer api nginx; do pg_expect "service $service" "^  $service:\$"; done
pg_expect "official postgres image" 'image: postgres:[0-9]+'
pg_expect "postgres data volume" 'articleapi-postgres:/var/lib/postgresql/data'
pg_expect "postgres health check" 'pg_isready'
pg_expect "two API replicas" 'replicas: 2'
pg_expect "replicas do not import" "Import__Enabled: ['\"]?false"
pg_expect "one importer" "Import__Enabled: ['\"]?true"
pg_expect "provider PostgreSql" 'Database__Provider: PostgreSql'
pg_expect "article folder read-only in the importer" "$(pwd)/samples:/articles:ro\$"
pg_expect "nginx configuration mounted" "$(pwd)/docker/nginx.conf:/etc/nginx/conf.d/default.conf:ro"
pg_expect "one published port" 'target: 8080'
if git check-ignore -q docker/.env; then echo "ok: docker/.env is not committed"; else echo "MISSING: docker/.env in .gitignore"; fail=1; fi
# Without credentials compose refuses to start rather than run with a default password.
if env -u POSTGRES_PASSWORD docker-compose -f docker/docker-compose.postgres.yml --env-file /dev/null config >/dev/null 2>&1; then
  echo "MISSING: POSTGRES_PASSWORD is required"; fail=1
else
  echo "ok: POSTGRES_PASSWORD is required"
fi

[ "$fail" -eq 0 ] && echo "compose file OK"
exit "$fail"
