#!/bin/sh
# Checks samples/ with pdftotext, pdfimages and tesseract (see scripts/check_samples.py).
# Usage: scripts/check-samples.sh [SAMPLES_DIR] [--no-ocr]
set -eu
exec /usr/bin/python3 "$(dirname "$0")/check_samples.py" "$@"
