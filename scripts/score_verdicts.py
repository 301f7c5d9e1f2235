#!/usr/bin/python3
"""Precision and recall of `evidenced check --json` on the sample submissions against their
expected.json (the same measure as SampleSubmissionTests.verdictsMatchWhatWasPlanted).

    scripts/score_verdicts.py --bin .build/debug/evidenced [--models models] [--verbose]
"""
import argparse
import json
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(REPO / ".build/debug/evidenced"))
    ap.add_argument("--models", default=None)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    root = REPO / "samples" / "submissions"
    folders = sorted(p for p in root.iterdir() if (p / "submission.json").exists())
    cmd = [a.bin, "check", "--json"] + (["--models", a.models] if a.models else []) + [str(f) for f in folders]
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    results = {}
    for line in out.splitlines():
        if line.strip().startswith("{"):
            r = json.loads(line)
            results[r.get("submission")] = r
    planted = found = judged = right = clean = clean_review = 0
    for f in folders:
        exp = json.loads((f / "expected.json").read_text())
        r = results.get(exp["submission"])
        claims = {str(c["index"]): c for c in (r or {}).get("claims", [])}
        n = len(json.loads((f / "submission.json").read_text())["claims"])
        for i in map(str, range(n)):
            want = set(exp["claims"].get(i, []))
            tol = set(exp.get("tolerated", {}).get(i, []))
            got = {fl["reason"] for fl in claims.get(i, {}).get("flags", [])} if r else set()
            planted += len(want)
            found += len(want & got)
            j = {x for x in got - tol if x != "needs-review" or "needs-review" in want}
            judged += len(j)
            right += len(j & want)
            if not want:
                clean += 1
                clean_review += "needs-review" in got
            if a.verbose and (want - got or j - want):
                print(f"{exp['submission']} #{i}: missed {sorted(want - got)} false {sorted(j - want)}")
    print(f"precision {right}/{judged} = {right / max(judged, 1):.3f}; recall {found}/{planted} = {found / max(planted, 1):.3f}; "
          f"needs-review on {clean_review} of {clean} clean claims")


if __name__ == "__main__":
    main()
