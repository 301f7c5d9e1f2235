#!/bin/sh
# Generates the `make bench` corpus into DIR (a 200-page scanned PDF, >= 20 scanned page images,
# born-digital PDFs). Never commit DIR. Usage: scripts/make-bench-corpus.sh DIR [--pages N] [--images N]
set -eu
[ $# -ge 1 ] || { echo "usage: $0 DIR [--pages N] [--images N]" >&2; exit 2; }
exec /usr/bin/python3 "$(dirname "$0")/make_bench_corpus.py" "$@"
