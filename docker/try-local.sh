#!/usr/bin/env bash
# Runs docker/Dockerfile and docker/compose.yaml for real with podman, on a machine that reaches no image registry:
#
#   1. base images made here from Debian's packages (mmdebstrap, then podman import / podman build):
#      a Debian bookworm base, a stand-in for quay.io/keycloak/keycloak (Debian's JRE 17 and the same
#      keycloak-quarkus-dist zip unpacked at /opt/keycloak, uid 1000) and one for postgres (Debian's PostgreSQL 15);
#   2. the project's image, docker/Dockerfile, with --build-arg KEYCLOAK_IMAGE=<the stand-in>;
#   3. docker/compose.yaml (PostgreSQL and two Keycloak nodes) with docker/compose.local.yaml, which only swaps the
#      postgres image for the stand-in; each service is waited for with its own compose health check;
#   4. the cross-node check: a key created on node 1 validates on node 2, and after node 1 deletes it, node 2
#      refuses it;
#   5. compose down, volumes included (--keep leaves everything running).
#
# Usage: docker/try-local.sh [--keep] [--rebuild-bases] [--remove-images]
#   --keep            leave the containers running after the check (tear down later with: docker/try-local.sh --down)
#   --down            only tear down what an earlier --keep left running
#   --rebuild-bases   build the three base images again even when they exist
#   --remove-images   at the end, also remove the base images and the project image (about 1.5 GB)
# Environment: LATCHKEY_HTTP_PORT_1 / LATCHKEY_HTTP_PORT_2 (host ports of the nodes, default 8080 / 8081),
#   WAIT_SECONDS (how long a service may take to become healthy, default 900).
# Needs: podman, podman-compose, mmdebstrap, unzip, curl, jq (Debian: apt-get install podman runc podman-compose
#   mmdebstrap unzip curl jq), root (mmdebstrap and rootful podman), and Maven Central for the Keycloak zip.
# Running it again is safe: it tears down what a previous run left and reuses the base images.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
project=latchkey
state="$root/docker/.try-local"              # scratch space, removed at the end (git-ignored)
debian_image=localhost/latchkey-local/debian:bookworm
postgres_image=localhost/latchkey-local/postgres:15
app_image=localhost/latchkey-keycloak:0.1.0  # compose.yaml's image: latchkey-keycloak:0.1.0
port1=${LATCHKEY_HTTP_PORT_1:-8080}
port2=${LATCHKEY_HTTP_PORT_2:-8081}
wait_seconds=${WAIT_SECONDS:-900}
keep=false down_only=false rebuild=false remove_images=false
for arg in "$@"; do
    case "$arg" in
        --keep) keep=true ;;
        --down) down_only=true ;;
        --rebuild-bases) rebuild=true ;;
        --remove-images) remove_images=true ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
    esac
done

step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }

for tool in podman podman-compose mmdebstrap unzip curl jq; do
    command -v "$tool" >/dev/null || fail "$tool is missing (Debian: apt-get install podman runc podman-compose mmdebstrap unzip curl jq)"
done
[ "$(id -u)" = 0 ] || fail "run as root: mmdebstrap and rootful podman (the compose network) need it"

version=$(sed -n 's:.*<keycloak\.server\.version>\(.*\)</keycloak\.server\.version>.*:\1:p' "$root/pom.xml" | head -n 1)
keycloak_image=localhost/latchkey-local/keycloak:$version

# Two host limits podman's defaults do not fit on some machines (containers, CI runners): a hard open-files limit
# below podman's default nofile=1048576 (raising it needs CAP_SYS_RESOURCE), and cgroups in hybrid v1/v2 mode,
# which crun refuses. Only then is a containers.conf for this run written and used (CONTAINERS_CONF).
mkdir -p "$state"
conf=""
if [ "$(ulimit -Hn)" != unlimited ] && [ "$(ulimit -Hn)" -lt 1048576 ]; then
    nproc=$(ulimit -Hu); [ "$nproc" = unlimited ] && nproc=4096; [ "$nproc" -gt 4096 ] && nproc=4096
    conf+=$'[containers]\n'"default_ulimits = [\"nofile=$(ulimit -Hn):$(ulimit -Hn)\", \"nproc=$nproc:$nproc\"]"$'\n'
