#!/usr/bin/env python3
"""Writes a batch of scanned submissions for `make bench`'s OCR comparison of the backends into
INBOX: the page images of PAGES (the bench corpus' scanned pages), PER to a submission, each page
one evidence file of the submission's claim, each submission its own unit. Every page is then one
document to OCR, so the work splits evenly across workers and nodes.
Usage: make_scan_batch.py PAGES INBOX PER"""
import json
import os
import shutil
import sys

pages_dir, inbox, per = sys.argv[1], sys.argv[2], int(sys.argv[3])
pages = sorted(n for n in os.listdir(pages_dir) if n.endswith(".jpg"))
for start in range(0, len(pages), per):
    number = start // per + 1
    target = os.path.join(inbox, f"scan-{number:02d}")
    os.makedirs(target)
    files = pages[start:start + per]
    for name in files:
        shutil.copyfile(os.path.join(pages_dir, name), os.path.join(target, name))
    manifest = {
        "submission": f"scan-{number:02d}",
        "unit": {"code": f"X-SCAN-{number:02d}", "name": f"ỦY BAN NHÂN DÂN HUYỆN QUÉT {number}", "level": "district"},
        "framework": "thanhhoa-dti-district-2021",
        "period": {"from": "2024-01-01", "to": "2024-12-31"},
        "claims": [{"indicator": "2.1.2", "score": 3, "evidence": [{"file": name} for name in files]}],
    }
    with open(os.path.join(target, "submission.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
