#!/usr/bin/env bash
# Install the Debian packages the project needs, only those that are missing.
# Usage: scripts/system-deps.sh run|test
#   run:  gettext (to compile the message catalogues), Voikko and its Finnish dictionary
#         (Finnish base forms and compound parts for search)
#   bench: also wrk for `make bench-http`
#   test: also PostgreSQL, Redis and Chromium (+ driver) for the database, cache and browser
#         suites
set -euo pipefail

need=()
have() { command -v "$1" >/dev/null 2>&1; }

have msgfmt || need+=(gettext)
ls /usr/lib/*/libvoikko.so.1 >/dev/null 2>&1 || need+=(libvoikko1)
[ -d /usr/lib/voikko ] || [ -d /usr/share/voikko ] || need+=(voikko-fi)
if [ "${1:-run}" = test ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql postgresql-contrib)
  [ -x /usr/bin/chromium ] || need+=(chromium chromium-driver fonts-dejavu-core)
  have java || need+=(openjdk-17-jre-headless)
  have mvn || need+=(maven)
  have curl || need+=(curl)
  have redis-server || need+=(redis-server)
fi
if [ "${1:-run}" = bench ]; then
  have wrk || need+=(wrk)
fi

[ ${#need[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${need[*]}"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
