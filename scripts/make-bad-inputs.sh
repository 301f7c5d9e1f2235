#!/bin/sh
# Writes issue 2's bad-input files into DIR (about a second); DIR/manifest.json maps each file to
# the expected error code. Usage: scripts/make-bad-inputs.sh DIR
set -eu
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
exec /usr/bin/python3 "$(dirname "$0")/make_bad_inputs.py" "$1"
