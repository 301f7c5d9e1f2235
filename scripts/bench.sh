#!/usr/bin/env bash
# make bench: speed and memory of evidenced against baselines measured in the same run.
#   OCR:          evidenced extract on scanned pages vs the bare `tesseract` command on the same
#                 page images, with the same number of parallel processes.
#   Text layer:   evidenced extract (one process) vs `pdftotext` per file, also at equal parallelism.
#   Memory:       peak resident set size while extracting a 200-page scanned PDF.
#   Parsing:      documents per second on one core.
#   Bundle:       a 3-document PDF against its documents extracted separately.
#   Unpacking:    a submission uploaded zipped, each evidence item a .zip, against the plain folder.
#   Check:        time to check one submission with 100 and with 100,000 submissions stored,
#                 on SQLite and on PostgreSQL (scripts/bench_pg.sh).
#   Nodes:        OCR throughput of two extraction nodes on one PostgreSQL against two workers of
#                 one process on SQLite (scripts/bench_pg.sh).
#   Writes:       documents claimed and saved per second through the serialised writes, with a
#                 season's backlog queued, on SQLite and on PostgreSQL (scripts/bench_pg.sh).
#   Web:          /healthz (the floor), the result page, the review queue, a flag page and
#                 GET /api/v1/flags under 50 connections (wrk), server memory; the result page
#                 and the flag API on PostgreSQL too.
# BENCH_ONLY=web runs the web part alone (no corpus, no OCR); BENCH_ONLY=pg the figures of
# PostgreSQL beside SQLite's alone (scripts/bench_pg.sh: nodes, check cost, writes, the two web routes).
set -euo pipefail
bin=${1:?usage: bench.sh PATH/TO/evidenced}
here=$(cd "$(dirname "$0")/.." && pwd)
if [ "${BENCH_ONLY:-}" = web ]; then exec "$here/scripts/bench_web.sh" "$bin"; fi
if [ "${BENCH_ONLY:-}" = pg ]; then exec "$here/scripts/bench_pg.sh" "$bin"; fi
source "$here/scripts/bench_lib.sh"
work=$(mktemp -d /tmp/evidenced-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export OMP_THREAD_LIMIT=1
workers=$(nproc --all)  # plain nproc honours OMP_THREAD_LIMIT

corpus=${BENCH_CORPUS:-$work}
bench_corpus "$corpus"
# The first pages of the long scan are the page images themselves: OCR the same images both ways.
pages=$(ls "$corpus"/pages/*.jpg | wc -l)
qpdf --empty --pages "$corpus/scanned-200.pdf" "1-$pages" -- "$work/scanned-bench.pdf"

# -- OCR throughput --------------------------------------------------------------------------
bare_ocr() { ls "$corpus"/pages/*.jpg | xargs -P "$workers" -I{} sh -c 'tesseract "$1" - -l vie >/dev/null 2>&1' _ {}; }
our_ocr() { "$bin" extract --json --workers "$workers" "$work"/scanned-bench.pdf; }
read -r bare_s ours_s <<<"$(best_of_turns bare_ocr our_ocr)"
baseline=$(per "$((pages * 60))" "$bare_s")
ours=$(per "$((pages * 60))" "$ours_s")
printf 'OCR: %d scanned pages, %d workers: evidenced %.1f pages/min, bare tesseract %.1f pages/min, ratio %s (target >= 0.95)\n' \
  "$pages" "$workers" "$ours" "$baseline" "$(ratio "$ours" "$baseline")"

# -- Born-digital text layer ---------------------------------------------------------------------
# pdftotext starts one process per file; evidenced reads every file in one process, pages of a long
# PDF on one thread per worker. Both are measured single-core too, for the per-core figure.
textpages=$(for f in "$corpus"/born-digital/*.pdf; do pdfinfo "$f" | awk '/^Pages:/{print $2}'; done | paste -sd+ | bc)
pdftotext_each() { for f in "$corpus"/born-digital/*.pdf; do pdftotext "$f" - >/dev/null; done; }
pdftotext_parallel() { ls "$corpus"/born-digital/*.pdf | xargs -P "$workers" -I{} pdftotext {} - >/dev/null; }
our_text() { "$bin" extract --json --workers "$workers" "$corpus"/born-digital/*.pdf; }
our_text_single() { "$bin" extract --json --workers 1 "$corpus"/born-digital/*.pdf; }
saved_rounds=$rounds; rounds=$((rounds * 3))
read -r each_s ours_s <<<"$(best_of_turns pdftotext_each our_text)"
read -r parallel_s single_s <<<"$(best_of_turns pdftotext_parallel our_text_single)"
rounds=$saved_rounds
baseline=$(per "$textpages" "$each_s"); ours=$(per "$textpages" "$ours_s")
parallel_baseline=$(per "$textpages" "$parallel_s"); single=$(per "$textpages" "$single_s")
printf 'Text layer: %d born-digital pages: evidenced %.0f pages/s (%d workers), pdftotext %.0f pages/s, ratio %s (target >= 1.0)\n' \
  "$textpages" "$ours" "$workers" "$baseline" "$(ratio "$ours" "$baseline")"
printf '            same parallelism: pdftotext in %d processes %.0f pages/s, ratio %s; one core each: evidenced %.0f pages/s, ratio %s\n' \
  "$workers" "$parallel_baseline" "$(ratio "$ours" "$parallel_baseline")" "$single" "$(ratio "$single" "$baseline")"

# -- Memory on a long scan ------------------------------------------------------------------------
long="$corpus/scanned-200.pdf"
if [ -f "$long" ]; then
  /usr/bin/time -v "$bin" extract --json --workers "$workers" "$long" >/dev/null 2>"$work/time.txt"
  rss=$(awk -F: '/Maximum resident set size/{gsub(/ /,"",$2); print $2}' "$work/time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$work/time.txt")
  printf 'Memory: 200-page scanned PDF: peak RSS %d MB (target < 300 MB), wall %s\n' "$((rss / 1024))" "$wall"
fi

# -- Parsing --------------------------------------------------------------------------------------
"$bin" bench-parse --seconds 3 "$here"/Tests/EvidenceParsingTests/Fixtures/*.txt 2>/dev/null \
  || echo "Parsing: (bench-parse unavailable)"

# -- Bundles ------------------------------------------------------------------------------------------
# A scanned 3-document bundle (a decision, a plan, minutes, with an appendix page) against its three
# documents extracted separately: splitting parses each document once, on its own pages.
bundle_parts="$here/samples/scanned-qd-1246.pdf $here/samples/born-digital-kh-178.pdf $here/samples/born-digital-bb-08.pdf"
qpdf --empty --pages $bundle_parts -- "$work/bundle.pdf"
bundle_one() { "$bin" extract --json --workers "$workers" "$work/bundle.pdf"; }
bundle_apart() { "$bin" extract --json --workers "$workers" $bundle_parts; }
read -r apart_s one_s <<<"$(best_of_turns bundle_apart bundle_one)"
printf 'Bundle: 3 documents in one PDF %.2f s, extracted separately %.2f s, ratio %s (target <= 1.05)\n' \
  "$one_s" "$apart_s" "$(ratio "$one_s" "$apart_s")"

# -- Unpacking and sniffing ------------------------------------------------------------------------
# One submission taken by the daemon (run --once, fresh store) as a plain folder, and as the most
# packed upload: the folder zipped, each evidence file zipped alone as its item
# (scripts/make_zipped_upload.py). The same documents are read either way; the difference is
# unpacking the upload and every item, and sniffing each file. A born-digital submission (text
# layers: the cheapest to read, so the overhead shows most) and one with a scan.
for sample in minhlong-huyen-2024-bo-sung trabong-huyen-2024; do
  mkdir -p "$work/unpack/$sample/folder" "$work/unpack/$sample/zipped"
  cp -r "$here/samples/submissions/$sample" "$work/unpack/$sample/folder/"
  rm -f "$work/unpack/$sample/folder/$sample/expected.json"
  python3 "$here/scripts/make_zipped_upload.py" "$work/unpack/$sample/folder/$sample" "$work/unpack/$sample/zipped/$sample.zip"
  take_as() {
    rm -rf "$work/unpack/run" && mkdir -p "$work/unpack/run" && cp -r "$work/unpack/$sample/$1" "$work/unpack/run/inbox"
    (cd "$here" && EVIDENCED_LOG_LEVEL=error EVIDENCED_WORKERS="$workers" "$bin" run --once --inbox "$work/unpack/run/inbox" --data "$work/unpack/run/data")
  }
  as_folder() { take_as folder; }
  as_zip() { take_as zipped; }
  # Under a second for the born-digital one: more rounds, or a neighbour's burst decides the ratio.
  read -r folder_s zip_s <<<"$(rounds=${BENCH_UNPACK_ROUNDS:-7} best_of_turns as_folder as_zip)"
  printf 'Unpacking: %s as a folder %.2f s, zipped with every item zipped %.2f s, ratio %s (target < 1.05)\n' \
    "$sample" "$folder_s" "$zip_s" "$(ratio "$zip_s" "$folder_s")"
done

# -- PostgreSQL beside SQLite: check cost against the store's size, OCR on two nodes ----------------
BENCH_CORPUS=$corpus "$here/scripts/bench_pg.sh" "$bin" --no-web

# -- Digital signatures ---------------------------------------------------------------------------
# Reading and validating every signature of a signed PDF, one core, against `pdfsig` on the same
# files (one process per file: what a caller without evidenced would run).
signed=("$here"/samples/real/*.pdf)
if python3 "$here/scripts/signed_pdfs.py" "$work/signed" >/dev/null 2>&1; then signed+=("$work"/signed/*.pdf); fi
if [ -d "$here/../shared/real/docs" ]; then signed+=("$here"/../shared/real/docs/*.pdf); fi
line=$("$bin" bench-signatures --seconds 3 "${signed[@]}")
ours_ms=$(sed -E 's/^Signatures: ([0-9.]+) ms.*/\1/' <<<"$line")
pdfsig_each() { for f in "${signed[@]}"; do pdfsig "$f" >/dev/null 2>&1; done; }
pdfsig_s=$(seconds pdfsig_each)
pdfsig_ms=$(python3 -c "import sys; print(float(sys.argv[1])*1000/int(sys.argv[2]))" "$pdfsig_s" "${#signed[@]}")
echo "$line"
printf '            pdfsig per file %.2f ms, ratio (pdfsig / evidenced) %s\n' "$pdfsig_ms" "$(ratio "$pdfsig_ms" "$ours_ms")"

# -- Daemon end to end ------------------------------------------------------------------------------
# A batch of submissions (the samples, 5 copies each, every copy its own unit and bytes) dropped into
# an inbox: time until every flag is queued (run --once, fresh store) against extracting the same
# evidence files with `evidenced extract` in the same run.
copies=5
python3 "$here/scripts/make_bench_batch.py" "$here/samples/submissions" "$work/e2e/inbox" "$copies"
files=$(find "$work/e2e/inbox" -type f ! -name '*.json' | sort)
submissions=$(ls "$work/e2e/inbox" | wc -l)
# Each daemon round on a fresh copy of the inbox and a fresh store.
daemon_round() {
  rm -rf "$work/e2e/run" && mkdir -p "$work/e2e/run" && cp -r "$work/e2e/inbox" "$work/e2e/run/inbox"
  (cd "$here" && EVIDENCED_LOG_LEVEL=error EVIDENCED_WORKERS="$workers" "$bin" run --once --inbox "$work/e2e/run/inbox" --data "$work/e2e/run/data")
}
extract_batch() { "$bin" extract --json --workers "$workers" $files; }
read -r extract_s daemon_s <<<"$(best_of_turns extract_batch daemon_round)"
printf 'Daemon: %d evidence files in %d submissions: run --once %.2f s, extraction alone %.2f s, ratio %s (target <= 1.05)\n' \
  "$(echo "$files" | wc -l)" "$submissions" "$daemon_s" "$extract_s" "$(ratio "$daemon_s" "$extract_s")"

# -- Web service ------------------------------------------------------------------------------------
# The pages and the flag API under 50 concurrent connections (wrk), against /healthz as the floor:
# requests per second, p99 latency, and the server's peak memory (scripts/bench_web.sh).
"$here/scripts/bench_web.sh" "$bin"

# The season page at a province's size: 700 units, 70,000 claims (scripts/bench_season.sh).
"$here/scripts/bench_season.sh" "$bin"
