#!/usr/bin/env bash
# PostgreSQL's figures beside SQLite's (part of `make bench`; alone: BENCH_ONLY=pg make bench, or
# scripts/bench_pg.sh BIN), on a throwaway cluster (scripts/pg_throwaway.sh) stopped and removed at
# the end, even on failure:
#   Nodes:  OCR throughput, the bench corpus' scanned pages as submissions (4 pages each, a page a
#           document): `run --once` with 2 workers on SQLite, against two `run --role extract` nodes
#           of one worker each, an intake node and a check node, on one PostgreSQL, sharing the inbox
#           and the content folder as docs/scale.md lays machines out (each node its own data
#           folder, `objects` a link to the shared one). Pages per minute from the start of the
#           processes until every submission is checked, best of BENCH_ROUNDS turns. Target >= 0.95.
#   Check:  time to check one submission with 100 and with 100,000 (BENCH_STORED) submissions
#           stored, on SQLite (in memory) and on PostgreSQL. Target: ratio <= 1.5 on each.
#   Writes: documents claimed and saved per second through the serialised writes, on both (the
#           ceiling a whole deployment's nodes share).
#   Web:    the result page and GET /api/v1/flags on both (scripts/bench_web.sh with
#           BENCH_WEB_ONLY=pg), unless --no-web (`make bench` runs the whole web part after).
set -euo pipefail
bin=${1:?usage: bench_pg.sh PATH/TO/evidenced [--no-web]}
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/bench_lib.sh"
source "$here/scripts/pg_throwaway.sh"
work=$(mktemp -d /tmp/evidenced-bench-pg.XXXXXX)
cleanup() { stop_nodes; pg_throwaway_stop; rm -rf "$work"; }
trap cleanup EXIT
export OMP_THREAD_LIMIT=1
corpus=${BENCH_CORPUS:-$work/corpus}
bench_corpus "$corpus"
pg_throwaway_start

# -- OCR on two nodes of one PostgreSQL against two workers of one process on SQLite ---------------
python3 "$here/scripts/make_scan_batch.py" "$corpus/pages" "$work/scans" 4
scan_pages=$(ls "$corpus"/pages/*.jpg | wc -l)
scan_submissions=$(ls "$work/scans" | wc -l)

# The nodes' pids are kept in a file: a round runs in a subshell (`seconds`), and the EXIT trap of
# this script must still find them if the bench is stopped meanwhile.
stop_nodes() {
  local pid
  [ -f "$work/node-pids" ] || return 0
  for pid in $(cat "$work/node-pids"); do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $(cat "$work/node-pids"); do wait "$pid" 2>/dev/null || while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; done
  rm -f "$work/node-pids"
}

# A refused submission would make a round measure nothing: it fails the bench.
refused() {
  if compgen -G "$1/*" >/dev/null; then { echo "Nodes: a scanned submission was refused:"; cat "$1"/*/REFUSED.txt; } >"$work/failed"; fi
}

scans_on_sqlite() {
  rm -rf "$work/run" && mkdir -p "$work/run" && cp -r "$work/scans" "$work/run/inbox"
  (cd "$here" && EVIDENCED_LOG_LEVEL=error EVIDENCED_WORKERS=2 "$bin" run --once --inbox "$work/run/inbox" --data "$work/run/data")
  refused "$work/run/data/refused"
}

# Timed from the nodes' start (the database already created and migrated, as a deployment's is)
# until every submission is checked; the nodes' stop is not part of it. The intake node's stability
# delay is 0 rather than 5 s: it waits for uploads to stop changing, and these were complete before
# it started (`run --once` does not wait either).
scans_on_nodes() {
  local run="$work/run" store node checked="" polls=0
  rm -rf "$run" && mkdir -p "$run/shared/objects" && cp -r "$work/scans" "$run/shared/inbox"
  store=$(pg_database "scans_$(date +%s%N)")
  "$bin" status --db "$store" >/dev/null
  echo -n "$(now) " >"$work/span"
  for node in intake check extract-1 extract-2; do
    mkdir -p "$run/$node" && ln -s "$run/shared/objects" "$run/$node/objects"
    (cd "$here" && EVIDENCED_LOG_LEVEL=error EVIDENCED_WORKERS=1 EVIDENCED_DATABASE_URL=$store \
       EVIDENCED_WATCH_STABILITY_DELAY_SECONDS=0 exec "$bin" run --role "${node%-*}" --inbox "$run/shared/inbox" --data "$run/$node") \
      >"$run/$node.log" 2>&1 &
    echo $! >>"$work/node-pids"
  done
  while read -r checked; do
    [ "$checked" = "$scan_submissions" ] && break
    if compgen -G "$run/intake/refused/*" >/dev/null; then break; fi
    polls=$((polls + 1)); [ "$polls" -lt 3000 ] || break
  done < <(pg_watch "${store##*/}" "SELECT COUNT(*) FROM submissions WHERE state = 'checked'")
  echo "$(now)" >>"$work/span"
  stop_nodes
  refused "$run/intake/refused"
  if [ ! -f "$work/failed" ] && [ "$checked" != "$scan_submissions" ]; then
    { echo "Nodes: not settled after 600 s (${checked:-no} of $scan_submissions submissions checked)"; tail -n 5 "$run"/*.log; } >"$work/failed"
  fi
}

read -r sqlite_s nodes_s <<<"$(best_of_turns scans_on_sqlite scans_on_nodes)"
if [ -f "$work/failed" ]; then cat "$work/failed"; exit 1; fi
sqlite_rate=$(per "$((scan_pages * 60))" "$sqlite_s")
nodes_rate=$(per "$((scan_pages * 60))" "$nodes_s")
printf 'Nodes: %d scanned pages in %d submissions: 2 extract nodes (1 worker each) + intake + check on PostgreSQL %.1f pages/min (%.1f s), run --once --workers 2 on SQLite %.1f pages/min (%.1f s), ratio %s (target >= 0.95) [load %s]\n' \
  "$scan_pages" "$scan_submissions" "$nodes_rate" "$nodes_s" "$sqlite_rate" "$sqlite_s" "$(ratio "$nodes_rate" "$sqlite_rate")" \
  "$(awk '{print $1}' /proc/loadavg)"

# -- Check cost against the store's size, on both backends -------------------------------------------
# duplicate-evidence looks other units' evidence up by content and number through indexes: checking
# one submission must cost the same with a small and a large store. BENCH_STORED sets the large size.
check_cost() { "$bin" bench-check --models "$here/models" --small 100 --large "${BENCH_STORED:-100000}" --checks 200 "$@"; }
check_cost
check_cost --db "$(pg_database checks)"

# -- The serialised writes' ceiling, on both backends ------------------------------------------------
# Every write of every node takes one lock (PostgreSQL's write lock, SQLite's single writer): the
# documents per second it lets through (a claim and a save each), with a season's backlog queued
# (BENCH_QUEUED) and 1 to 16 writers, set beside what the OCR cores of a deployment need.
write_ceiling() { "$bin" bench-writes --writers 1,4,16 --seconds "${BENCH_WRITE_SECONDS:-5}" --queued "${BENCH_QUEUED:-30000}" "$@"; }
write_ceiling
write_ceiling --db "$(pg_database writes)"

if [ "${2:-}" != --no-web ]; then
  BENCH_WEB_ONLY=pg "$here/scripts/bench_web.sh" "$bin"
fi
