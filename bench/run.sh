#!/usr/bin/env bash
# Latchkey benchmark: API-key validation against Keycloak's own token introspection, on one Keycloak, in one run.
#
#   bench/run.sh            full run (about 20 minutes on 2 cores, plus about 5 minutes the first time for setup)
#   bench/run.sh --quick    short runs (2 x 3 s per target) to check that everything works; figures are rough
#   bench/run.sh --fresh    generate the keys and import the realms again (otherwise reused from bench/.work)
#   bench/run.sh --profile  also record JFR profiles of the introspection and validation runs and summarise them
#                           (bench/.work/profile-<realm>-<target>.jfr and .txt)
#   bench/run.sh --inventory only the admin's realm-wide key list (a page of 100, each filter), then stop
#
# What it does: builds the Latchkey jar when missing or older than the sources, unpacks Keycloak once into
# bench/.work, builds it for production (`kc.sh build --db=dev-file`: H2 in a file, the only database without extra
# setup; Keycloak calls it deprecated for production), imports one realm per key count with users that already hold
# `api-key` credentials (minted offline in Latchkey's format; half of them scoped to two of their owner's roles),
# starts `kc.sh start --optimized` on 127.0.0.1, and runs wrk against each target with the same threads, connections
# and duration. It prints requests/s, p50, p99, errors and the SQL statements Keycloak ran during each measured run,
# then the summary line (with scoped/unscoped: scoped keys' validations against unscoped ones), and writes
# bench/RESULTS.md.
#
# Environment (defaults in brackets): DURATION [30] seconds per target, measured in ROUNDS [3] rounds, after WARMUP
# [30] seconds per target; CONNECTIONS [32], THREADS [2]; SCALES ["1000 100000"] keys per realm, KEYS_PER_USER [10];
# PORT [28080] (management PORT+1); KEYCLOAK_VERSION [keycloak.server.version in pom.xml]; HEAP [-Xms1g -Xmx1g];
# USERS_CACHE [50000] (--cache-embedded-users-max-count); RESULTS_FILE [bench/RESULTS.md].
# The proxy auth endpoint (target auth, next to the ceiling) and nginx in front of a service (targets proxied and
# direct: with and without auth_request, largest realm only) are measured in the same rounds.
# Needs: Java 17+, python3, curl, unzip, wrk, nginx (Debian: apt-get install -y wrk nginx); node 20 only to build the jar.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
WORK="$BENCH/.work"
cd "$ROOT"

usage() { sed -n '2,/^# Needs:/p' "$BENCH/run.sh" | sed 's/^# \{0,1\}//'; }

QUICK=false FRESH=false PROFILE=false INVENTORY_ONLY=false
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=true ;;
    --fresh) FRESH=true ;;
    --profile) PROFILE=true ;;
    --inventory) INVENTORY_ONLY=true ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

if $QUICK; then
  DURATION=${DURATION:-6} WARMUP=${WARMUP:-3} ROUNDS=${ROUNDS:-2}
fi
DURATION=${DURATION:-30}
# 30 s: with 10 s, token introspection was still being compiled by the JIT during the measured rounds (2,400 req/s in
# round 1, 4,500 in round 3, while validation was flat); every target must be measured at its steady state.
WARMUP=${WARMUP:-30}
ROUNDS=${ROUNDS:-3}
ROUND_SECONDS=$(( DURATION / ROUNDS > 0 ? DURATION / ROUNDS : 1 ))
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
SCALES=${SCALES:-"1000 100000"}
KEYS_PER_USER=${KEYS_PER_USER:-10}
PORT=${PORT:-28080}
MGMT_PORT=$((PORT + 1))
HEAP=${HEAP:-"-Xms1g -Xmx1g"}
# "Last used" is written by a timer, at most once per key per granularity (default 1 hour). With one day, a key is
# written during the warm-up when its last write is older than a day (or it has none), and cannot fall due (be
# written, and evict its owner from the cache) in the middle of a measured run, as keys written by a run an hour
# earlier would. The steady-state cost of those writes is in ANALYSIS.md. A short flush interval lets the warm-up
# see the writes finish sooner.
FLUSH_SECONDS=5
GRANULARITY_SECONDS=86400
# The users cache must hold every key owner (Keycloak's default is 10000 entries); see ANALYSIS.md.
USERS_CACHE=${USERS_CACHE:-50000}
RESULTS_FILE=${RESULTS_FILE:-$BENCH/RESULTS.md}

