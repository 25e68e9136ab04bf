#!/usr/bin/env bash
# Opens Swagger UI in Debian's headless Chromium against the running app over the samples and checks that the
# rendered page lists the operations (Swagger UI renders one .opblock per operation, with its path), then uses it as a
# newcomer would (.ci/swagger-ui-try.cjs, playwright-core from npm driving the same Chromium): Try it out and Execute
# on GET /articles, untouched, must show articles. Writes screenshots (SWAGGER_SCREENSHOT, default swagger-ui.png in
# the temp folder, and swagger-ui-try.png beside it) for a human look.
set -euo pipefail
source "$(dirname "$0")/app.sh"
PLAYWRIGHT_VERSION=1.65.1

if ! command -v chromium >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

start_app
browse() {
  # No network beyond the loopback app, no profile reuse: the same result on every machine.
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --disable-dev-shm-usage --user-data-dir="$(mktemp -d -p "$APP_DIR")" \
    --virtual-time-budget=10000 "$@" "$APP_URL/swagger/index.html"
}

browse --dump-dom >"$APP_DIR/dom.html" 2>"$APP_DIR/chromium.log" || { cat "$APP_DIR/chromium.log" >&2; exit 1; }
screenshot=${SWAGGER_SCREENSHOT:-$APP_DIR/swagger-ui.png}
browse --window-size=1280,2400 --screenshot="$screenshot" >/dev/null 2>>"$APP_DIR/chromium.log" || true

failed=0
for operation in '/articles' '/articles/{id}' '/topics' '/topics/{slug}/articles' '/providers' '/related'; do
  if ! grep -q "data-path=\"$operation\"" "$APP_DIR/dom.html"; then
    echo "Swagger UI does not show the operation $operation" >&2
    failed=1
  fi
done
blocks=$(grep -o 'class="opblock opblock-get' "$APP_DIR/dom.html" | wc -l)
if [ "$blocks" -lt 12 ]; then
  echo "Swagger UI shows $blocks GET operations; expected at least 12" >&2
  failed=1
fi
[ "$failed" -eq 0 ] && echo "Swagger UI shows $blocks GET operations, including /articles and /topics"

# The first click: pinned playwright-core (no browser download; it drives Debian's Chromium) in the temp folder.
npm install --silent --no-audit --no-fund --prefix "$APP_DIR/node" "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null
if ! NODE_PATH="$APP_DIR/node/node_modules" timeout 180 node "$ROOT/.ci/swagger-ui-try.cjs" "$APP_URL" "$(dirname "$screenshot")/swagger-ui-try.png"; then
  failed=1
fi
exit "$failed"
