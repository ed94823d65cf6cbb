#!/usr/bin/env bash
# A private Redis server for the test suite (the shared page cache), from Debian's package.
# Usage: scripts/redis.sh start|stop|url
# Listens on 127.0.0.1:${PORTAL_REDIS_PORT:-63790}, keeps nothing on disk; pid under var/.
set -euo pipefail

cd "$(dirname "$0")/.."
PORT="${PORTAL_REDIS_PORT:-63790}"
DIR="$PWD/var/redis-$PORT"
URL="redis://127.0.0.1:${PORT}/0"

running() { [ -f "$DIR/redis.pid" ] && kill -0 "$(cat "$DIR/redis.pid")" 2>/dev/null; }

case "${1:-}" in
  start)
    command -v redis-server >/dev/null || { echo "redis-server not found (install: redis-server)" >&2; exit 1; }
    if ! running; then
      mkdir -p "$DIR"
      redis-server --bind 127.0.0.1 --port "$PORT" --daemonize yes --dir "$DIR" \
        --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" --save "" --appendonly no \
        --maxmemory 128mb --maxmemory-policy allkeys-lru >/dev/null
      for _ in $(seq 50); do
        redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null | grep -q PONG && break
        sleep 0.1
      done
    fi
    redis-cli -h 127.0.0.1 -p "$PORT" ping | grep -q PONG || { echo "Redis did not start" >&2; exit 1; }
    echo "$URL"
    ;;
  stop)
    if running; then
      pid=$(cat "$DIR/redis.pid")
      kill "$pid"
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    ;;
  url) echo "$URL" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
