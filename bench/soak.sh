#!/usr/bin/env bash
# Soak: validates API keys at full rate against one Keycloak node for 60 s and checks that nothing degrades:
# zero wrong answers or errors, and the server's heap after a full GC not growing (before vs after, via jcmd).
#
#   bench/soak.sh               60 s, 8 concurrent clients, after a 10 s warm-up
#   DURATION=300 bench/soak.sh  longer
#
# It builds the jar when missing or older than its sources, unpacks Keycloak into .run/soak/, builds it for production
# (`kc.sh build --db=dev-file --features=declarative-ui`: H2 in a file, no database server needed), starts
# `kc.sh start --optimized` on 127.0.0.1:${PORT:-38090} with a fresh data directory, runs bench/Soak.java
# (realm, users and keys through the REST API, then the load, then jcmd GC.run + GC.heap_info) and stops Keycloak.
# Exit status 0 when the soak passed. Environment: DURATION [60] seconds, CLIENTS [8], PORT [38090] (management PORT+1),
# KEYCLOAK_VERSION [keycloak.server.version in pom.xml], HEAP [-Xms512m -Xmx512m].
# Needs Java 17+ (java, jcmd), unzip or jar; node 20 only to build the jar.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
case "${1:-}" in -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac

# shellcheck source=../scripts/lib/keycloak.sh
. "$ROOT/scripts/lib/keycloak.sh"
DURATION=${DURATION:-60}
CLIENTS=${CLIENTS:-8}
PORT=${PORT:-38090}
HEAP=${HEAP:-"-Xms512m -Xmx512m"}
JAR="$LATCHKEY_JAR"
WORK="$ROOT/.run/soak"
KC_HOME="$WORK/keycloak-$KEYCLOAK_VERSION"
LOG="$WORK/keycloak.log"

if jar_is_stale; then
  say "Building $JAR"
  build_jar
fi

unpack_keycloak "$KC_HOME"

# A build is only redone when the jar changed.
if ! cmp -s "$JAR" "$KC_HOME/providers/latchkey.jar"; then
  say "Building the optimized server"
  rm -f "$KC_HOME"/providers/latchkey*.jar
  cp "$JAR" "$KC_HOME/providers/latchkey.jar"
  env -u KC_DB "$KC_HOME/bin/kc.sh" build --db=dev-file --features=declarative-ui > "$WORK/build.log" 2>&1 \
    || { cat "$WORK/build.log"; exit 1; }
fi
rm -rf "$KC_HOME/data"

say "Starting Keycloak on 127.0.0.1:$PORT (log: $LOG)"
export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS_KC_HEAP="$HEAP"
"$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --hostname-strict=false --http-host=127.0.0.1 \
  --http-port="$PORT" --http-management-port=$((PORT + 1)) --cache=local > "$LOG" 2>&1 &
KC_PID=$!
stop_keycloak() {
  # kc.sh forwards SIGTERM to its JVM; stop only what this script started
  kill -TERM "$KC_PID" 2>/dev/null || true
  wait "$KC_PID" 2>/dev/null || true
}
trap stop_keycloak EXIT

for _ in $(seq 1 300); do
  kill -0 "$KC_PID" 2>/dev/null || { tail -n 40 "$LOG"; echo "Keycloak exited" >&2; exit 1; }
  grep -q "Listening on: http" "$LOG" && break
  sleep 1
done
grep -q "Listening on: http" "$LOG" || { echo "Keycloak did not start within 300 s" >&2; exit 1; }

# kc.sh runs the JVM as its child (and execs it only after an implicit re-build): jcmd needs the JVM's PID
JVM_PID=$(pgrep -P "$KC_PID" java | head -n 1 || true)
JVM_PID=${JVM_PID:-$KC_PID}

java "$ROOT/bench/Soak.java" "http://127.0.0.1:$PORT" "$JVM_PID" "$DURATION" "$CLIENTS"
