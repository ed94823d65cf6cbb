#!/usr/bin/env bash
# `make bench-http`: the portal under gunicorn (2 workers, production settings, SQLite,
# Redis page cache) with the demo content plus a generated library of BENCH_MODELS
# (2,000) models, each page type loaded with wrk (8 connections, warm-up, then
# BENCH_SECONDS), with the shared page cache off (cold: every request renders) and on
# (warm), and a static file through the same server as the machine's ceiling.
# Results go to BENCHMARKS.md ("HTTP throughput"). Traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT=${BENCH_PORT:-8765}
SECONDS_EACH=${BENCH_SECONDS:-10}
WARMUP=${BENCH_WARMUP:-5}  # long enough for both workers to build the site memo
DIR=$PWD/var/bench-http
OUT=$DIR/results
mkdir -p "$DIR/media" "$OUT"
rm -f "$OUT"/*.txt

scripts/system-deps.sh bench
# BENCH_REDIS_URL: a Redis database to use (and flush) instead of starting the test
# suite's private server (scripts/redis.sh); it must be one nobody else uses.
REDIS_URL=${BENCH_REDIS_URL:-}
if [ -z "$REDIS_URL" ]; then
  REDIS=$(scripts/redis.sh start)
  REDIS_URL="${REDIS%/*}/9"
fi
case "$REDIS_URL" in redis://127.0.0.1:*|redis://localhost:*) ;;
  *) echo "Redis must be on 127.0.0.1: $REDIS_URL" >&2; exit 2 ;; esac

export DJANGO_SETTINGS_MODULE=portal.settings.production
export DATABASE_URL="sqlite:///$DIR/db.sqlite3"
export DJANGO_SECRET_KEY="bench-only-not-a-secret-$(hostname)"
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export MEDIA_ROOT=$DIR/media STATIC_ROOT=$DIR/static PORTAL_VAR_DIR=$DIR
export WAGTAILADMIN_BASE_URL=http://127.0.0.1:$PORT
export PORTAL_FEEDBACK_EMAIL=palaute@example.invalid
export DJANGO_SECURE_SSL_REDIRECT=false LOG_LEVEL=WARNING
export REDIS_URL CACHE_KEY_PREFIX=bench

# Every step is bounded: set-up steps by `timeout`, requests by curl's and wrk's own limits.
run() { timeout "${BENCH_STEP_LIMIT:-900}" "$PY" manage.py "$@"; }
run compilemessages -v0 --ignore=.venv --ignore=node_modules
run migrate --no-input -v0
run load_demo_content >/dev/null
run collectstatic --no-input -v0
run shell -c "exec(open('tests/bench/http_data.py').read())" | sed -n '/^--- URLS ---$/,$p' | tail -n +2 >"$DIR/urls.tsv"
[ -s "$DIR/urls.tsv" ] || { echo "tests/bench/http_data.py printed no addresses" >&2; exit 1; }
printf 'static file (ceiling)\t/static/css/tokens.css\n' >>"$DIR/urls.tsv"

serve() {  # cache on|off
  if curl -s --max-time 2 -o /dev/null "http://127.0.0.1:$PORT/"; then
    echo "port $PORT is already in use (set BENCH_PORT)" >&2; return 1
  fi
  PAGE_CACHE_ENABLED=$([ "$1" = on ] && echo true || echo false) \
    .venv/bin/gunicorn portal.wsgi -w 2 -b "127.0.0.1:$PORT" --log-level warning \
    --pid "$DIR/gunicorn.pid" --daemon
  for _ in $(seq 1 100); do
    curl -fsS --max-time 5 -o /dev/null "http://127.0.0.1:$PORT/fi/" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "gunicorn did not answer" >&2; return 1
}
stop() {  # the server this script started (its pid file), waited for at most 10 s
  [ -f "$DIR/gunicorn.pid" ] || return 0
  pid=$(cat "$DIR/gunicorn.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  rm -f "$DIR/gunicorn.pid"
}
trap stop EXIT

drain() {  # wait (at most 120 s) until requests wrk left queued are served, so a slow
  # page's backlog is not measured as the next page's time
  for _ in $(seq 1 24); do
    curl -fs --max-time 5 -o /dev/null "http://127.0.0.1:$PORT/static/css/tokens.css" && return 0
  done
}

for mode in off on; do
  redis-cli -u "$REDIS_URL" flushdb >/dev/null
  serve "$mode"
  n=0
  while IFS=$'\t' read -r name path; do
    n=$((n + 1))
    url="http://127.0.0.1:$PORT$path"
    code=$(curl -s --max-time 30 -o /dev/null -w '%{http_code}' "$url" || true)
    timeout $((WARMUP + 30)) wrk -t2 -c8 -d"${WARMUP}s" --timeout 10s "$url" >/dev/null || true
    { echo "name: $name"; echo "path: $path"; echo "status: $code";
      timeout $((SECONDS_EACH + 30)) wrk -t2 -c8 -d"${SECONDS_EACH}s" --timeout 10s --latency "$url" || true
    } >"$OUT/$mode-$(printf '%02d' $n).txt"
    drain
  done <"$DIR/urls.tsv"
  stop
done

$PY scripts/bench_http_report.py "$OUT" "$SECONDS_EACH"
