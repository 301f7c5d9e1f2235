#!/usr/bin/env bash
# The web service under load (part of `make bench`; runs alone too: scripts/bench_web.sh BIN).
# The samples are checked into a fresh store (run --once), then `evidenced serve` answers wrk with
# 50 concurrent connections for 10 s each on:
#   - GET /healthz: the floor (routing, middleware, one store read, a small JSON body), the baseline
#     the pages are measured against in the same run,
#   - a unit's result page (HTML, session cookie: the page units reload while the daemon reads),
#   - the appraisers' review queue (HTML, an appraiser's session cookie),
#   - one flag's page as the appraiser sees it (its document, decisions, neighbours),
#   - GET /api/v1/flags (JSON, the scoring system's bearer token: every flag of every sample).
# The result page and the flag API are measured again, each right after its SQLite run, on a second
# server reading the same store copied to PostgreSQL (`store copy` into a throwaway cluster,
# scripts/pg_throwaway.sh; BENCH_WEB_PG=no skips it).
# Reported: requests per second and p99 latency (targets: p99 < 100 ms each, >= 1,500 requests/s for
# the flag API), the load average beside them (the machine may be shared), the server's peak
# resident memory (VmHWM), and the rate one upload of 64 MiB streams through the multipart parser
# to disk (POST /api/v1/submissions). BENCH_WEB_ONLY=load skips the upload; BENCH_WEB_ONLY=pg measures
# only the two routes measured on both backends. BENCH_WEB_CACHE_MB=0 serves with no kept pages
# (web.page_cache_mb): every request rendered from the store.
set -euo pipefail
bin=${1:?usage: bench_web.sh PATH/TO/evidenced}
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/bench_lib.sh"
source "$here/scripts/pg_throwaway.sh"
command -v wrk >/dev/null || { echo "Web: wrk is not installed (make deps)"; exit 0; }
work=$(mktemp -d /tmp/evidenced-bench-web.XXXXXX)
server=""
pg_server=""
cleanup() { serve_stop "$server" "$pg_server"; pg_throwaway_stop; rm -rf "$work"; }
trap cleanup EXIT
connections=${BENCH_WEB_CONNECTIONS:-50}
duration=${BENCH_WEB_SECONDS:-10}
sample=bato-huyen-2024
upload_mb=${BENCH_WEB_UPLOAD_MB:-64}
cache_mb=${BENCH_WEB_CACHE_MB:-64}

