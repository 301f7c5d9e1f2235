#!/usr/bin/env bash
# make bench: speed and memory of evidenced against baselines measured in the same run.
#   OCR:          evidenced extract on scanned pages vs the bare `tesseract` command on the same
#                 page images, with the same number of parallel processes.
#   Text layer:   evidenced extract (one process) vs `pdftotext` per file, also at equal parallelism.
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
# pdftotext starts one process per file; evidenced reads every file in one process, pages of a long
# PDF on one thread per worker. Both are measured single-core too, for the per-core figure.
textpages=$(for f in "$work"/born-digital/*.pdf; do pdfinfo "$f" | awk '/^Pages:/{print $2}'; done | paste -sd+ | bc)
pps() { python3 -c "print($textpages/($2-$1))"; }
t0=$(now); for f in "$work"/born-digital/*.pdf; do pdftotext "$f" - >/dev/null; done; t1=$(now)
baseline=$(pps "$t0" "$t1")
t0=$(now); ls "$work"/born-digital/*.pdf | xargs -P "$workers" -I{} pdftotext {} - >/dev/null; t1=$(now)
parallel_baseline=$(pps "$t0" "$t1")
t0=$(now); "$bin" extract --json --workers "$workers" "$work"/born-digital/*.pdf >/dev/null; t1=$(now)
ours=$(pps "$t0" "$t1")
t0=$(now); "$bin" extract --json --workers 1 "$work"/born-digital/*.pdf >/dev/null; t1=$(now)
single=$(pps "$t0" "$t1")
printf 'Text layer: %d born-digital pages: evidenced %.0f pages/s (%d workers), pdftotext %.0f pages/s, ratio %s (target >= 1.0)\n' \
  "$textpages" "$ours" "$workers" "$baseline" "$(ratio "$ours" "$baseline")"
printf '            same parallelism: pdftotext in %d processes %.0f pages/s, ratio %s; one core each: evidenced %.0f pages/s, ratio %s\n' \
  "$workers" "$parallel_baseline" "$(ratio "$ours" "$parallel_baseline")" "$single" "$(ratio "$single" "$baseline")"

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
# A batch of submissions (the samples, 5 copies each, every copy its own unit and bytes) dropped into
# an inbox: time until every flag is queued (run --once, fresh store) against extracting the same
# evidence files with `evidenced extract` in the same run.
copies=5
python3 "$here/scripts/make_bench_batch.py" "$here/samples/submissions" "$work/e2e/inbox" "$copies"
files=$(find "$work/e2e/inbox" -type f ! -name '*.json' | sort)
submissions=$(ls "$work/e2e/inbox" | wc -l)
t0=$(now)
"$bin" extract --json --workers "$workers" $files >/dev/null || true
t1=$(now)
extract_s=$(python3 -c "print($t1-$t0)")
t0=$(now)
(cd "$here" && EVIDENCED_LOG_LEVEL=error EVIDENCED_WORKERS="$workers" "$bin" run --once --inbox "$work/e2e/inbox" --data "$work/e2e/data" >/dev/null)
t1=$(now)
daemon_s=$(python3 -c "print($t1-$t0)")
printf 'Daemon: %d evidence files in %d submissions: run --once %.2f s, extraction alone %.2f s, ratio %s (target <= 1.05)\n' \
  "$(echo "$files" | wc -l)" "$submissions" "$daemon_s" "$extract_s" "$(ratio "$daemon_s" "$extract_s")"
