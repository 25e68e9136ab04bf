#!/usr/bin/env bash
# Sourced by the checks that need the running service: start_app builds (incrementally), starts the app on a free
# loopback port (or APP_PORT) over a copy of samples/ with its own temp database, and waits until it answers. APP_URL is set;
# the app and the temp folder are removed on exit, whatever happens.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
APP_DIR=$(mktemp -d)
APP_PID=""

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$APP_DIR"
}
trap stop_app EXIT

start_app() {
  local dll="$ROOT/src/ArticleApi/bin/Debug/net10.0/ArticleApi.dll"
  # Incremental: quick after .ci/run's own build, and never a stale binary when a check runs alone.
  dotnet build "$ROOT/src/ArticleApi" -nologo -v quiet >/dev/null
  local port
  # APP_PORT picks the port (when several people share a machine); otherwise any free one.
  port=${APP_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}
  APP_URL="http://127.0.0.1:$port"
  cp -r "$ROOT/samples" "$APP_DIR/samples"
  ConnectionStrings__Articles="Data Source=$APP_DIR/articles.db" \
  Import__SourceDirectory="$APP_DIR/samples" Import__Watch=false \
  ASPNETCORE_URLS="$APP_URL" ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$dll" >"$APP_DIR/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 60); do
    if curl -fsS "$APP_URL/swagger/v1/swagger.json" -o /dev/null 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      break
    fi
    sleep 0.5
  done
  echo "the app did not start; its log:" >&2
  cat "$APP_DIR/app.log" >&2
  return 1
}
