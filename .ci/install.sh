#!/usr/bin/env bash
# Installs the Debian packages the checks use, only those missing, so a re-run on a prepared machine is quick.
set -euo pipefail
need=()
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v docker-compose >/dev/null || need+=(docker-compose)
command -v chromium >/dev/null || need+=(chromium)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
command -v node >/dev/null || { echo "node is missing: the OpenAPI lint needs Node.js and npm"; exit 1; }
echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1), docker-compose $(docker-compose version --short 2>/dev/null || echo '?'), $(chromium --version 2>/dev/null), node $(node --version)"
