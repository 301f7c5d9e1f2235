#!/usr/bin/env python3
"""Writes a batch of submissions for `make bench` into INBOX: COPIES copies of each sample submission,
each copy its own unit, with bytes appended to its PDFs (a PDF comment after %%EOF) so that no copy
is deduplicated by content. Usage: make_bench_batch.py SAMPLES/submissions INBOX COPIES"""
import json
import os
import sys

source, inbox, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
for name in sorted(n for n in os.listdir(source) if os.path.isdir(os.path.join(source, n))):
    for copy in range(1, copies + 1):
        target = os.path.join(inbox, f"{name}-{copy}")
        os.makedirs(target)
        for entry in sorted(os.listdir(os.path.join(source, name))):
            if entry == "expected.json":
                continue
            with open(os.path.join(source, name, entry), "rb") as f:
                data = f.read()
            if entry == "submission.json":
                manifest = json.loads(data)
                manifest["submission"] += f"-{copy}"
                manifest["unit"]["code"] += f"-{copy}"
                data = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
            elif copy > 1:
                data += f"\n%copy {copy}\n".encode()
            with open(os.path.join(target, entry), "wb") as f:
                f.write(data)
