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

step "suites on SQLite and PostgreSQL (in parallel), then the browser journeys"
run_suite() {  # name, marker expression, then environment assignments
  local name=$1 markers=$2; shift 2
  env "$@" TEST_SEARCH_INDEX_PREFIX="test-$name-$$" \
    $PY -m pytest -m "$markers" -q -p no:cacheprovider \
    --junitxml="$LOGS/$name.xml" >"$LOGS/$name.log" 2>&1
}

# tests/e2e also holds the layout checks of every public page type at three widths
# (screenshots in var/screenshots/) and the Nu Html Checker (vnu.jar, on the installed Java).
# One process per file: the live-server tests flush the database, and a flush in one
# file's tests left later files without the migrations' rows (root collection,
# regions) when all ran in one process.
run_journeys() {
  local status=0 journey name
  for journey in tests/e2e/test_*.py; do
    name=$(basename "$journey" .py)
    DJANGO_ALLOW_ASYNC_UNSAFE=true DATABASE_URL= $PY -m pytest -m e2e -q -p no:cacheprovider \
      --junitxml="$LOGS/e2e-$name.xml" "$journey" >"$LOGS/e2e-$name.log" 2>&1 || {
        echo "FAILED: browser journeys ($name)"; tail -n 60 "$LOGS/e2e-$name.log"; status=1; }
  done
  return $status
}

# The OpenSearch tests (marker search_engine) do not depend on the database engine:
# they run once, in the SQLite suite. The PostgreSQL suite is the longer one, so the
# browser journeys follow the SQLite suite on the core it frees.
( run_suite sqlite "not e2e" DATABASE_URL= || { echo "FAILED: SQLite suite"; exit 1; }
) & sqlite_pid=$!
run_suite postgres "not e2e and not search_engine" DATABASE_URL="$PG_URL" & pg_pid=$!
wait $sqlite_pid || fail "SQLite suite"
run_journeys || fail "browser journeys, layout checks (Chromium + axe-core), Nu Html Checker"
wait $pg_pid || fail "PostgreSQL suite"
for name in sqlite postgres; do
  echo "-- $name"; tail -n 40 "$LOGS/$name.log"
done

step "summary"
# In CI (CI=true) a skipped test is a failure: every test must run against real servers.
$PY scripts/test-summary.py "$LOGS" || fail "summary"
exit $failed
