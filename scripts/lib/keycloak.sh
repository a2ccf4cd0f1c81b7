# shellcheck shell=bash
# What run.sh, bench/run.sh and bench/soak.sh share before they start a Keycloak: the versions from pom.xml, the
# Latchkey jar built when it is older than its sources, and a Keycloak distribution fetched and unpacked once.
# Source it after setting ROOT to the repository root; the functions run Maven from there.

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { echo "ERROR: $*" >&2; exit 1; }

# The first <NAME>value</NAME> in the root pom.xml, e.g. `pom_property keycloak.server.version`.
pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -n 1; }

# KEYCLOAK_VERSION from the environment, else the server version the project tests against; the jar's path.
KEYCLOAK_VERSION=${KEYCLOAK_VERSION:-$(pom_property keycloak.server.version)}
LATCHKEY_VERSION=$(pom_property version)
LATCHKEY_JAR="$ROOT/providers/target/latchkey-${LATCHKEY_VERSION}.jar"

# True when the jar is missing or a file that goes into it (Java sources, theme sources, build files) is newer.
jar_is_stale() {
  [ ! -f "$LATCHKEY_JAR" ] && return 0
  [ -n "$(cd "$ROOT" && find pom.xml providers themes -newer "$LATCHKEY_JAR" -type f \
      -not -path '*/target/*' -not -path '*/node_modules/*' 2>/dev/null | head -n 1)" ]
}

# Builds the jar (the theme with it); extra arguments go to Maven, e.g. -Dnpm.skip=true.
build_jar() {
  if ! command -v node >/dev/null && [[ " $* " != *" -Dnpm.skip=true "* ]]; then
    echo "node 20 or newer is needed to build the account theme." >&2
    return 1
  fi
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests -pl providers -am "$@")
}

# Unpacks keycloak-quarkus-dist into KC_HOME (its parent is the work directory) unless it is there already. The zip
# comes from the local Maven repository when the integration tests resolved it before, else Maven fetches it alone:
# the distribution's own dependency graph is not needed.
unpack_keycloak() {
  local kc_home=$1
  [ -x "$kc_home/bin/kc.sh" ] && return 0
  local work zip fetched=""
  work=$(dirname "$kc_home")
  mkdir -p "$work"
  zip="$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  if [ ! -f "$zip" ]; then
    say "Fetching Keycloak $KEYCLOAK_VERSION"
    (cd "$ROOT" && ./mvnw -q -B -N dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip" -DoutputDirectory="$work")
    zip="$work/keycloak-quarkus-dist-${KEYCLOAK_VERSION}.zip"
    fetched=$zip
  fi
  say "Unpacking Keycloak $KEYCLOAK_VERSION into $work"
  rm -rf "$kc_home" "$work/unpack" && mkdir -p "$work/unpack"
  if command -v unzip >/dev/null; then
    unzip -q "$zip" -d "$work/unpack"
  else
    (cd "$work/unpack" && jar xf "$zip")
  fi
  mv "$work/unpack/keycloak-${KEYCLOAK_VERSION}" "$kc_home"
  rm -rf "$work/unpack" ${fetched:+"$fetched"}
  # jar xf keeps no file modes
  chmod +x "$kc_home"/bin/*.sh
}
