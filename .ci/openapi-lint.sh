#!/usr/bin/env bash
# Fetches the served OpenAPI document from the running app and lints it with Redocly's CLI (pinned: the version the
# npm registry served when this was written, so a new release cannot change the verdict overnight).
set -euo pipefail
source "$(dirname "$0")/app.sh"
REDOCLY_VERSION=2.77.0

start_app
curl -fsS "$APP_URL/swagger/v1/swagger.json" -o "$APP_DIR/swagger.json"
npx --yes "@redocly/cli@$REDOCLY_VERSION" lint --config "$ROOT/.ci/redocly.yaml" "$APP_DIR/swagger.json"
