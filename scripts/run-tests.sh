#!/usr/bin/env bash
# Everything CI runs: lint, Django checks, the suite on SQLite and on PostgreSQL
# (in parallel, one per core), then the real-browser journeys. Starts and stops
# its own PostgreSQL, OpenSearch and Redis servers. Exit status is non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
LOGS=var/test-logs
mkdir -p "$LOGS"
rm -f "$LOGS"/*.xml "$LOGS"/*.log
failed=0
step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAILED: $*"; failed=1; }

cleanup() {
  scripts/search-engine.sh stop opensearch >/dev/null 2>&1 || true
  scripts/postgres.sh stop >/dev/null 2>&1 || true
  scripts/redis.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

step "ruff"
.venv/bin/ruff check . || fail ruff

step "import contracts (no import circles)"
.venv/bin/lint-imports --no-cache || fail "import contracts"

step "message catalogues"
$PY manage.py compilemessages -v0 --ignore=.venv || fail compilemessages

step "manage.py check / makemigrations --check"
$PY manage.py check || fail check
$PY manage.py makemigrations --check --dry-run || fail makemigrations

step "front-end packages (pinned in package-lock.json)"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund || fail "npm ci"
fi

step "servers"
PG_URL=$(scripts/postgres.sh start) || { fail "PostgreSQL did not start"; exit 1; }
echo "PostgreSQL: $PG_URL"
OS_URL=$(scripts/search-engine.sh start opensearch | tail -n 1) || { fail "OpenSearch did not start"; exit 1; }
echo "OpenSearch: $OS_URL"
export TEST_OPENSEARCH_URL="$OS_URL"
REDIS_URL_FOR_TESTS=$(scripts/redis.sh start) || { fail "Redis did not start"; exit 1; }
echo "Redis: $REDIS_URL_FOR_TESTS"
export TEST_REDIS_URL="$REDIS_URL_FOR_TESTS"

step "suites on SQLite and PostgreSQL (in parallel)"
run_suite() {  # name, then environment assignments
  local name=$1; shift
  env "$@" TEST_SEARCH_INDEX_PREFIX="test-$name-$$" \
    $PY -m pytest -m "not e2e" -q -p no:cacheprovider \
    --junitxml="$LOGS/$name.xml" >"$LOGS/$name.log" 2>&1
}
run_suite sqlite DATABASE_URL= & sqlite_pid=$!
run_suite postgres DATABASE_URL="$PG_URL" & pg_pid=$!
wait $sqlite_pid || fail "SQLite suite"
wait $pg_pid || fail "PostgreSQL suite"
for name in sqlite postgres; do
  echo "-- $name"; tail -n 40 "$LOGS/$name.log"
done

# tests/e2e also holds the layout checks of every public page type at three widths
# (screenshots in var/screenshots/) and the Nu Html Checker (vnu.jar, on the installed Java).
step "browser journeys, layout checks (Chromium + axe-core), Nu Html Checker"
# One process per file: the live-server tests flush the database, and a flush in one
# file's tests left later files without the migrations' rows (root collection,
# regions) when all ran in one process.
for journey in tests/e2e/test_*.py; do
  name=$(basename "$journey" .py)
  DJANGO_ALLOW_ASYNC_UNSAFE=true $PY -m pytest -m e2e -q -p no:cacheprovider \
    --junitxml="$LOGS/e2e-$name.xml" "$journey" || fail "browser journeys ($name)"
done

step "summary"
# In CI (CI=true) a skipped test is a failure: every test must run against real servers.
$PY scripts/test-summary.py "$LOGS" || fail "summary"
exit $failed