# shellcheck source=../scripts/lib/keycloak.sh
. "$ROOT/scripts/lib/keycloak.sh"
JAR="$LATCHKEY_JAR"
KC_HOME="$WORK/keycloak-${KEYCLOAK_VERSION}"
DATA="$WORK/data"
LOGS="$WORK/logs"
SERVER_LOG="$LOGS/server.log"
RESULTS_TSV="$WORK/results.tsv"
BASE="http://127.0.0.1:$PORT"

load() { cut -d' ' -f1-3 /proc/loadavg; }

for tool in java python3 curl wrk unzip nginx; do
  command -v "$tool" >/dev/null || die "$tool is needed (wrk, unzip and nginx: apt-get install -y wrk unzip nginx)"
done
mkdir -p "$WORK" "$DATA" "$LOGS"

# --- 1. The Latchkey jar -------------------------------------------------------------------------------------------
if jar_is_stale; then
  say "Building Latchkey ($JAR)"
  if ! build_jar; then
    [ -d themes/target/classes ] || die "the build failed"
    say "The build failed; retrying without the theme's npm build (packaging the theme already in themes/target)"
    build_jar -Dnpm.skip=true
  fi
fi

# --- 2. Keycloak, unpacked once and built for production -----------------------------------------------------------
unpack_keycloak "$KC_HOME"

BUILD_OPTIONS="--db=dev-file --features=declarative-ui"
BUILD_STAMP="$(sha256sum "$JAR" | cut -d' ' -f1) $BUILD_OPTIONS"
if [ "$(cat "$KC_HOME/.bench-build" 2>/dev/null)" != "$BUILD_STAMP" ]; then
  say "kc.sh build $BUILD_OPTIONS (with $(basename "$JAR"))"
  rm -f "$KC_HOME"/providers/latchkey*.jar
  cp "$JAR" "$KC_HOME/providers/"
  "$KC_HOME/bin/kc.sh" build $BUILD_OPTIONS >"$LOGS/build.log" 2>&1 || { tail -n 30 "$LOGS/build.log"; die "kc.sh build failed"; }
  echo "$BUILD_STAMP" >"$KC_HOME/.bench-build"
fi
export JAVA_OPTS_KC_HEAP="$HEAP"