fi
if [ -d /sys/fs/cgroup/unified ] || [ "$(stat -fc %T /sys/fs/cgroup)" != cgroup2fs ]; then
    command -v runc >/dev/null || fail "cgroups v1/hybrid here: install runc (crun refuses this mode)"
    conf+=$'[engine]\nruntime = "runc"\n'
fi
if [ -n "$conf" ]; then
    printf '%s' "$conf" > "$state/containers.conf"
    export CONTAINERS_CONF="$state/containers.conf"
    echo "podman settings for this host (CONTAINERS_CONF=$CONTAINERS_CONF):"
    sed 's/^/    /' "$state/containers.conf"
fi

compose() {
    LATCHKEY_HTTP_PORT_1=$port1 LATCHKEY_HTTP_PORT_2=$port2 \
        podman-compose -p "$project" -f "$here/compose.yaml" -f "$here/compose.local.yaml" "$@"
}
container_of() {  # the container of a compose service, by the labels podman-compose and docker compose both set
    podman ps -a -q --filter "label=com.docker.compose.project=$project" \
        --filter "label=com.docker.compose.service=$1" | head -n 1
}
tear_down() {
    step "compose down (containers, network and the database volume)"
    compose down -v >"$state/down.log" 2>&1 || { cat "$state/down.log"; fail "compose down"; }
    podman volume rm -f "${project}_postgres-data" >/dev/null 2>&1 || true
    podman network rm "${project}_default" >/dev/null 2>&1 || true   # podman-compose 1.0.3's down leaves it
    local left
    left=$(podman ps -a -q --filter "label=com.docker.compose.project=$project")
    [ -z "$left" ] || fail "containers left after compose down: $left"
    echo "nothing of project '$project' is left running"
}

if $down_only; then
    tear_down
    rm -rf "$state"
    exit 0
fi

if [ -n "$(podman ps -a -q --filter "label=com.docker.compose.project=$project")" ]; then
    echo "a previous run left containers: removing them first"
    tear_down
fi

# ---------------------------------------------------------------------------------------------------------------
step "1/5 base images from Debian's packages"
image_exists() { podman image exists "$1"; }
if $rebuild; then
    podman rmi "$app_image" "$keycloak_image" "$postgres_image" "$debian_image" >/dev/null 2>&1 || true
fi

if $rebuild || ! image_exists "$debian_image"; then
    echo "mmdebstrap: Debian bookworm (minbase, with its security updates) -> $debian_image"
    mmdebstrap --variant=minbase --customize-hook='chroot "$1" apt-get clean' \
        --customize-hook='rm -rf "$1"/var/lib/apt/lists/*' bookworm "$state/debian.tar" >"$state/mmdebstrap.log" 2>&1 \
        || { tail -n 20 "$state/mmdebstrap.log"; fail "mmdebstrap"; }
    podman import --change 'CMD ["/bin/bash"]' "$state/debian.tar" "$debian_image" >"$state/import.log" 2>&1 \
        || { cat "$state/import.log"; fail "podman import"; }
    rm -f "$state/debian.tar"
else
    echo "reusing $debian_image"
fi

