#!/usr/bin/env bash
# make bench: speed and memory of evidenced against baselines measured in the same run.
#   OCR:          evidenced extract on scanned pages vs the bare `tesseract` command on the same
#                 page images, with the same number of parallel processes.
#   Text layer:   evidenced extract (one process) vs `pdftotext` per file.
#   Memory:       peak resident set size while extracting a 200-page scanned PDF.
#   Parsing:      documents per second on one core.
set -euo pipefail
bin=${1:?usage: bench.sh PATH/TO/evidenced}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/evidenced-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export OMP_THREAD_LIMIT=1
workers=$(nproc --all)  # plain nproc honours OMP_THREAD_LIMIT

now() { date +%s.%N; }
ratio() { python3 -c "import sys; a,b=map(float,sys.argv[1:]); print(f'{a/b:.3f}')" "$1" "$2"; }

echo "== generating the benchmark corpus in $work"
"$here/scripts/make-bench-corpus.sh" "$work" >/dev/null
# The first pages of the long scan are the page images themselves: OCR the same images both ways.
pages=$(ls "$work"/pages/*.jpg | wc -l)
qpdf --empty --pages "$work/scanned-200.pdf" "1-$pages" -- "$work/scanned-bench.pdf"

# -- OCR throughput --------------------------------------------------------------------------
t0=$(now)
ls "$work"/pages/*.jpg | xargs -P "$workers" -I{} sh -c 'tesseract "$1" - -l vie >/dev/null 2>&1' _ {}
t1=$(now)
baseline=$(python3 -c "print($pages*60/($t1-$t0))")
t0=$(now)
"$bin" extract --json --workers "$workers" "$work"/scanned-bench.pdf >/dev/null
t1=$(now)
ours=$(python3 -c "print($pages*60/($t1-$t0))")
printf 'OCR: %d scanned pages, %d workers: evidenced %.1f pages/min, bare tesseract %.1f pages/min, ratio %s (target >= 0.95)\n' \
  "$pages" "$workers" "$ours" "$baseline" "$(ratio "$ours" "$baseline")"

# -- Born-digital text layer ---------------------------------------------------------------------
textpages=$(for f in "$work"/born-digital/*.pdf; do pdfinfo "$f" | awk '/^Pages:/{print $2}'; done | paste -sd+ | bc)
t0=$(now)
for f in "$work"/born-digital/*.pdf; do pdftotext "$f" - >/dev/null; done
t1=$(now)
baseline=$(python3 -c "print($textpages/($t1-$t0))")
t0=$(now)
"$bin" extract --json "$work"/born-digital/*.pdf >/dev/null
t1=$(now)
ours=$(python3 -c "print($textpages/($t1-$t0))")
printf 'Text layer: %d born-digital pages: evidenced %.0f pages/s, pdftotext %.0f pages/s, ratio %s (target >= 1.0)\n' \
  "$textpages" "$ours" "$baseline" "$(ratio "$ours" "$baseline")"

# -- Memory on a long scan ------------------------------------------------------------------------
long="$work/scanned-200.pdf"
if [ -f "$long" ]; then
  /usr/bin/time -v "$bin" extract --json --workers "$workers" "$long" >/dev/null 2>"$work/time.txt"
  rss=$(awk -F: '/Maximum resident set size/{gsub(/ /,"",$2); print $2}' "$work/time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$work/time.txt")
  printf 'Memory: 200-page scanned PDF: peak RSS %d MB (target < 300 MB), wall %s\n' "$((rss / 1024))" "$wall"
fi

# -- Parsing --------------------------------------------------------------------------------------
"$bin" bench-parse --seconds 3 "$here"/Tests/EvidenceParsingTests/Fixtures/*.txt 2>/dev/null \
  || echo "Parsing: (bench-parse unavailable)"

# -- Daemon end to end ------------------------------------------------------------------------------
# The sample submissions dropped into an inbox: time until every flag is queued (run --once, fresh
# store) against extracting the same evidence files in one process.
mkdir -p "$work/e2e/inbox"
cp -r "$here"/samples/submissions/*/ "$work/e2e/inbox/"
files=$(find "$work/e2e/inbox" -type f ! -name '*.json' ! -name '*.md' | sort)
t0=$(now)
"$bin" extract --json --workers "$workers" $files >/dev/null || true
t1=$(now)
extract_s=$(python3 -c "print($t1-$t0)")
t0=$(now)
(cd "$here" && EVIDENCED_LOG_LEVEL=error EVIDENCED_WORKERS="$workers" "$bin" run --once --inbox "$work/e2e/inbox" --data "$work/e2e/data" >/dev/null)
t1=$(now)
daemon_s=$(python3 -c "print($t1-$t0)")
printf 'Daemon: %d evidence files in 4 submissions: run --once %.2f s, extraction alone %.2f s, ratio %s (target <= 1.05)\n' \
  "$(echo "$files" | wc -l)" "$daemon_s" "$extract_s" "$(ratio "$daemon_s" "$extract_s")"
