#!/usr/bin/env bash
# The container's path without a Docker engine: does what the Dockerfile and docker/docker-compose.yml do, then
# checks the running service from outside like an operator would.
#   publish as the Dockerfile does -> run as a non-root user from the app folder (the image's WORKDIR) with the
#   compose file's environment -> articles read-only, an empty data folder owned by that user -> wait for
#   /health/ready -> /articles, /swagger/index.html, the health probe command -> SIGTERM -> exit 0 within 10 s ->
#   the database passes sqlite3's integrity check and holds every article the import reported.
# Also: a bad setting stops the published app with exit code 1 and a message naming the key.
# Paths differ from the container (/app, /data, /articles live under a temp folder) and the port is a free one.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

t0=$(date +%s)
say() { printf '[smoke %3ss] %s\n' "$(( $(date +%s) - t0 ))" "$*"; }
fail() { say "FAIL: $*"; exit 1; }

need=()
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v curl >/dev/null || need+=(curl)
command -v jq >/dev/null || need+=(jq)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/articleapi-smoke.XXXXXX)
chmod 755 "$work"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- the image's build stage
say "dotnet publish src/ArticleApi -c Release -o $work/app (as the Dockerfile)"
dotnet publish src/ArticleApi/ArticleApi.csproj -c Release -o "$work/app" -p:UseAppHost=false -p:TreatWarningsAsErrors=false -nologo -v quiet >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log"; fail "publish failed"; }
chmod -R a+rX "$work/app"
# EF's design-time package (dotnet ef) and the Roslyn it brings stay out of the image (Publish="false").
design=$(cd "$work/app" && ls Microsoft.EntityFrameworkCore.Design.dll Microsoft.CodeAnalysis*.dll 2>/dev/null || true)
[ -z "$design" ] || fail "design-time assemblies were published: $design"
say "published: $(du -sh "$work/app" | cut -f1), no design-time assemblies"

# --- the image's user: non-root, like the aspnet image's `app` (UID 1654)
if [ "$(id -u)" -eq 0 ]; then
  user=articleapi
  id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
else
  user=$(id -un)
fi
uid=$(id -u "$user"); gid=$(id -g "$user")
[ "$uid" -ne 0 ] || fail "the service must not run as root"
say "user $user (uid $uid, gid $gid)"
# Replaces the calling (sub)shell, so that a background job's $! is the service itself and receives the SIGTERM.
exec_as_user() {
  if [ "$(id -u)" -eq 0 ]; then exec setpriv --reuid="$uid" --regid="$gid" --clear-groups "$@"; else exec "$@"; fi
}

# --- the compose file's folders: articles read-only, an empty data folder owned by the user
source_dir="$repo/../shared/corpus"
[ -d "$source_dir" ] || source_dir="$repo/samples"
source_dir=$(cd "$source_dir" && pwd)
mkdir -p "$work/articles" "$work/data" "$work/home"
cp -R "$source_dir/." "$work/articles/"
chmod -R a+rX,a-w "$work/articles"
chown "$uid:$gid" "$work/data" "$work/home"
files=$(find "$work/articles" -type f | wc -l)
say "articles: copy of $source_dir ($files files, read-only), data: empty folder owned by $user"

port=$(comm -23 <(seq 18080 18180) <(ss -Htan 2>/dev/null | awk '{print $4}' | sed 's/.*://' | sort -u) | awk 'NR == 1')
base="http://127.0.0.1:$port"
# The compose file's environment, with this run's folders in place of /data and /articles.
app_env=(
  "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  "HOME=$work/home"
  "DOTNET_CLI_TELEMETRY_OPTOUT=1"
  "ASPNETCORE_HTTP_PORTS=$port"
  "ConnectionStrings__Articles=Data Source=$work/data/articles.db"
  "Import__SourceDirectory=$work/articles"
  "Import__Watch=true"
  "Import__RescanInterval=00:05:00"
  "Serilog__ConsoleFormat=CompactJson"
)

# --- a bad setting stops the service, naming the key
say "start with Import__MaxFileBytes=-5: expect exit code 1 and a message naming Import:MaxFileBytes"
set +e
(cd "$work/app" && exec_as_user env -i "${app_env[@]}" "Import__MaxFileBytes=-5" dotnet ArticleApi.dll >"$work/bad.out" 2>"$work/bad.err")
code=$?
set -e
say "  exit code $code; stderr: $(head -c 300 "$work/bad.err")"
[ "$code" -eq 1 ] || fail "expected exit code 1 for a bad setting, got $code"
grep -q "Import:MaxFileBytes" "$work/bad.err" || fail "stderr does not name Import:MaxFileBytes"
rm -f "$work/data/"*

