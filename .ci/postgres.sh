#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the test suite and prints the line that points the tests at it:
#   eval "$(bash .ci/postgres.sh)"   ...   bash .ci/postgres-stop.sh
# Debian's postgresql package (installed when missing), a cluster in a temp folder owned by the package's `postgres`
# user, loopback only, trust authentication, port ARTICLEAPI_PG_PORT (by default 55432, or a free port when something
# else listens there: a server that is not this cluster must never receive the tests). Everything but the export goes to stderr.
# Tests run without durability (fsync off), which changes nothing they check; benchmarks start a second cluster with
# the server's defaults, as an operator would run it:
#   ARTICLEAPI_PG_DURABLE=1 ARTICLEAPI_PG_PORT=55433 ARTICLEAPI_PG_STATE=/tmp/articleapi-pg-bench bash .ci/postgres.sh
set -euo pipefail
state=${ARTICLEAPI_PG_STATE:-/tmp/articleapi-pg}

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "installing postgresql (Debian package)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

# initdb refuses to run as root: the cluster belongs to an unprivileged user.
user=postgres
id "$user" >/dev/null 2>&1 || useradd --system --no-create-home "$user"
as_user() { if [ "$(id -u)" -eq 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi; }

if [ -f "$state/dir" ] && [ -d "$(cat "$state/dir")" ]; then
  echo "stopping the previous test cluster" >&2
  as_user "$bin/pg_ctl" -D "$(cat "$state/dir")/data" -m immediate stop >&2 || true
  rm -rf "$(cat "$state/dir")"
fi

free() { python3 -c 'import socket, sys; socket.socket().bind(("127.0.0.1", int(sys.argv[1])))' "$1" 2>/dev/null; }
if [ -n "${ARTICLEAPI_PG_PORT:-}" ]; then
  port=$ARTICLEAPI_PG_PORT
elif free 55432; then
  port=55432
else
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  echo "port 55432 is taken: the cluster listens on $port" >&2
fi

dir=$(mktemp -d /tmp/articleapi-pg-cluster.XXXXXX)
mkdir -p "$state"
echo "$dir" >"$state/dir"
echo "$bin" >"$state/bin"
chown "$user" "$dir"
chmod 700 "$dir"
as_user "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
options="-h 127.0.0.1 -p $port -k $dir -c max_connections=300"
[ "${ARTICLEAPI_PG_DURABLE:-}" = 1 ] || options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
as_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$options" start >&2

for _ in $(seq 1 60); do
  "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q && break
  sleep 0.5
done
"$bin/pg_isready" -h 127.0.0.1 -p "$port" >&2

echo "export ARTICLEAPI_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
