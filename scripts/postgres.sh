#!/usr/bin/env bash
# A private PostgreSQL server for the test suite, from Debian's packages.
# Usage: scripts/postgres.sh start|stop|purge|url|datadir
#   purge: stop the server and delete its data directory.
# Listens on 127.0.0.1:${PORTAL_PG_PORT:-54329}.
#
# Data directory: var/postgres in the checkout (git-ignored) when the server's user
# can reach it. Run as root, the server runs as the `postgres` user (initdb refuses
# root), and that user cannot enter a checkout below a folder only its owner may
# enter (a clone in a private home or temp folder): the cluster then lives in
# /var/tmp/portal-pg-<hash of the checkout path and port>, owned by postgres.
# PORTAL_PG_DATA overrides the choice.
set -euo pipefail

cd "$(dirname "$0")/.."
PORT="${PORTAL_PG_PORT:-54329}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
URL="postgres://portal@127.0.0.1:${PORT}/portal"

as_postgres() {  # from /, which the postgres user can always enter
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

data_dir() {
  local local_dir="$PWD/var/postgres"
  if [ -n "${PORTAL_PG_DATA:-}" ]; then echo "$PORTAL_PG_DATA"; return; fi
  # An existing cluster stays where it is; otherwise the server's user must reach var/.
  if [ -f "$local_dir/PG_VERSION" ] || [ "$(id -u)" != 0 ] ||
      as_postgres test -x "$PWD/var" 2>/dev/null; then
    echo "$local_dir"
  else
    echo "/var/tmp/portal-pg-$(printf '%s:%s' "$PWD" "$PORT" | sha1sum | cut -c1-12)"
  fi
}

mkdir -p var
DATA="$(data_dir)"

running() { [ -n "$BIN" ] && as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

stop() {
  if running; then as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null; fi
}

case "${1:-}" in
  start)
    [ -n "$BIN" ] || { echo "PostgreSQL server binaries not found (install: postgresql)" >&2; exit 1; }
    if ! running; then
      mkdir -p "$DATA"
      chmod 700 "$DATA"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
      if [ ! -f "$DATA/PG_VERSION" ]; then
        as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 \
          --locale=C.UTF-8 >/dev/null
      fi
      as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c fsync=off \
            -c synchronous_commit=off -c full_page_writes=off" >/dev/null ||
        { echo "PostgreSQL did not start; last log lines ($DATA/server.log):" >&2
          tail -n 20 "$DATA/server.log" >&2; exit 1; }
    fi
    as_postgres "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc \
        "SELECT 1 FROM pg_roles WHERE rolname='portal'" | grep -q 1 ||
        { as_postgres "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc \
            "CREATE ROLE portal LOGIN SUPERUSER" &&
          as_postgres "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc \
            "CREATE DATABASE portal OWNER portal"; }
    echo "$URL"
    ;;
  stop) stop ;;
  purge) stop; rm -rf "$DATA" ;;
  url) echo "$URL" ;;
  datadir) echo "$DATA" ;;
  *) echo "usage: $0 start|stop|purge|url|datadir" >&2; exit 2 ;;
esac
