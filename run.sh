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

pom_property() {
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -n 1
}

PORT=${PORT:-8080}
KEYCLOAK_VERSION=${KEYCLOAK_VERSION:-$(pom_property keycloak.server.version)}
LATCHKEY_VERSION=$(pom_property version)
JAR="providers/target/latchkey-${LATCHKEY_VERSION}.jar"
KC_HOME="$ROOT/.run/keycloak-${KEYCLOAK_VERSION}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

command -v java >/dev/null || { echo "Java 17 or newer is needed (java is not on the PATH)." >&2; exit 1; }

# 1. Build when the jar is missing or a source is newer than it.
needs_build() {
  [ ! -f "$JAR" ] && return 0
  [ -n "$(find pom.xml providers themes -newer "$JAR" -type f \
      -not -path '*/target/*' -not -path '*/node_modules/*' | head -n 1)" ]
}
if needs_build; then
  command -v node >/dev/null || { echo "node 20 or newer is needed to build the account theme." >&2; exit 1; }
  say "Building Latchkey ($JAR)"
  ./mvnw -q -B package -DskipTests -pl providers -am
fi

# 2. Keycloak, unpacked once. The zip is fetched alone: its dependency graph is not needed.
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  say "Fetching Keycloak $KEYCLOAK_VERSION"
  mkdir -p .run
  ./mvnw -q -B -N dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip" \
    -DoutputDirectory="$ROOT/.run"
  ZIP=".run/keycloak-quarkus-dist-${KEYCLOAK_VERSION}.zip"
  rm -rf "$KC_HOME" ".run/unpack"
  mkdir -p .run/unpack
  if command -v unzip >/dev/null; then
    unzip -q "$ZIP" -d .run/unpack
  else
    (cd .run/unpack && jar xf "$ROOT/$ZIP")
  fi
  mv ".run/unpack/keycloak-${KEYCLOAK_VERSION}" "$KC_HOME"
  rm -rf .run/unpack "$ZIP"
  chmod +x "$KC_HOME"/bin/*.sh
fi

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
