#!/usr/bin/env bash
# Stops and removes the test cluster that .ci/postgres.sh started.
set -euo pipefail
state=${ARTICLEAPI_PG_STATE:-/tmp/articleapi-pg}
[ -f "$state/dir" ] || { echo "no test cluster to stop"; exit 0; }
dir=$(cat "$state/dir")
bin=$(cat "$state/bin")
if [ -d "$dir/data" ]; then
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast stop || true
  else "$bin/pg_ctl" -D "$dir/data" -m fast stop || true; fi
fi
rm -rf "$dir" "$state"
echo "test cluster stopped"