# BENCH_WEB_DATA=DIR starts from a copy of a data folder where the samples were checked before.
mkdir -p "$work/inbox"
if [ -n "${BENCH_WEB_DATA:-}" ]; then cp -r "$BENCH_WEB_DATA" "$work/data"; else
  cp -r "$here"/samples/submissions/*/ "$work/inbox/"
  (cd "$here" && EVIDENCED_LOG_LEVEL=error "$bin" run --once --inbox "$work/inbox" --data "$work/data" >/dev/null)
fi
db="$work/data/evidenced.sqlite"
read -r code level name < <(python3 -c "import json,sys; u=json.load(open(sys.argv[1]))['unit']; print(u['code'], u['level'], u['name'])" \
  "$here/samples/submissions/$sample/submission.json")
password=$("$bin" users add bench-unit --role unit --unit "$code" --unit-name "$name" --level "$level" --db "$db" | sed 's/.*: //')
token=$("$bin" users add bench-scoring --role consumer --db "$db" | sed 's/.*: //')
appraiser_password=$("$bin" users add bench-appraiser --role appraiser --db "$db" | sed 's/.*: //')

# The same store on PostgreSQL, served beside: same inbox and content folder, the rows copied.
if [ "${BENCH_WEB_PG:-yes}" != no ]; then
  pg_throwaway_start
  pg_store=$(pg_database web)
  "$bin" store copy --from "$db" --to "$pg_store" >"$work/copy.log" 2>&1 || { echo "Web: store copy failed"; cat "$work/copy.log"; exit 1; }
  EVIDENCED_DATABASE_URL=$pg_store EVIDENCED_WEB_PAGE_CACHE_MB=$cache_mb serve_start "$work/pg-server.log" --inbox "$work/inbox" --data "$work/data"
  pg_server=$server pg_url=$url
fi
EVIDENCED_WEB_PAGE_CACHE_MB=$cache_mb serve_start "$work/server.log" --inbox "$work/inbox" --data "$work/data"
rss_idle=$(awk '/^VmRSS/{print $2}' "/proc/$server/status")

# The session cookie of a login (name, password).
session() {
  local cookie
  curl -fs -o /dev/null -c "$work/cookies-$1" --data-urlencode "username=$1" --data-urlencode "password=$2" "$url/login"
  cookie=$(awk '$6 == "evidenced_session" {print $7}' "$work/cookies-$1")
  [ -n "$cookie" ] || { echo "Web: login of $1 failed" >&2; cat "$work/server.log" >&2; exit 1; }
  echo "$cookie"
}
cookie=$(session bench-unit "$password")
appraiser_cookie=$(session bench-appraiser "$appraiser_password")
page="$url/submissions/$sample"
# Read whole before grep: `grep -q` stops at the first match, and curl's broken pipe would fail the bench.
html=$(curl -fs -H "Cookie: evidenced_session=$cookie" "$page")
grep -q 'li class="claim' <<<"$html" || { echo "Web: $page shows no claims"; exit 1; }
if [ -n "$pg_server" ]; then
  pg_cookie=$(url=$pg_url session bench-unit "$password")
  pg_page="$pg_url/submissions/$sample"
  # The same answers from both backends, or the comparison would measure different work.
  [ "$(curl -fs -H "Cookie: evidenced_session=$pg_cookie" "$pg_page" | grep -c 'li class="claim')" = "$(grep -c 'li class="claim' <<<"$html")" ] \
    || { echo "Web: $pg_page differs from $page"; exit 1; }
  cmp -s <(curl -fs -H "Authorization: Bearer $token" "$url/api/v1/flags?limit=1000") \
         <(curl -fs -H "Authorization: Bearer $token" "$pg_url/api/v1/flags?limit=1000") \
    || { echo "Web: GET /api/v1/flags differs between SQLite and PostgreSQL"; exit 1; }
fi
html=$(curl -fs -H "Cookie: evidenced_session=$appraiser_cookie" "$url/review")
grep -q '/review/flags/' <<<"$html" || { echo "Web: /review shows no flags"; exit 1; }
read -r flags flag_id < <(curl -fs -H "Authorization: Bearer $token" "$url/api/v1/flags?limit=1000" \
  | python3 -c "import json,sys; f=json.load(sys.stdin); print(len(f), next(x['id'] for x in f if x.get('file')))")
flag_page="$url/review/flags/$flag_id"
curl -fs -H "Cookie: evidenced_session=$appraiser_cookie" "$flag_page" >/dev/null || { echo "Web: $flag_page failed"; exit 1; }

# "requests/s p50 p99 requests" of one wrk run; a non-2xx answer fails the bench (it would measure refusals).
load() {
  local out
  out=$(wrk -c"$connections" -t2 -d"${duration}s" --latency "$@")
  if grep -q "Non-2xx" <<<"$out"; then echo "Web: wrk got refusals: $out" >&2; exit 1; fi
  awk '/^Requests\/sec:/{rps=$2} /^ +50%/{p50=$2} /^ +99%/{p99=$2} / requests in /{n=$1} END{print rps, p50, p99, n}' <<<"$out"
}
# The server's CPU time so far (user + system, clock ticks): per request, the figure a shared
# machine's neighbours disturb least.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
ticks_per_second=$(getconf CLK_TCK)
load1() { awk '{print $1}' /proc/loadavg; }
printf 'Web: %d connections, %d s each (wrk, 2 threads), server on %d cores (load average before each run in brackets):\n' \
  "$connections" "$duration" "$(nproc --all)"
# One line per endpoint: what, requests/s, p50 and p99, the server's CPU time per request, load
# average; `server` is the server measured (the SQLite one unless given). BENCH_WEB_PERF=DIR also records a CPU
# profile of the server during each run (perf record -e cpu-clock -g; read with perf report --no-children -i).
measure() {
  local what=$1 name=$2 avg out rps p50 p99 requests cpu perf=""; shift 2; avg=$(load1); cpu=$(cpu_ticks)
  if [ -n "${BENCH_WEB_PERF:-}" ]; then mkdir -p "$BENCH_WEB_PERF"
    perf record -q -e cpu-clock -g -p "$server" -o "$BENCH_WEB_PERF/$name.data" -- sleep "$duration" >/dev/null 2>&1 & perf=$!; fi
  out=$(load "$@") || exit 1
  if [ -n "$perf" ]; then wait "$perf" || true; fi
  read -r rps p50 p99 requests <<<"$out"
  cpu=$(python3 -c "import sys; t, n, hz = map(float, sys.argv[1:]); print(f'{t * 1000 / hz / max(n, 1):.2f}')" "$(($(cpu_ticks) - cpu))" "$requests" "$ticks_per_second")
  printf '     %-50s %8s requests/s, p50 %8s, p99 %8s, %5s ms CPU/request  [load %s]\n' "$what:" "$rps" "$p50" "$p99" "$cpu" "$avg"
}
# The two routes measured on both backends: each PostgreSQL run right after its SQLite run, so that
# the machine's neighbours weigh on both alike.
# Arguments: what, name, then the URL and the header of each server (a session is one server's own).
both() {
  measure "$1" "$2" -H "$4" "$3"
  if [ -n "$pg_server" ]; then server=$pg_server measure "  the same on PostgreSQL" "$2-pg" -H "$6" "$5"; fi
}
[ "${BENCH_WEB_ONLY:-}" = pg ] || measure "GET /healthz (the floor)" healthz "$url/healthz"
both "result page (HTML, unit's session)" result "$page" "Cookie: evidenced_session=$cookie" \
  "${pg_page:-}" "Cookie: evidenced_session=${pg_cookie:-}"
if [ "${BENCH_WEB_ONLY:-}" != pg ]; then
  measure "review queue (HTML, appraiser's session)" review -H "Cookie: evidenced_session=$appraiser_cookie" "$url/review"
  measure "flag page (HTML, appraiser's session)" flag -H "Cookie: evidenced_session=$appraiser_cookie" "$flag_page"
fi
both "GET /api/v1/flags ($flags flags, bearer token)" api "$url/api/v1/flags?limit=1000" "Authorization: Bearer $token" \
  "${pg_url:-}/api/v1/flags?limit=1000" "Authorization: Bearer $token"
if [ -n "$pg_server" ]; then
  printf '     PostgreSQL server memory: peak %d MB (VmHWM)\n' "$(($(awk '/^VmHWM/{print $2}' "/proc/$pg_server/status") / 1024))"
fi
# Deadline day: the daemons write while the pages are read. BENCH_WEB_WRITES (10) changes a second
# to other units' submissions, one a second to the bench unit's own, each bumping what the kept
# pages depend on (v12's change stamps): a kept page is rendered again after every change it shows.
writes=${BENCH_WEB_WRITES:-10}
if [ "$writes" -gt 0 ] && [ "${BENCH_WEB_ONLY:-}" != pg ] && command -v sqlite3 >/dev/null; then
  others=$(sqlite3 "$db" "SELECT id FROM submissions WHERE unitCode <> '$code' LIMIT 10" | paste -sd' ')
  pause=$(python3 -c "import sys; print(1 / int(sys.argv[1]))" "$writes")
  (n=0; while :; do for id in $others; do n=$((n + 1))
     sqlite3 "$db" "PRAGMA busy_timeout = 5000; UPDATE submissions SET state = state WHERE id = '$id'" >/dev/null
     [ $((n % writes)) -eq 0 ] && sqlite3 "$db" "PRAGMA busy_timeout = 5000; UPDATE submissions SET state = state WHERE id = '$sample'" >/dev/null
     sleep "$pause"; done; done) &
  writer=$!
  measure "result page, $writes changes/s beside" result-writes -H "Cookie: evidenced_session=$cookie" "$page"
  measure "review queue, $writes changes/s beside" review-writes -H "Cookie: evidenced_session=$appraiser_cookie" "$url/review"
  measure "GET /api/v1/flags, $writes changes/s beside" api-writes -H "Authorization: Bearer $token" "$url/api/v1/flags?limit=1000"
  kill "$writer" 2>/dev/null || true; wait "$writer" 2>/dev/null || true
fi
if [ "${BENCH_WEB_ONLY:-}" = load ] || [ "${BENCH_WEB_ONLY:-}" = pg ]; then
  printf '     server memory: %d MB resident idle, peak %d MB (VmHWM)\n' "$((rss_idle / 1024))" "$(($(awk '/^VmHWM/{print $2}' "/proc/$server/status") / 1024))"
  exit 0
fi

# One upload of BENCH_WEB_UPLOAD_MB (64) MiB; no daemon runs here: it stays in the inbox.
head -c $((upload_mb << 20)) /dev/urandom > "$work/big.pdf"
python3 -c "import json,sys; print(json.dumps({'submission': ''.join(c if c.isalnum() else '-' for c in sys.argv[1].lower()) + '-bench-upload', 'unit': {'code': sys.argv[1], 'name': sys.argv[2], 'level': sys.argv[3]},
  'framework': 'thanhhoa-dti-district-2021', 'period': {'from': '2024-01-01', 'to': '2024-12-31'},
  'claims': [{'indicator': '2.1.2', 'score': 3, 'evidence': [{'file': 'big.pdf'}]}]}, ensure_ascii=False))" "$code" "$name" "$level" > "$work/manifest.json"
unit_token=$("$bin" users token bench-unit --db "$db")
read -r upload_status upload_s < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $unit_token" \
  -F "manifest=<$work/manifest.json" -F "file=@$work/big.pdf;filename=big.pdf" "$url/api/v1/submissions")
[ "$upload_status" = 202 ] || { echo "Web: the $upload_mb MiB upload answered $upload_status"; exit 1; }
rss_peak=$(awk '/^VmHWM/{print $2}' "/proc/$server/status")

printf '     upload: %d MiB in %.2f s, %.1f MiB/s\n' "$upload_mb" "$upload_s" "$(python3 -c "import sys; print(int(sys.argv[1]) / float(sys.argv[2]))" "$upload_mb" "$upload_s")"
printf '     server memory: %d MB resident idle, peak %d MB (VmHWM)\n' "$((rss_idle / 1024))" "$((rss_peak / 1024))"