# Sends SIGTERM to the service and requires exit code 0 within 10 s.
stop_service() {
  local start code=""
  start=$(date +%s%N)
  kill -TERM "$pid"
  for _ in $(seq 1 100); do
    if ! kill -0 "$pid" 2>/dev/null; then set +e; wait "$pid"; code=$?; set -e; break; fi
    sleep 0.1
  done
  [ -n "$code" ] || fail "still running 10 s after SIGTERM"
  pid=""
  say "exited with code $code after $(( ($(date +%s%N) - start) / 1000000 )) ms"
  [ "$code" -eq 0 ] || { tail -n 20 "$work/stdout.log" "$work/stderr.log"; fail "exit code $code after SIGTERM"; }
}

# Starts the service as the image does, with extra settings after the compose file's.
start_service() {
  cd "$work/app"
  exec_as_user env -i "${app_env[@]}" "$@" dotnet ArticleApi.dll >>"$work/stdout.log" 2>>"$work/stderr.log" &
  pid=$!
  cd "$repo"
  # The background subshell becomes the service once its exec chain (setpriv, env) reaches dotnet.
  for _ in $(seq 1 100); do [ "$(ps -o comm= -p "$pid")" = dotnet ] && return 0; sleep 0.02; done
  fail "pid $pid did not become the service"
}

# Waits (60 s at most) for /health/ready to answer 200; leaves the body in $ready.
wait_ready() {
  local deadline=$((SECONDS + 60))
  ready=""
  while [ "$SECONDS" -lt "$deadline" ]; do
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$work/stdout.log" "$work/stderr.log"; fail "the service exited before it was ready"; }
    if ready=$(curl -fsS --max-time 2 "$base/health/ready" 2>/dev/null); then return 0; fi
    ready=""
    sleep 0.5
  done
  tail -n 20 "$work/stdout.log"
  fail "/health/ready did not answer 200 within 60 s"
}

# --- run as the image does: WORKDIR /app, ENTRYPOINT dotnet ArticleApi.dll
say "start: (cd app && dotnet ArticleApi.dll) as $user on port $port"
start_service
wait_ready
say "GET /health/ready -> 200 $ready"
article_count=$(jq -r '.articleCount' <<<"$ready")

live=$(curl -fsS --max-time 5 "$base/health/live") || fail "/health/live"
say "GET /health/live -> 200 $live"

status=$(curl -fsS --max-time 5 "$base/import/status") || fail "/import/status"
added=$(jq -r '.added' <<<"$status"); failed=$(jq -r '.failedCount' <<<"$status"); skipped=$(jq -r '.skippedCount' <<<"$status")
say "GET /import/status -> 200 seen $(jq -r '.seen' <<<"$status"), added $added, skipped $skipped, failed $failed"
[ "$added" -gt 0 ] || fail "the import added nothing"
[ "$article_count" = "$added" ] || fail "readiness reports $article_count articles, the import added $added"

# /articles comes with the query API: required once the OpenAPI document lists it.
openapi=$(curl -fsS --max-time 10 "$base/swagger/v1/swagger.json") || fail "/swagger/v1/swagger.json"
if jq -e '.paths | has("/articles")' >/dev/null <<<"$openapi"; then
  code=$(curl -s -o "$work/articles.json" -w '%{http_code}' --max-time 10 "$base/articles?limit=1")
  say "GET /articles?limit=1 -> $code $(head -c 200 "$work/articles.json")"
  [ "$code" = 200 ] || fail "/articles answered $code"
else
  say "SKIP GET /articles: this build has no /articles route yet (not in the OpenAPI document; the query API lands separately)"
fi

code=$(curl -s -o "$work/swagger.html" -w '%{http_code}' --max-time 10 "$base/swagger/index.html")
say "GET /swagger/index.html -> $code"
[ "$code" = 200 ] && grep -qi swagger "$work/swagger.html" || fail "/swagger/index.html"

# The container's HEALTHCHECK: the app probes itself.
set +e
probe=$(cd "$work/app" && exec_as_user env -i "${app_env[@]}" dotnet ArticleApi.dll health 2>&1); probe_code=$?
set -e
say "dotnet ArticleApi.dll health -> exit $probe_code: $(head -c 120 <<<"$probe")..."
[ "$probe_code" -eq 0 ] || fail "the health probe failed"
set +e
(cd "$work/app" && exec_as_user env -i "${app_env[@]}" dotnet ArticleApi.dll health "http://127.0.0.1:1/health/ready" >/dev/null 2>&1); down_code=$?
set -e
say "dotnet ArticleApi.dll health <nothing listening> -> exit $down_code"
[ "$down_code" -eq 1 ] || fail "the probe must exit 1 when nothing answers"