# --- 3. Realms with users and keys ---------------------------------------------------------------------------------
realm_name() { # 1000 -> bench-1k, 100000 -> bench-100k, 2500 -> bench-2500
  if [ $(($1 % 1000)) -eq 0 ]; then echo "bench-$(($1 / 1000))k"; else echo "bench-$1"; fi
}
DATA_STAMP="$SCALES / $KEYS_PER_USER / $(sha256sum "$BENCH/gen_realm.py" | cut -d' ' -f1)"
if $FRESH || [ "$(cat "$DATA/.stamp" 2>/dev/null)" != "$DATA_STAMP" ] || ! ls "$KC_HOME"/data/h2/*.db >/dev/null 2>&1; then
  say "Creating the realms: $SCALES keys, $KEYS_PER_USER per user"
  rm -rf "$KC_HOME/data/h2" "$DATA" && mkdir -p "$DATA"
  : >"$DATA/creation.tsv"
  for keys in $SCALES; do
    realm=$(realm_name "$keys")
    t0=$(date +%s.%N)
    python3 "$BENCH/gen_realm.py" "$realm" "$keys" "$KEYS_PER_USER" "$DATA"
    t1=$(date +%s.%N)
    "$KC_HOME/bin/kc.sh" import --optimized --file "$DATA/$realm-realm.json" >"$LOGS/import-$realm.log" 2>&1 \
      || { tail -n 30 "$LOGS/import-$realm.log"; die "importing $realm failed"; }
    t2=$(date +%s.%N)
    # The import itself, from Keycloak's log (the rest of the command is Keycloak starting and stopping).
    import_seconds=$(python3 - "$LOGS/import-$realm.log" "$realm" <<'EOF'
import re, sys, datetime
text = open(sys.argv[1]).read()
stamp = r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})"
begin = re.search(stamp + r".*Full importing from file", text)
end = re.search(stamp + r".*Realm '" + re.escape(sys.argv[2]) + "' imported", text)
parse = lambda m: datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S,%f")
print("%.1f" % (parse(end) - parse(begin)).total_seconds() if begin and end else "?")
EOF
)
    users=$(( (keys + KEYS_PER_USER - 1) / KEYS_PER_USER ))
    gen_seconds=$(awk "BEGIN { printf \"%.1f\", $t1 - $t0 }")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$realm" "$keys" "$users" "$gen_seconds" "$import_seconds" \
      "$(awk "BEGIN { printf \"%.1f\", $t2 - $t1 }")" "$(load)" >>"$DATA/creation.tsv"
    say "$realm: keys generated in $gen_seconds s, imported in $import_seconds s (Keycloak's log)"
  done
  echo "$DATA_STAMP" >"$DATA/.stamp"
fi

# --- 3b. An admin of the master realm, who reads the admin's key list (5a) -------------------------------------------
# KC_BOOTSTRAP_ADMIN_* on `kc.sh start` would not do: Keycloak creates that user only when it creates the master realm
# (KeycloakApplication.bootstrap, on a new install), and here `kc.sh import` created it first. `kc.sh bootstrap-admin
# user` adds the user to an existing master realm (and only logs an error when the user is there already). The stamp
# lives in the database's directory, so it goes when the database goes.
ADMIN_STAMP="$KC_HOME/data/h2/.bench-admin"
if [ ! -f "$ADMIN_STAMP" ]; then
  say "Adding the admin bench-admin to the master realm (kc.sh bootstrap-admin user)"
  BENCH_ADMIN_USERNAME=bench-admin BENCH_ADMIN_PASSWORD=bench-admin-password \
    "$KC_HOME/bin/kc.sh" bootstrap-admin user --optimized --no-prompt \
      --username:env BENCH_ADMIN_USERNAME --password:env BENCH_ADMIN_PASSWORD >"$LOGS/bootstrap-admin.log" 2>&1 \
    || { tail -n 30 "$LOGS/bootstrap-admin.log"; die "kc.sh bootstrap-admin failed"; }
  grep -qE "Created temporary admin user with username bench-admin|'bench-admin' to realm 'master': user with username exists" \
    "$LOGS/bootstrap-admin.log" || { tail -n 30 "$LOGS/bootstrap-admin.log"; die "kc.sh bootstrap-admin added no bench-admin"; }
  touch "$ADMIN_STAMP"
fi

# --- 4. Start Keycloak --------------------------------------------------------------------------------------------
if curl -s -o /dev/null "$BASE/" || curl -s -o /dev/null "http://127.0.0.1:$MGMT_PORT/"; then
  die "port $PORT or $MGMT_PORT is in use; set PORT to a free port"
fi
say "Starting Keycloak $KEYCLOAK_VERSION (kc.sh start --optimized) on $BASE; load $(load)"
: >"$SERVER_LOG"
# SQL statements are logged (org.hibernate.SQL at debug) so that each run can count them; console only, to one
# unrotated file, so that counting by byte offset is exact.
# H2 would answer a repeated identical query from the result of the last one while the tables are unchanged
# (OPTIMIZE_REUSE_RESULTS); PostgreSQL and the others run it again, so this H2 does too: the admin key list's
# repeated requests (5a) measure the query, not that reuse.
"$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --hostname-strict=false \
  --db-url-properties=";OPTIMIZE_REUSE_RESULTS=FALSE" \
  --http-host=127.0.0.1 --http-port="$PORT" --http-management-port="$MGMT_PORT" \
  --cache-embedded-users-max-count="$USERS_CACHE" --cache-embedded-network-bind-address=127.0.0.1 \
  --log=console --log-level=INFO,org.hibernate.SQL:debug \
  --spi-realm-restapi-extension--latchkey--last-used-flush-seconds="$FLUSH_SECONDS" \
  --spi-realm-restapi-extension--latchkey--last-used-granularity-seconds="$GRANULARITY_SECONDS" \
  >"$SERVER_LOG" 2>&1 &
KC_PID=$!
stop_keycloak() {
  if kill -0 "$KC_PID" 2>/dev/null; then
    kill -TERM "$KC_PID" 2>/dev/null || true  # kc.sh passes it on to the JVM
    wait "$KC_PID" 2>/dev/null || true
  fi
}
trap 'stop_nginx; stop_keycloak' EXIT
trap 'exit 130' INT TERM
for _ in $(seq 1 300); do
  curl -fs -o /dev/null "$BASE/realms/master" && break
  kill -0 "$KC_PID" 2>/dev/null || { tail -n 40 "$SERVER_LOG"; die "Keycloak exited during start-up"; }
  sleep 1
done
curl -fs -o /dev/null "$BASE/realms/master" || die "Keycloak did not answer within 300 s (log: $SERVER_LOG)"
JAVA_PID=$(pgrep -P "$KC_PID" java | head -n 1 || true)

# --- 4b. nginx in front of a service, with and without Latchkey (the largest realm only) ----------------------------
# The proxy is NginxIT's configuration (integration-tests/src/test/resources/proxy); the service is a second nginx
# that answers "ok" at once, and 500 on /app/ when the identity header did not arrive. Same service, same proxy: the
# nginx targets differ only by the auth_request.
LARGE_REALM=$(realm_name "${SCALES##* }")
NGINX_DIR="$WORK/nginx" SERVICE_DIR="$WORK/nginx-service"
NGINX_PORT=$((PORT + 2)) SERVICE_PORT=$((PORT + 3))
NGINX_BASE="http://127.0.0.1:$NGINX_PORT"
NGINX_PIDS=()
stop_nginx() {
  for pid in "${NGINX_PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  NGINX_PIDS=()
}
start_nginx() { # dir
  nginx -p "$1" -e "$1/error.log" -c "$1/nginx.conf" -g 'daemon off;' >"$1/console.log" 2>&1 &
  NGINX_PIDS+=("$!")
}
rm -rf "$NGINX_DIR" "$SERVICE_DIR" && mkdir -p "$NGINX_DIR/tmp" "$SERVICE_DIR/tmp"
for file in nginx.conf latchkey-check.conf latchkey-identity.conf; do
  sed -e "s|@DIR@|$NGINX_DIR|g" -e "s|@USER@|$(id -un) $(id -gn)|g" -e "s|@PORT@|$NGINX_PORT|g" \
      -e "s|@KEYCLOAK@|127.0.0.1:$PORT|g" -e "s|@REALM@|$LARGE_REALM|g" -e "s|@UPSTREAM@|$SERVICE_PORT|g" \
      "$ROOT/integration-tests/src/test/resources/proxy/$file" >"$NGINX_DIR/$file"
done
# the benchmark measures requests, not the disk: no access log per request
sed -i "s|access_log $NGINX_DIR/access.log;|access_log off;|" "$NGINX_DIR/nginx.conf"
cat >"$SERVICE_DIR/nginx.conf" <<EOF
worker_processes 1;
pid $SERVICE_DIR/nginx.pid;
events { worker_connections 512; }
http {
    access_log off;
    client_body_temp_path $SERVICE_DIR/tmp/body; proxy_temp_path $SERVICE_DIR/tmp/proxy;
    fastcgi_temp_path $SERVICE_DIR/tmp/fastcgi; uwsgi_temp_path $SERVICE_DIR/tmp/uwsgi; scgi_temp_path $SERVICE_DIR/tmp/scgi;
    server {
        listen 127.0.0.1:$SERVICE_PORT;
        location /app/ {
            if (\$http_x_latchkey_user_id = "") { return 500; }
            return 200 "ok\n";
        }
        location / { return 200 "ok\n"; }
    }
}
EOF
start_nginx "$SERVICE_DIR"
start_nginx "$NGINX_DIR"
for _ in $(seq 1 50); do
  curl -s -o /dev/null "$NGINX_BASE/open/" && curl -s -o /dev/null "http://127.0.0.1:$SERVICE_PORT/" && break
  sleep 0.2
done
curl -fs -o /dev/null "$NGINX_BASE/open/" || die "nginx did not start (logs: $NGINX_DIR, $SERVICE_DIR)"

# --- 5. Measuring ---------------------------------------------------------------------------------------------------
SERVICE_AUTH="Basic $(printf 'bench-service:bench-service-secret' | base64 | tr -d '\n')"
log_size() { stat -c %s "$SERVER_LOG"; }
# SQL statements logged between two offsets of the server log: "<on request threads> <all>".
sql_between() {
  tail -c +"$(($1 + 1))" "$SERVER_LOG" | head -c "$(($2 - $1))" | grep -a 'org.hibernate.SQL' \
    | awk '/\(executor-thread-/ { r++ } { a++ } END { printf "%d %d\n", r, a }'
}

# Waits until the server has logged no SQL for longer than the last-use flush interval (at most 15 minutes).
wait_for_quiet_database() {
  local from to
  from=$(log_size)
  for _ in $(seq 1 $((900 / (FLUSH_SECONDS + 2)))); do
    sleep $((FLUSH_SECONDS + 2))
    to=$(log_size)
    read -r _ all <<<"$(sql_between "$from" "$to")"
    [ "$all" -eq 0 ] && return 0
    from=$to
  done
  echo "    (the database did not go quiet within 15 minutes)"
}

# run_wrk SECONDS START: wrk with the BENCH_* environment of the target; prints wrk's RESULT line.
run_wrk() {
  BENCH_THREADS=$THREADS BENCH_START=$2 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --timeout 10s \
    -s "$BENCH/bench.lua" "${TARGET_BASE:-$BASE}" 2>"$WORK/wrk.err" | grep '^RESULT' || { cat "$WORK/wrk.err" >&2; die "wrk failed"; }
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

target_env() { # target realm
  local realm=$2
  export BENCH_METHOD=POST BENCH_AUTH="$SERVICE_AUTH" BENCH_EXPECT='"active":false' BENCH_STATUS="" BENCH_FORM=token \
    BENCH_FORM_PREFIX="" BENCH_BODY="" BENCH_HEADER="" BENCH_EXPECT_HEADER="" TARGET_BASE=""
  export BENCH_PATH="/realms/$realm/latchkey/api-keys/introspect"
  case "$1" in
    ceiling) export BENCH_METHOD=GET BENCH_PATH="/realms/$realm" BENCH_AUTH="" BENCH_TOKENS="" \
               BENCH_EXPECT="\"realm\":\"$realm\"" ;;
    introspect) export BENCH_PATH="/realms/$realm/protocol/openid-connect/token/introspect" \
               BENCH_TOKENS="$DATA/$realm-token.txt" BENCH_EXPECT='"active":true' ;;
    validate) export BENCH_TOKENS="$DATA/$realm-valid.keys" BENCH_EXPECT='"active":true' ;;
    # The same owners' scoped keys: their answer holds two of the owner's roles (gen_realm.py's SCOPE).
    scoped) export BENCH_TOKENS="$DATA/$realm-scoped.keys" BENCH_EXPECT='"realm_access":{"roles":["reports"]}' ;;
    # Every key, scoped or not: the warm-up walks it so that every key's first use is written before measuring.
    all) export BENCH_TOKENS="$DATA/$realm-all.keys" BENCH_EXPECT='"active":true' ;;
    # forged: valid checksum, random ids, a made-up tag, never repeated in a run; refused before any lookup
    badsum|forged|revoked|nouser) export BENCH_TOKENS="$DATA/$realm-$1.keys" ;;
    # A key exchanged for an access token (RFC 8693) by the service client, next to Keycloak's own
    # client-credentials grant for the same client: both mint a token from a transient session.
    exchange) export BENCH_PATH="/realms/$realm/protocol/openid-connect/token" BENCH_FORM=subject_token \
                BENCH_FORM_PREFIX="grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token_type=urn%3Alatchkey%3Atoken-type%3Aapi-key&" \
                BENCH_TOKENS="$DATA/$realm-valid.keys" BENCH_EXPECT='"access_token"' ;;
    clientcredentials) export BENCH_PATH="/realms/$realm/protocol/openid-connect/token" BENCH_TOKENS="" \
                BENCH_BODY="grant_type=client_credentials" BENCH_EXPECT='"access_token"' ;;
    # The proxy auth endpoint as a proxy calls it: GET, the key in X-Api-Key, 200 with an empty body and the
    # identity headers; next to the ceiling, which it resembles (a GET without a form or client authentication).
    auth) export BENCH_METHOD=GET BENCH_PATH="/realms/$realm/latchkey/api-keys/auth" BENCH_AUTH="" \
            BENCH_HEADER=X-Api-Key BENCH_TOKENS="$DATA/$realm-valid.keys" BENCH_EXPECT="" BENCH_STATUS=200 \
            BENCH_EXPECT_HEADER=X-Latchkey-User-Id ;;
    # Through nginx (the largest realm only): a key-protected location, and the same service without the check.
    proxied|direct) export BENCH_METHOD=GET BENCH_AUTH="" BENCH_HEADER=X-Api-Key BENCH_TOKENS="$DATA/$realm-valid.keys" \
            BENCH_EXPECT="ok" BENCH_STATUS=200 TARGET_BASE="$NGINX_BASE"
            if [ "$1" = proxied ]; then export BENCH_PATH=/app/item; else export BENCH_PATH=/open/item; fi ;;
    # Not a Latchkey answer: a form without a key (x=1); the client is authenticated, the form read, then the
    # request is refused (400). What Keycloak costs for an authenticated form POST to an extension endpoint, i.e.
    # the most validation could reach.
    floor) echo 1 >"$DATA/floor.form"
           export BENCH_FORM=x BENCH_TOKENS="$DATA/floor.form" BENCH_STATUS=400 BENCH_EXPECT='"error":"invalid_request"' ;;
  esac
}

check_answer() { # realm path form-token expected-text
  local body
  body=$(curl -s -H "Authorization: $SERVICE_AUTH" --data-urlencode "token=$3" "$BASE$2")
  grep -qF "$4" <<<"$body" || die "$1: expected $4 from $2, got: ${body:0:300}"
}

# --- 5a. The admin's realm-wide key list (GET /admin/realms/{realm}/latchkey/api-keys) -------------------------------
# Before any validation, so no "last used" write is pending: every SQL statement counted is the request's own. Each
# query runs 5 times; the median and the slowest time (curl's total) and the statements of the last run are printed,
# next to the same admin's GET .../latchkey/settings (authentication and the realm, no key read) as the baseline.
admin_token() {
  curl -fs -d grant_type=password -d client_id=admin-cli -d username=bench-admin -d password=bench-admin-password \
    "$BASE/realms/master/protocol/openid-connect/token" | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}
inventory_run() { # realm path-and-query -> "<median ms> <slowest ms> <SQL on request threads> <SQL all> <items>"
  local token times=() before t on_requests all items
  token=$(admin_token) || die "no admin token (bench-admin)"
  curl -fs -o /dev/null -H "Authorization: Bearer $token" "$BASE/admin/realms/$1/latchkey/settings" # caches warm
  for _ in 1 2 3 4 5; do
    token=$(admin_token) || die "no admin token (bench-admin)" # a master-realm token lives 60 s
    before=$(log_size)
    t=$(curl -s -o "$WORK/inventory.json" -w '%{time_total}' -H "Authorization: Bearer $token" "$BASE/admin/realms/$1/$2")
    times+=("$(awk "BEGIN { printf \"%.1f\", $t * 1000 }")")
  done
  sleep 1
  read -r on_requests all <<<"$(sql_between "$before" "$(log_size)")"
  items=$(python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(len(d) if isinstance(d, list) else "-")' "$WORK/inventory.json")
  echo "$(printf '%s\n' "${times[@]}" | sort -n | sed -n '3p;5p' | tr '\n' ' ')$on_requests $all $items"
}
inventory_ids() { # token realm query -> the listed keys' ids
  curl -fs -H "Authorization: Bearer $1" "$BASE/admin/realms/$2/latchkey/api-keys?$3" \
    | python3 -c 'import json, sys; print(" ".join(k["id"] for k in json.load(sys.stdin)))'
}
say "Admin key list: a page of 100 (median and slowest of 5 requests; SQL statements of one request)"
: >"$WORK/inventory.tsv"
for keys in $SCALES; do
  realm=$(realm_name "$keys")
  for query in "latchkey/settings" "latchkey/api-keys?max=100" "latchkey/api-keys?first=$((keys - 100))&max=100" \
      "latchkey/api-keys?max=100&username=user-000001" "latchkey/api-keys?max=100&scoped=true" \
      "latchkey/api-keys?max=100&unusedForDays=0" "latchkey/api-keys?max=100&expiringWithinDays=1"; do
    load_before=$(load)
    read -r ms slowest on_requests all items <<<"$(inventory_run "$realm" "$query")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$realm" "$query" "$ms" "$slowest" "$on_requests" "$all" "$items" \
      "$load_before" >>"$WORK/inventory.tsv"
    printf '    %-11s %-52s %8s ms (slowest %8s)  SQL %s/%s  items %-4s (load %s)\n' "$realm" "$query" "$ms" "$slowest" \
      "$on_requests" "$all" "$items" "$load_before"
  done
  # With a filter on the stored data the keys are streamed and the page is filled here; a filter every key passes
  # must give the pages the database cuts itself (offset and limit), past the first fetch of 500 rows.
  token=$(admin_token) || die "no admin token (bench-admin)"
  for window in "max=1000" "first=600&max=100"; do
    [ "$(inventory_ids "$token" "$realm" "$window")" = "$(inventory_ids "$token" "$realm" "$window&unusedForDays=0")" ] \
      || die "$realm: latchkey/api-keys?$window&unusedForDays=0 is not the page of latchkey/api-keys?$window"
  done
  echo "    $realm: a filter every key passes gives the unfiltered pages (max=1000; first=600&max=100)"
done
if $INVENTORY_ONLY; then
  exit 0
fi

if $PROFILE && [ -n "$JAVA_PID" ]; then
  # A JVM's first flight recording costs seconds of CPU; take that hit now, not in a measured run.
  jcmd "$JAVA_PID" JFR.start name=prime settings=profile >/dev/null && sleep 3 && jcmd "$JAVA_PID" JFR.stop name=prime >/dev/null
fi

: >"$RESULTS_TSV"
: >"$WORK/warmup.tsv"
PROFILES=()
for keys in $SCALES; do
  realm=$(realm_name "$keys")
  say "Realm $realm ($keys keys, $KEYS_PER_USER per user): checks and warm-up"
  # An access token of a user session, from a client whose audience mapper adds bench-service to the audience.
  token=$(curl -fs -d grant_type=password -d client_id=bench-app -d username=bench-login \
      -d password=bench-login-password -d scope=openid "$BASE/realms/$realm/protocol/openid-connect/token" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])') || die "$realm: no access token"
  echo "$token" >"$DATA/$realm-token.txt"
  lk="/realms/$realm/latchkey/api-keys/introspect"
  # first, middle and last line of each key file
  valid_count=$(wc -l <"$DATA/$realm-valid.keys") scoped_count=$(wc -l <"$DATA/$realm-scoped.keys")
  for n in 1 $(( (valid_count + 1) / 2 )) "$valid_count"; do
    check_answer "$realm" "$lk" "$(sed -n "${n}p" "$DATA/$realm-valid.keys")" '"active":true'
  done
  for n in 1 $(( (scoped_count + 1) / 2 )) "$scoped_count"; do
    check_answer "$realm" "$lk" "$(sed -n "${n}p" "$DATA/$realm-scoped.keys")" \
      '"realm_access":{"roles":["reports"]},"resource_access":{"inventory":{"roles":["reader"]}}'
  done
  for kind in badsum forged revoked nouser; do
    check_answer "$realm" "$lk" "$(head -n 1 "$DATA/$realm-$kind.keys")" '"active":false'
  done
  check_answer "$realm" "/realms/$realm/protocol/openid-connect/token/introspect" "$token" '"active":true'
  exchanged=$(curl -s -H "Authorization: $SERVICE_AUTH" \
      -d grant_type=urn:ietf:params:oauth:grant-type:token-exchange -d subject_token_type=urn:latchkey:token-type:api-key \
      --data-urlencode "subject_token=$(head -n 1 "$DATA/$realm-valid.keys")" "$BASE/realms/$realm/protocol/openid-connect/token")
  grep -qF '"access_token"' <<<"$exchanged" || die "$realm: the exchange of a valid key answered: ${exchanged:0:300}"
  auth_status=$(curl -s -o /dev/null -D - -H "X-Api-Key: $(head -n 1 "$DATA/$realm-valid.keys")" \
      "$BASE/realms/$realm/latchkey/api-keys/auth" | tr -d '\r')
  grep -q '^HTTP/1.1 200' <<<"$auth_status" && grep -qi '^X-Latchkey-User-Id: ' <<<"$auth_status" \
    || die "$realm: the proxy auth endpoint answered: ${auth_status:0:300}"
  if [ "$realm" = "$LARGE_REALM" ]; then
    [ "$(curl -s -H "X-Api-Key: $(head -n 1 "$DATA/$realm-valid.keys")" "$NGINX_BASE/app/item")" = ok ] \
      && [ "$(curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $(head -n 1 "$DATA/$realm-badsum.keys")" \
              "$NGINX_BASE/app/item")" = 401 ] || die "nginx: a valid key must pass /app/, a bad one get 401"
  fi
  echo "    sample keys validate (scoped ones with their two roles only), invalid ones are refused, the access token" \
    "introspects as active, the proxy auth endpoint and nginx pass a valid key"

  # Warm-up of validation: walk all keys, wait until the last-use timer has written what it noted, and repeat until
  # a walk over all keys (and the flush after it) runs no SQL. The first walk loads the users into the cache and notes
  # first uses; the timer writes lastUsedAt once per key, which evicts the owners from the cache; the second walk
  # loads them again (now with lastUsedAt, so nothing is noted); the third should run no SQL at all.
  target_env all "$realm"
  offset=0
  for cycle in 1 2 3 4 5 6; do
    before=$(log_size) sent=0 chunks=0
    while [ "$sent" -lt "$keys" ] || [ "$chunks" -eq 0 ]; do
      line=$(run_wrk "$WARMUP" "$offset")
      n=$(field requests "$line")
      sent=$((sent + n)) offset=$(((offset + n) % keys)) chunks=$((chunks + 1))
    done
    wait_for_quiet_database
    read -r on_requests all <<<"$(sql_between "$before" "$(log_size)")"
    printf '%s\t%s\t%s\t%s\t%s\n' "$realm" "$cycle" "$sent" "$on_requests" "$all" >>"$WORK/warmup.tsv"
    echo "    warm-up walk $cycle: $sent validations, SQL statements: $on_requests on request threads, $all in all (load $(load))"
    [ "$all" -eq 0 ] && break
  done
done

# Every target is warmed up, then measured in ROUNDS rounds; a round measures each target on each realm in turn, so
# the figures that are compared are taken close together in time, and the medians over the rounds resist a burst of
# load from other processes on the machine.
TARGETS="ceiling introspect validate scoped badsum forged revoked nouser floor exchange clientcredentials auth proxied direct"
# nginx is configured for the largest realm only
skip_target() { { [ "$1" = proxied ] || [ "$1" = direct ]; } && [ "$2" != "$LARGE_REALM" ]; }
say "Warming up every target (${WARMUP} s each)"
for target in $TARGETS; do
  for keys in $SCALES; do
    skip_target "$target" "$(realm_name "$keys")" && continue
    target_env "$target" "$(realm_name "$keys")"
    run_wrk "$WARMUP" 0 >/dev/null
  done
done
say "Measuring: $THREADS threads, $CONNECTIONS connections, $ROUNDS rounds of ${ROUND_SECONDS} s per target"
echo "    SQL a/b: statements logged on request threads / on any thread during the measured run"
for round in $(seq 1 "$ROUNDS"); do
  for target in $TARGETS; do
    for keys in $SCALES; do
      realm=$(realm_name "$keys")
      skip_target "$target" "$realm" && continue
      target_env "$target" "$realm"
      sleep 1
      profiled=false
      if $PROFILE && [ "$round" -eq 1 ] && [ -n "$JAVA_PID" ] && { [ "$target" = validate ] || [ "$target" = introspect ]; }; then
        profiled=true
        jcmd "$JAVA_PID" JFR.start name=bench settings=profile >/dev/null
      fi
      before=$(log_size) load_before=$(load)
      line=$(run_wrk "$ROUND_SECONDS" $(( (round - 1) * 7919 )))
      sleep 1
      read -r on_requests all <<<"$(sql_between "$before" "$(log_size)")"
      if $profiled; then
        jcmd "$JAVA_PID" JFR.stop name=bench filename="$WORK/profile-$realm-$target.jfr" >/dev/null
        PROFILES+=("$WORK/profile-$realm-$target.jfr")
      fi
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$realm" "$keys" "$target" \
        "$(field rps "$line")" "$(field p50_ms "$line")" "$(field p99_ms "$line")" "$(field errors "$line")" \
        "$(field socket_errors "$line")" "$on_requests" "$all" "$load_before" >>"$RESULTS_TSV"
      printf '    round %s  %-11s %-10s %9s req/s  p50 %7s ms  p99 %7s ms  errors %s  SQL %s/%s  (load %s)\n' \
        "$round" "$realm" "$target" "$(field rps "$line")" "$(field p50_ms "$line")" "$(field p99_ms "$line")" \
        "$(( $(field errors "$line") + $(field socket_errors "$line") ))" "$on_requests" "$all" "$load_before"
    done
  done
done

stop_nginx
stop_keycloak
trap - EXIT

# --- 6. Report ------------------------------------------------------------------------------------------------------
COMMAND="bench/run.sh $*"
export DURATION WARMUP ROUNDS ROUND_SECONDS CONNECTIONS THREADS KEYS_PER_USER KEYCLOAK_VERSION LATCHKEY_VERSION HEAP USERS_CACHE \
  FLUSH_SECONDS GRANULARITY_SECONDS COMMAND QUICK
python3 "$BENCH/report.py" "$RESULTS_TSV" "$DATA/creation.tsv" "$WORK/warmup.tsv" "$RESULTS_FILE"
{
  echo
  echo "## Admin key list"
  echo
  echo "GET /admin/realms/{realm}/latchkey/..., a page of 100, before any validation (README, Performance: how it scales)."
  echo
  echo "| realm | request | median ms (5 runs) | slowest ms | SQL on request threads / all (one run) | items | load before |"
  echo "|---|---|---|---|---|---|---|"
  awk -F'\t' '{ printf "| %s | `%s` | %s | %s | %s / %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }' "$WORK/inventory.tsv"
} >>"$RESULTS_FILE"
if [ ${#PROFILES[@]} -gt 0 ]; then
  for jfr in "${PROFILES[@]}"; do
    say "Profile $(basename "$jfr")"
    python3 "$BENCH/jfr_top.py" "$jfr" | tee "${jfr%.jfr}.txt"
  done
fi
