#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for `make bench`, started the way the tests start theirs
# (Sources/EvidenceStoreTesting/TestPostgres.swift): Debian's initdb into a new temporary folder,
# as `nobody` when run as root (PostgreSQL refuses root), the server on 127.0.0.1 at a free port,
# password authentication over TCP as a deployment has it, the server's other settings its defaults
# (fsync on). Never a cluster someone else started.
#
# Sourced (scripts/bench_pg.sh, bench_web.sh): `pg_throwaway_start` starts it and sets pg_dir,
# pg_port and EVIDENCED_DATABASE_PASSWORD (exported: evidenced reads it when a URL has none);
# `pg_database NAME` creates an empty database and prints its URL; `pg_watch NAME QUERY` prints
# the query's value every 0.2 s; `pg_throwaway_stop` stops the server at once and removes the
# folder. The caller stops it in its EXIT trap, so a failed bench leaves no server behind.
# Run: scripts/pg_throwaway.sh start (prints the folder and a database's URL) | stop DIR.
source "$(dirname "${BASH_SOURCE[0]}")/bench_lib.sh"
pg_dir=""
pg_port=""
pg_bin=""

# As the cluster's owner: `nobody` when we are root.
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

pg_throwaway_start() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$pg_bin/postgres" ] || { echo "PostgreSQL is not installed (make deps installs Debian's postgresql)" >&2; return 1; }
  # Its own folder under /tmp, not inside the caller's (mode 0700 as root: nobody could not enter it).
  pg_dir=$(mktemp -d /tmp/evidenced-pg.XXXXXX)
  export EVIDENCED_DATABASE_PASSWORD
  EVIDENCED_DATABASE_PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s' "$EVIDENCED_DATABASE_PASSWORD" > "$pg_dir/password"
  if [ "$(id -u)" = 0 ]; then chown -R nobody "$pg_dir"; fi
  # Local socket: trust (createdb, psql); TCP: the password, as evidenced connects.
  pg_as_owner "$pg_bin/initdb" -D "$pg_dir/data" -U evidenced --pwfile "$pg_dir/password" --auth-local=trust \
    --auth-host=scram-sha-256 --no-locale -E UTF8 --no-sync >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; return 1; }
  pg_port=$(free_port)
  pg_as_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 120 \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" start >/dev/null \
    || { cat "$pg_dir/server.log" >&2; return 1; }
}

# An empty database of the cluster; prints its URL (no password in it).
pg_database() {
  "$pg_bin/createdb" -h "$pg_dir" -p "$pg_port" -U evidenced "$1" && echo "postgres://evidenced@127.0.0.1:$pg_port/$1"
}

# The one value of query $2 on database $1, a line every $3 seconds (0.2) until the reader goes:
# one session asking, where a process per poll would take CPU from what is measured. Line-buffered
# (psql and grep buffer a pipe in 4 KiB blocks: a reader would see the values minutes late).
pg_watch() {
  printf '%s\n' "$2;" "\\watch ${3:-0.2}" | stdbuf -oL "$pg_bin/psql" -h "$pg_dir" -p "$pg_port" -U evidenced -X -q -t -A "$1" 2>/dev/null \
    | grep --line-buffered -E '^[0-9]+$'
}

# Stops the server at once (its data is thrown away) and removes the folder; safe to call twice.
pg_throwaway_stop() {
  local dir=${1:-$pg_dir}
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  [ -n "$pg_bin" ] || pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -f "$dir/data/postmaster.pid" ]; then pg_as_owner "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
  if [ "$dir" = "$pg_dir" ]; then pg_dir=""; fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    start) pg_throwaway_start; url=$(pg_database evidenced)
           echo "folder: $pg_dir"; echo "url: $url"; echo "password: $EVIDENCED_DATABASE_PASSWORD"
           echo "stop with: $0 stop $pg_dir" ;;
    stop) pg_throwaway_stop "${2:?usage: $0 stop DIR}" ;;
    *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
  esac
fi
