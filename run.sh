#!/usr/bin/env bash
# Builds Latchkey when needed, installs it into a local Keycloak under .run/ and starts that Keycloak
# with the demo realm. Ctrl-C stops it. See README.md.
#
#   ./run.sh            start (data under .run/ is kept between runs)
#   ./run.sh --reset    forget all data first (the demo realm is imported again)
#
# Environment: PORT (default 8080), KEYCLOAK_VERSION (default: keycloak.server.version in pom.xml).
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$(pwd)

usage() {
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
}

RESET=false
for arg in "$@"; do
  case "$arg" in
    --reset) RESET=true ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

# shellcheck source=scripts/lib/keycloak.sh
. "$ROOT/scripts/lib/keycloak.sh"

PORT=${PORT:-8080}
JAR="$LATCHKEY_JAR"
KC_HOME="$ROOT/.run/keycloak-${KEYCLOAK_VERSION}"

command -v java >/dev/null || { echo "Java 17 or newer is needed (java is not on the PATH)." >&2; exit 1; }

# 1. Build when the jar is missing or a source is newer than it.
if jar_is_stale; then
  say "Building Latchkey (${JAR#"$ROOT/"})"
  build_jar
fi

# 2. Keycloak, unpacked once.
unpack_keycloak "$KC_HOME"

# 3. The jar and the demo realm. --import-realm skips a realm that already exists.
if $RESET; then
  say "Removing the data of earlier runs"
  rm -rf "$KC_HOME/data"
fi
# Copied only when it changed: a new file makes Keycloak rebuild itself at start (half a minute).
if ! cmp -s "$JAR" "$KC_HOME/providers/$(basename "$JAR")"; then
  rm -f "$KC_HOME"/providers/latchkey*.jar
  cp "$JAR" "$KC_HOME/providers/"
fi
mkdir -p "$KC_HOME/data/import"
cp realm-export.json "$KC_HOME/data/import/realm-export.json"

banner() {
  cat <<EOF

  Latchkey is running on Keycloak $KEYCLOAK_VERSION

  Account console   http://localhost:$PORT/realms/demo/account/
    alice / Alice-demo-1   may use API keys (role api-access)
    bob   / Bob-demo-1     may not use API keys
    carol / Carol-demo-1   API keys through group /engineering/platform; in both organizations
  Admin console     http://localhost:$PORT/admin/   admin / admin
  Service client    demo-service / demo-service-secret (realm demo)

  Data is kept in $KC_HOME/data; ./run.sh --reset starts from realm-export.json again.
  Ctrl-C stops Keycloak.

EOF
}

# 4. Start. Keycloak runs in the background so the summary can follow its start-up log; Ctrl-C stops it.
say "Starting Keycloak on port $PORT"
export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin
"$KC_HOME/bin/kc.sh" start-dev --features=declarative-ui --http-port="$PORT" --import-realm &
KC_PID=$!
trap 'kill -TERM "$KC_PID" 2>/dev/null || true; wait "$KC_PID" 2>/dev/null || true; exit 130' INT TERM

if command -v curl >/dev/null; then
  until curl -fs -o /dev/null "http://localhost:$PORT/realms/demo/.well-known/openid-configuration"; do
    kill -0 "$KC_PID" 2>/dev/null || { wait "$KC_PID"; exit $?; }
    sleep 1
  done
fi
banner
wait "$KC_PID"