if $rebuild || ! image_exists "$keycloak_image"; then
    echo "Keycloak $version stand-in -> $keycloak_image"
    echo "  keycloak-quarkus-dist $version (Maven local repository, else Maven Central)"
    (cd "$root" && ./mvnw -B -q -N dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" \
        -DoutputDirectory="$state" -Dmdep.stripVersion=false) || fail "fetching keycloak-quarkus-dist $version"
    rm -rf "$state/keycloak-context" && mkdir -p "$state/keycloak-context"
    unzip -q "$state/keycloak-quarkus-dist-$version.zip" -d "$state/keycloak-context"
    mv "$state/keycloak-context/keycloak-$version" "$state/keycloak-context/keycloak"
    chmod -R g+rwX "$state/keycloak-context/keycloak"
    podman build -q --layers=false --pull=never --build-arg DEBIAN_IMAGE="$debian_image" -f "$here/local/keycloak-base.Containerfile" \
        -t "$keycloak_image" "$state/keycloak-context" >"$state/keycloak-base.log" 2>&1 \
        || { tail -n 30 "$state/keycloak-base.log"; fail "building $keycloak_image"; }
    rm -rf "$state/keycloak-context" "$state/keycloak-quarkus-dist-$version.zip"
else
    echo "reusing $keycloak_image"
fi

if $rebuild || ! image_exists "$postgres_image"; then
    echo "PostgreSQL stand-in -> $postgres_image"
    podman build -q --layers=false --pull=never --build-arg DEBIAN_IMAGE="$debian_image" -f "$here/local/postgres.Containerfile" \
        -t "$postgres_image" "$here/local" >"$state/postgres.log" 2>&1 \
        || { tail -n 30 "$state/postgres.log"; fail "building $postgres_image"; }
else
    echo "reusing $postgres_image"
fi

# ---------------------------------------------------------------------------------------------------------------
step "2/5 the project's image: docker/Dockerfile on $keycloak_image"
jar=$(ls "$root"/providers/target/latchkey-[0-9]*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then
    echo "no providers/target/latchkey-*.jar: building it (./mvnw -B -q package -DskipTests -pl providers -am)"
    (cd "$root" && ./mvnw -B -q package -DskipTests -pl providers -am) || fail "building the jar"
fi
old_app=$(podman image inspect -f '{{.Id}}' "$app_image" 2>/dev/null || true)
(cd "$root" && podman build --layers=false --pull=never --build-arg KEYCLOAK_IMAGE="$keycloak_image" -f docker/Dockerfile \
    -t "$app_image" . >"$state/build.log" 2>&1) || { tail -n 30 "$state/build.log"; fail "podman build -f docker/Dockerfile"; }
grep -E '^\[[0-9]/[0-9]\] STEP' "$state/build.log" | sed 's/^/    /'
new_app=$(podman image inspect -f '{{.Id}}' "$app_image")
if [ -n "$old_app" ] && [ "$old_app" != "$new_app" ]; then
    podman rmi "$old_app" >/dev/null 2>&1 || true   # the previous run's image, now untagged
fi
echo "built $app_image"

# ---------------------------------------------------------------------------------------------------------------
step "3/5 compose up: PostgreSQL, then node 1, then node 2 (ports $port1 and $port2)"
# podman-compose 1.0.3 (Debian 12) starts services without waiting for depends_on's service_healthy, and podman runs
# health checks only through systemd timers; so each service is started after the one it depends on, and its
# compose health check is run here (podman healthcheck run) until it passes.
wait_healthy() {
    local service=$1 id deadline
    id=$(container_of "$service")
    [ -n "$id" ] || fail "no container for $service"
    deadline=$((SECONDS + wait_seconds))
    printf '    waiting for %s to pass its health check ' "$service"
    until podman healthcheck run "$id" >/dev/null 2>&1; do
        if [ "$(podman inspect -f '{{.State.Running}}' "$id")" != true ] || [ $SECONDS -ge $deadline ]; then
            echo; podman logs --tail 40 "$id" 2>&1 | sed 's/^/    | /'
            fail "$service did not become healthy within ${wait_seconds}s"
        fi
        printf '.'; sleep 5
    done
    echo " healthy after ${SECONDS}s of this run"
}
for service in postgres keycloak-1 keycloak-2; do
    compose up -d --no-build --no-deps "$service" >"$state/up-$service.log" 2>&1 \
        || { tail -n 20 "$state/up-$service.log"; fail "compose up $service"; }
    wait_healthy "$service"
done
podman ps --filter "label=com.docker.compose.project=$project" --format '    {{.Names}}  {{.Image}}  {{.Status}}  {{.Ports}}'
view=$(podman logs "$(container_of keycloak-2)" 2>&1 | grep 'ISPN000094: Received new cluster view' | tail -n 1 || true)
echo "    node 2's last cluster view: ${view#*cluster view for channel }"

# ---------------------------------------------------------------------------------------------------------------
step "4/5 a key created on node 1 validates on node 2"
node1=http://localhost:$port1
node2=http://localhost:$port2
realm=demo
cli=try-local-cli
call() {  # call <expected status> <curl args...>: prints the body, fails on another status
    local expected=$1 out status
    shift
    out=$(curl -sS -w '\n%{http_code}' "$@") || fail "curl $*"
    status=${out##*$'\n'}
    [ "$status" = "$expected" ] || { echo "${out%$'\n'*}" >&2; fail "expected HTTP $expected, got $status: curl $*"; }
    printf '%s' "${out%$'\n'*}"
}
admin_token() {
    call 200 "$1/realms/master/protocol/openid-connect/token" -d grant_type=password -d client_id=admin-cli \
        -d username=admin --data-urlencode "password=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" | jq -r .access_token
}

admin1=$(admin_token "$node1")
echo "admin token from node 1: ok"
# the demo realm has no client that may sign users in with a password; one is added for this check and removed after
client_json=$(jq -n --arg id "$cli" '{clientId: $id, publicClient: true, directAccessGrantsEnabled: true,
    standardFlowEnabled: false, attributes: {"latchkey.createApiKeys": "true"}}')
existing=$(call 200 -H "Authorization: Bearer $admin1" "$node1/admin/realms/$realm/clients?clientId=$cli" | jq -r '.[0].id // empty')
[ -z "$existing" ] || call 204 -X DELETE -H "Authorization: Bearer $admin1" "$node1/admin/realms/$realm/clients/$existing" >/dev/null
call 201 -H "Authorization: Bearer $admin1" -H 'Content-Type: application/json' -d "$client_json" \
    "$node1/admin/realms/$realm/clients" >/dev/null
echo "client $cli (direct grant, latchkey.createApiKeys=true) created on node 1"

alice=$(call 200 "$node1/realms/$realm/protocol/openid-connect/token" -d grant_type=password -d client_id=$cli \
    -d username=alice -d password=Alice-demo-1 | jq -r .access_token)
expires=$(date -u -d '+30 days' +%F)
created=$(call 201 -H "Authorization: Bearer $alice" -H 'Content-Type: application/json' \
    -d "{\"name\": \"try-local-$(date -u +%s)\", \"expiresAt\": \"$expires\"}" "$node1/realms/$realm/latchkey/me/api-keys")
key=$(jq -r .key <<<"$created")
key_id=$(jq -r .id <<<"$created")
echo "node 1: alice created key $key_id ($(jq -r .name <<<"$created"), expires $expires; the key itself is not printed)"

introspect() {
    call 200 -u demo-service:demo-service-secret --data-urlencode "token=$key" "$1/realms/$realm/latchkey/api-keys/introspect"
}
answer=$(introspect "$node2")
echo "node 2 introspect: $(jq -c '{active, username, key_id, key_name, iss}' <<<"$answer")"
[ "$(jq -r .active <<<"$answer")" = true ] && [ "$(jq -r .username <<<"$answer")" = alice ] \
    && [ "$(jq -r .key_id <<<"$answer")" = "$key_id" ] || fail "node 2 did not accept the key created on node 1"

call 204 -X DELETE -H "Authorization: Bearer $alice" "$node1/realms/$realm/latchkey/me/api-keys/$key_id" >/dev/null
echo "node 1: alice deleted key $key_id"
# the deletion reaches node 2 as a cache invalidation over JGroups: asked until it answers inactive, for 10 s at most
deleted_at=$(date +%s%N)
deadline=$((SECONDS + 10))
until [ "$(introspect "$node2" | jq -r .active)" = false ]; do
    [ $SECONDS -lt $deadline ] || fail "node 2 still accepts the key 10 s after node 1 deleted it"
    sleep 0.2
done
echo "node 2 introspect after the delete: $(introspect "$node2" | jq -c .) (inactive $(( ($(date +%s%N) - deleted_at) / 1000000 )) ms after the delete)"

existing=$(call 200 -H "Authorization: Bearer $admin1" "$node1/admin/realms/$realm/clients?clientId=$cli" | jq -r '.[0].id // empty')
[ -z "$existing" ] || call 204 -X DELETE -H "Authorization: Bearer $admin1" "$node1/admin/realms/$realm/clients/$existing" >/dev/null
echo "client $cli removed"
echo "CROSS-NODE CHECK PASSED"

# ---------------------------------------------------------------------------------------------------------------
if $keep; then
    step "5/5 left running (--keep): node 1 $node1, node 2 $node2; tear down with: docker/try-local.sh --down"
    exit 0
fi
step "5/5 tear down"
tear_down
if $remove_images; then
    # the builds keep no intermediate images (--layers=false), so these four are all there is
    podman rmi "$app_image" "$keycloak_image" "$postgres_image" "$debian_image" >/dev/null
    echo "images removed"
else
    echo "kept the images for the next run (--remove-images removes them): $debian_image $keycloak_image $postgres_image $app_image"
fi
rm -rf "$state"
echo "done"
