#!/usr/bin/env bash
# The web service under load (part of `make bench`; runs alone too: scripts/bench_web.sh BIN).
# The samples are checked into a fresh store (run --once), then `evidenced serve` answers wrk with
# 50 concurrent connections for 10 s each on:
#   - a unit's result page (HTML, session cookie: the page units reload while the daemon reads),
#   - GET /api/v1/flags (JSON, the scoring system's bearer token: every flag of every sample).
# Reported: requests per second, p99 latency, the server's peak resident memory (VmHWM), and the
# rate one upload of 64 MiB streams through the multipart parser to disk (POST /api/v1/submissions).
set -euo pipefail
bin=${1:?usage: bench_web.sh PATH/TO/evidenced}
here=$(cd "$(dirname "$0")/.." && pwd)
command -v wrk >/dev/null || { echo "Web: wrk is not installed (make deps)"; exit 0; }
work=$(mktemp -d /tmp/evidenced-bench-web.XXXXXX)
server=""
cleanup() { if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT
connections=${BENCH_WEB_CONNECTIONS:-50}
duration=${BENCH_WEB_SECONDS:-10}
sample=bato-huyen-2024
upload_mb=${BENCH_WEB_UPLOAD_MB:-64}

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

port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
(cd "$here" && EVIDENCED_LOG_LEVEL=error exec "$bin" serve --inbox "$work/inbox" --data "$work/data" --listen "127.0.0.1:$port") \
  >"$work/server.log" 2>&1 &
server=$!
url="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -fs "$url/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
rss_idle=$(awk '/^VmRSS/{print $2}' "/proc/$server/status")

curl -fs -o /dev/null -c "$work/cookies" --data-urlencode "username=bench-unit" --data-urlencode "password=$password" "$url/login"
cookie=$(awk '$6 == "evidenced_session" {print $7}' "$work/cookies")
[ -n "$cookie" ] || { echo "Web: login failed"; cat "$work/server.log"; exit 1; }
page="$url/submissions/$sample"
curl -fs -H "Cookie: evidenced_session=$cookie" "$page" | grep -q 'li class="claim' || { echo "Web: $page shows no claims"; exit 1; }
flags=$(curl -fs -H "Authorization: Bearer $token" "$url/api/v1/flags?limit=1000" | python3 -c "import json,sys; print(len(json.load(sys.stdin)))")

# "requests/s p99" of one wrk run; a non-2xx answer fails the bench (it would measure refusals).
load() {
  local out
  out=$(wrk -c"$connections" -t2 -d"${duration}s" --latency "$@")
  if grep -q "Non-2xx" <<<"$out"; then echo "Web: wrk got refusals: $out" >&2; exit 1; fi
  awk '/^Requests\/sec:/{rps=$2} /^ +99%/{p99=$2} END{print rps, p99}' <<<"$out"
}
read -r page_rps page_p99 < <(load -H "Cookie: evidenced_session=$cookie" "$page")
read -r api_rps api_p99 < <(load -H "Authorization: Bearer $token" "$url/api/v1/flags?limit=1000")

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

printf 'Web: %d connections, %d s each (wrk, 2 threads), server on %d cores:\n' "$connections" "$duration" "$(nproc --all)"
printf '     result page (HTML, session cookie): %s requests/s, p99 %s\n' "$page_rps" "$page_p99"
printf '     GET /api/v1/flags (%d flags, bearer token): %s requests/s, p99 %s\n' "$flags" "$api_rps" "$api_p99"
printf '     upload: %d MiB in %.2f s, %.1f MiB/s\n' "$upload_mb" "$upload_s" "$(python3 -c "import sys; print(int(sys.argv[1]) / float(sys.argv[2]))" "$upload_mb" "$upload_s")"
printf '     server memory: %d MB resident idle, peak %d MB (VmHWM)\n' "$((rss_idle / 1024))" "$((rss_peak / 1024))"
