#!/bin/bash
# First start: create the cluster in $PGDATA with POSTGRES_USER as its superuser (password POSTGRES_PASSWORD) and
# the database POSTGRES_DB, as the official image does. Every start: run the server in the foreground.
set -euo pipefail
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    pwfile=$(mktemp)
    printf '%s' "$POSTGRES_PASSWORD" > "$pwfile"
    initdb --pgdata="$PGDATA" --username="$POSTGRES_USER" --pwfile="$pwfile" --encoding=UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256
    rm -f "$pwfile"
    echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
    if [ "$POSTGRES_DB" != "postgres" ]; then
        # a private socket-only start, so that no client sees the database before it exists
        pg_ctl --pgdata="$PGDATA" --options="-c listen_addresses=''" --wait start
        createdb --username="$POSTGRES_USER" "$POSTGRES_DB"
        pg_ctl --pgdata="$PGDATA" --mode=fast --wait stop
    fi
fi
exec postgres -D "$PGDATA" -c listen_addresses='*'
