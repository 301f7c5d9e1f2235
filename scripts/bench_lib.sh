# Sourced by the benchmark scripts (bench.sh, bench_web.sh, bench_season.sh, pg_throwaway.sh):
# what they share. The caller sets `here` (the checkout), `bin` (the evidenced binary) and, for
# `seconds`, `work` (its temporary folder).

now() { date +%s.%N; }
# Seconds of one run of a command. A command that times only part of itself (a start-up or a
# clean-up that is not the work measured) writes its span's start and end (`now`) into $work/span.
seconds() {
  local t0 t1; rm -f "$work/span"; t0=$(now); "$@" >/dev/null 2>&1 || true; t1=$(now)
  if [ -s "$work/span" ]; then read -r t0 t1 <"$work/span"; fi
  python3 -c "import sys; print(float(sys.argv[2])-float(sys.argv[1]))" "$t0" "$t1"
}
# "A B": the fastest of $rounds runs of each of two commands (given as function names), run in
# turns. This machine's neighbours change its speed by half within minutes: the slow runs measure
# them, and taking turns makes any drift hit the baseline and evidenced alike.
rounds=${BENCH_ROUNDS:-3}
best_of_turns() { local a="" b="" x y; for _ in $(seq "$rounds"); do x=$(seconds "$1"); y=$(seconds "$2")
  a=$(python3 -c "import sys; print(min(float(v) for v in sys.argv[1:] if v))" "$x" "$a")
  b=$(python3 -c "import sys; print(min(float(v) for v in sys.argv[1:] if v))" "$y" "$b"); done; echo "$a $b"; }
per() { python3 -c "import sys; print(float(sys.argv[1])/float(sys.argv[2]))" "$1" "$2"; }
ratio() { python3 -c "import sys; a,b=map(float,sys.argv[1:]); print(f'{a/b:.3f}')" "$1" "$2"; }

# The benchmark corpus in DIR, generated unless it is there (BENCH_CORPUS=DIR keeps one: it takes
# two minutes to make).
bench_corpus() {
  if [ ! -f "$1/scanned-200.pdf" ]; then
    echo "== generating the benchmark corpus in $1"
    mkdir -p "$1" && "$here/scripts/make-bench-corpus.sh" "$1" >/dev/null
  fi
}

# A port nothing listens on now (the kernel's pick for port 0).
free_port() {
  python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"
}

# `evidenced serve` in the background on a free port of 127.0.0.1, its output in LOG, with the
# remaining arguments (--inbox, --data...; the store through --data or EVIDENCED_DATABASE_URL);
# returns once /healthz answers, having set `server` (its pid) and `url`. The caller stops it with
# serve_stop in its EXIT trap.
serve_start() {
  local log=$1 port; shift
  port=$(free_port)
  (cd "$here" && EVIDENCED_LOG_LEVEL=error exec "$bin" serve --listen "127.0.0.1:$port" "$@") >"$log" 2>&1 &
  server=$!
  url="http://127.0.0.1:$port"
  for _ in $(seq 300); do curl -fs "$url/healthz" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "evidenced serve did not answer on $url within 30 s:" >&2; cat "$log" >&2; return 1
}

# Stops the servers whose pids are given (empty ones skipped) and waits for them.
serve_stop() {
  local pid
  for pid in "$@"; do
    if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
}
