#!/usr/bin/env bash
# Page load: time until the Profile page is interactive and the JS it loads, next to Keycloak's stock "Personal info"
# page (theme keycloak.v3), in headless Chromium (bench/page-load.spec.ts). A measurement, not a test: the build does
# not run it. Results: bench/.work/page-load/performance.md (the README's "Profile page performance" section).
#
#   ./run.sh &                   a Keycloak with the Latchkey jar and theme (admin / admin on port 8080)
#   bench/page-load.sh           9 loads of each page against it, alternating
#
# Environment: KEYCLOAK_URL [http://localhost:8080], KEYCLOAK_ADMIN / KEYCLOAK_ADMIN_PASSWORD [admin / admin],
# LATCHKEY_PERF_LOADS [9], CHROMIUM_PATH [/usr/bin/chromium].
# Needs: node 20 and the theme's node_modules (cd themes && npm ci), Chromium (Debian: apt-get install -y chromium).
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
case "${1:-}" in -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac

CLI="$ROOT/themes/node_modules/@playwright/test/cli.js"
[ -f "$CLI" ] || { echo "No $CLI: run (cd themes && npm ci) first" >&2; exit 1; }

export KEYCLOAK_URL=${KEYCLOAK_URL:-http://localhost:8080}
export KEYCLOAK_ADMIN=${KEYCLOAK_ADMIN:-admin} KEYCLOAK_ADMIN_PASSWORD=${KEYCLOAK_ADMIN_PASSWORD:-admin}
export LATCHKEY_BROWSER_OUT=${LATCHKEY_BROWSER_OUT:-$BENCH/.work/page-load}
# the spec sits outside themes/: it finds @playwright/test in the theme's node_modules
export NODE_PATH="$ROOT/themes/node_modules"
cd "$BENCH"
node "$CLI" test --config page-load.config.ts "$@"
echo "Results: $LATCHKEY_BROWSER_OUT/performance.md"
