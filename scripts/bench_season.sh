#!/usr/bin/env bash
# The season page at a province's size (part of `make bench`; runs alone too: scripts/bench_season.sh BIN):
# 700 units, 70,000 claims, 7,000 flags half decided (scripts/make_season_bench.py), then `evidenced
# serve` answers GET /season (the secretariat's page: every unit's totals and both charts), the
# scores API and its CSV, each timed 20 times one after another (curl's total time, median and max).
# Target: the season page under 200 ms.
set -euo pipefail
bin=${1:?usage: bench_season.sh PATH/TO/evidenced}
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/bench_lib.sh"
work=$(mktemp -d /tmp/evidenced-bench-season.XXXXXX)
server=""
cleanup() { serve_stop "$server"; rm -rf "$work"; }
trap cleanup EXIT
units=${BENCH_SEASON_UNITS:-700}
claims=${BENCH_SEASON_CLAIMS:-100}
framework=thanhhoa-dti-district-2021

mkdir -p "$work/inbox" "$work/data"
db="$work/data/evidenced.sqlite"
password=$("$bin" users add bench-admin --role admin --db "$db" | sed 's/.*: //')
token=$("$bin" users add bench-scoring --role consumer --db "$db" | sed 's/.*: //')
python3 "$here/scripts/make_season_bench.py" "$db" "$units" "$claims"

serve_start "$work/server.log" --inbox "$work/inbox" --data "$work/data"
curl -fs -o /dev/null -c "$work/cookies" --data-urlencode "username=bench-admin" --data-urlencode "password=$password" "$url/login"
cookie=$(awk '$6 == "evidenced_session" {print $7}' "$work/cookies")
[ -n "$cookie" ] || { echo "Season: login failed"; cat "$work/server.log"; exit 1; }
page="$url/season?framework=$framework&period=2024"
rows=$(curl -fs -H "Cookie: evidenced_session=$cookie" "$page" | grep -c 'data-unit=' || true)
[ "$rows" = "$units" ] || { echo "Season: the page lists $rows units, not $units"; exit 1; }

# "median max" in milliseconds of 20 requests (after one to warm the caches).
timed() {
  curl -fs -o /dev/null "$@"
  for _ in $(seq 20); do curl -fs -o /dev/null -w '%{time_total}\n' "$@"; done |
    python3 -c "import sys, statistics; t=sorted(float(l)*1000 for l in sys.stdin); print(f'{statistics.median(t):.0f} {t[-1]:.0f}')"
}
read -r page_median page_max < <(timed -H "Cookie: evidenced_session=$cookie" "$page")
read -r sorted_median sorted_max < <(timed -H "Cookie: evidenced_session=$cookie" "$page&sort=accepted&order=desc&show=cut")
read -r api_median api_max < <(timed -H "Authorization: Bearer $token" "$url/api/v1/scores?framework=$framework&period=2024")
read -r csv_median csv_max < <(timed -H "Authorization: Bearer $token" "$url/api/v1/scores.csv?framework=$framework&period=2024")
verdict=$(python3 -c "import sys; print('under' if float(sys.argv[1]) < 200 else 'OVER')" "$page_median")
printf 'Season: %d units, %d claims (release build, one request at a time, 20 each, median / max):\n' "$units" "$((units * claims))"
printf '     GET /season (secretariat, every unit, both charts): %s ms / %s ms (%s the 200 ms target)\n' "$page_median" "$page_max" "$verdict"
printf '     the same sorted by accepted total, cut units only:  %s ms / %s ms\n' "$sorted_median" "$sorted_max"
printf '     GET /api/v1/scores (every claim, JSON):            %s ms / %s ms\n' "$api_median" "$api_max"
printf '     GET /api/v1/scores.csv:                            %s ms / %s ms\n' "$csv_median" "$csv_max"
