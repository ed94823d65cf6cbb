#!/usr/bin/env bash
# A private PostgreSQL server for the test suite, from Debian's packages.
# Usage: scripts/postgres.sh start|stop|url
# Listens on 127.0.0.1:${PORTAL_PG_PORT:-54329}; data under var/postgres (git-ignored).
set -euo pipefail

cd "$(dirname "$0")/.."
PORT="${PORTAL_PG_PORT:-54329}"
DATA="$PWD/var/postgres"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
URL="postgres://portal@127.0.0.1:${PORT}/portal"

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running() { [ -n "$BIN" ] && as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

case "${1:-}" in
  start)
    [ -n "$BIN" ] || { echo "PostgreSQL server binaries not found (install: postgresql)" >&2; exit 1; }
    if ! running; then
      mkdir -p "$DATA"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
      if [ ! -f "$DATA/PG_VERSION" ]; then
        as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 \
          --locale=C.UTF-8 >/dev/null
      fi
      as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c fsync=off \
            -c synchronous_commit=off -c full_page_writes=off" >/dev/null
    fi
    as_postgres "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc \
        "SELECT 1 FROM pg_roles WHERE rolname='portal'" | grep -q 1 ||
        { as_postgres "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc \
            "CREATE ROLE portal LOGIN SUPERUSER" &&
          as_postgres "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc \
            "CREATE DATABASE portal OWNER portal"; }
    echo "$URL"
    ;;
  stop)
    if running; then as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null; fi
    ;;
  url) echo "$URL" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
