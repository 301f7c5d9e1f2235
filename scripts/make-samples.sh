#!/bin/sh
# Regenerates samples/ deterministically (fixed seed) with Debian's python3 and the packages listed
# in samples/apt-packages.txt. Usage: scripts/make-samples.sh [OUT_DIR]   (default: samples/)
set -eu
exec /usr/bin/python3 "$(dirname "$0")/make_samples.py" "$@"