# --- docker stop: SIGTERM, then exit 0 within 10 s
say "SIGTERM"
stop_service

# --- logs: one JSON object per line, nothing secret
lines=$(wc -l <"$work/stdout.log")
jq -e . "$work/stdout.log" >/dev/null 2>&1 || fail "stdout is not compact JSON lines"
say "log: $lines compact JSON lines; last: $(tail -n 1 "$work/stdout.log" | jq -c '{t: ."@t", m: ."@m"}')"
if grep -q "Data Source=" "$work/stdout.log" "$work/stderr.log"; then fail "the connection string appears in the log"; fi
[ ! -s "$work/stderr.log" ] || { cat "$work/stderr.log"; fail "unexpected output on stderr"; }

# --- the database: released, owned by the user, intact, holding every article
say "data folder: $(ls -l "$work/data" | tail -n +2 | awk '{print $3, $5, $9}' | paste -sd ';')"
[ ! -e "$work/data/articles.db-wal" ] || [ ! -s "$work/data/articles.db-wal" ] || fail "the WAL was not checkpointed: the database was not released"
integrity=$(sqlite3 "$work/data/articles.db" 'PRAGMA integrity_check')
count=$(sqlite3 "$work/data/articles.db" 'SELECT count(*) FROM Articles')
say "sqlite3 PRAGMA integrity_check -> $integrity; SELECT count(*) FROM Articles -> $count"
[ "$integrity" = ok ] || fail "integrity check: $integrity"
[ "$count" -gt 0 ] && [ "$count" = "$added" ] || fail "the database holds $count articles, the import reported $added"

# --- SIGTERM in the middle of the first import, then a restart carries on
say "again on an empty data folder with Import__BatchSize=20: SIGTERM as soon as the first batches are committed"
rm -f "$work/data/"*
: >"$work/stdout.log"
# A batch is 20 files; the corpus's non-item files (SCHEMA.md, people's profiles) are left out here so that every file
# of a committed batch is an article and whole batches show as multiples of 20.
start_service Import__BatchSize=20 'Import__Exclude__0=SCHEMA.md' 'Import__Exclude__1=**/_people/**'
committed=0
for _ in $(seq 1 600); do
  kill -0 "$pid" 2>/dev/null || fail "the service exited during the import"
  committed=$(sqlite3 "file:$work/data/articles.db?mode=ro" 'SELECT count(*) FROM Articles' 2>/dev/null || echo 0)
  [ "${committed:-0}" -gt 0 ] && break
  sleep 0.05
done
say "SIGTERM with $committed articles committed"
stop_service
partial=$(sqlite3 "$work/data/articles.db" 'SELECT count(*) FROM Articles')
integrity=$(sqlite3 "$work/data/articles.db" 'PRAGMA integrity_check')
# Every item file names at least one topic, and an article is written with its topics in one transaction:
# an article without topics would be half an article.
halves=$(sqlite3 "$work/data/articles.db" 'SELECT count(*) FROM Articles a WHERE NOT EXISTS (SELECT 1 FROM ArticleTopics t WHERE t.ArticleKey = a."Key")')
say "after the stop: integrity $integrity, $partial articles, $halves of them without their topics"
[ "$integrity" = ok ] || fail "integrity check after a stop mid-import: $integrity"
[ "$halves" -eq 0 ] || fail "$halves articles were committed without their topics: a partial batch"
grep -q "Import pass cancelled by shutdown" "$work/stdout.log" || [ "$partial" -eq "$added" ] || fail "no cancelled pass in the log"
start_service
wait_ready
restarted=$(sqlite3 "$work/data/articles.db" 'SELECT count(*) FROM Articles')
say "restarted: ready with $(jq -r '.articleCount' <<<"$ready") articles; $(curl -fsS "$base/import/status" | jq -r '"pass \(.passId): added \(.added), unchanged \(.unchanged)"')"
stop_service
[ "$restarted" = "$added" ] || fail "after the restart the database holds $restarted articles, expected $added"
[ "$(sqlite3 "$work/data/articles.db" 'PRAGMA integrity_check')" = ok ] || fail "integrity check after the restart"

say "PASS: the container path works ($count articles from $files files; a stop mid-import and a restart lose nothing)"
