#!/usr/bin/env bash
# A throwaway PostgreSQL on 127.0.0.1 for the tests, the load bench and a local try of the
# PostgreSQL deployment (Debian's postgresql 15, started as the postgres user: initdb refuses
# root). Measured recipe: /work/shared/notes/postgres-lab.md §1 (about 1–2 s from nothing).
#   scripts/postgres-local.sh start   → prints the admin URL: postgres://interleave:interleave@127.0.0.1:PORT/postgres
#   scripts/postgres-local.sh stop
# PGPORT (5433) and PGROOT (/tmp/interleave-pg) choose where. Data is fsync=off: tests only.
set -euo pipefail
PORT=${PGPORT:-5433}
ROOT=${PGROOT:-/tmp/interleave-pg}
BIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
D=$ROOT/data
S=$ROOT/sock
URL="postgres://interleave:interleave@127.0.0.1:$PORT/postgres"

case "${1:-}" in
  start)
    if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
      echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2
      exit 3
    fi
    # pg_signal_backend: the tests drop their databases WITH (FORCE), which must be allowed to
    # end an autovacuum worker found in one (PostgreSQL 15 refuses a plain role: its
    # roleId is none, "must be a member of the role whose process is being terminated").
    grant() { "$BIN/psql" -h "$S" -p "$PORT" -U postgres -q -c "GRANT pg_signal_backend TO interleave" >/dev/null; }
    if [ -f "$D/postmaster.pid" ] && su postgres -c "$BIN/pg_ctl -D $D status" >/dev/null 2>&1; then
      grant
      echo "$URL"
      exit 0
    fi
    rm -rf "$D" "$S"
    mkdir -p "$D" "$S"
    chown postgres:postgres "$D" "$S"
    su postgres -c "$BIN/initdb -D $D -U postgres --auth-local=trust --auth-host=scram-sha-256 --no-sync -E UTF8 --locale=C.UTF-8" >/dev/null
    su postgres -c "$BIN/pg_ctl -D $D -l $D/server.log -w -o '-p $PORT -k $S -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' start" >/dev/null
    "$BIN/psql" -h "$S" -p "$PORT" -U postgres -q -c "CREATE ROLE interleave LOGIN CREATEDB PASSWORD 'interleave'" >/dev/null
    grant
    echo "$URL"
    ;;
  stop)
    if [ -f "$D/postmaster.pid" ]; then su postgres -c "$BIN/pg_ctl -D $D -m fast -w stop" >/dev/null; fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
