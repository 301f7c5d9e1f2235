#!/usr/bin/env python3
"""A season as large as a province's (part of `make bench`, scripts/bench_season.sh): UNITS units
(default 700) each with one checked submission of CLAIMS claims (default 100: 70,000 in all) and a
manifest naming them, a flag on one claim in ten, and decisions on half the flags (confirmed with a
cut, or dismissed). Written straight into a store that `evidenced` created (and so migrated)."""
import json
import random
import sqlite3
import sys

REASONS = ["number-mismatch", "date-mismatch", "signer-mismatch", "wrong-type", "unsigned", "no-evidence", "out-of-period"]


def main(path, units=700, claims=100, framework="thanhhoa-dti-district-2021"):
    rng = random.Random(23)
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys = ON")
    stamp = "2024-11-{:02d} 08:{:02d}:00.000"
    with db:
        for u in range(units):
            code = f"X-{u:04d}"
            name = f"ỦY BAN NHÂN DÂN XÃ SỐ {u}"
            db.execute("INSERT INTO units (code, name, level) VALUES (?, ?, 'commune')", (code, name))
            sid = f"x-{u:04d}-2024"
            manifest = {"submission": sid, "unit": {"code": code, "name": name, "level": "commune"}, "framework": framework,
                        "period": {"from": "2024-01-01", "to": "2024-12-31"},
                        "claims": [{"indicator": f"{1 + c % 9}.{1 + c % 5}.{1 + c % 3}", "score": 1 + c % 4,
                                    "evidence": [{"file": f"tl-{c}.pdf", "number": f"{c}/KH-UBND", "date": "2024-03-01"}]}
                                   for c in range(claims)]}
            created = stamp.format(1 + u % 20, u % 60)
            db.execute("""INSERT INTO submissions (id, unitCode, unitName, unitLevel, framework, periodFrom, periodTo, manifest,
                          manifestSHA256, revision, state, createdAt, updatedAt, checkedAt, precheck)
                          VALUES (?, ?, ?, 'commune', ?, '2024-01-01', '2024-12-31', ?, ?, 1, 'checked', ?, ?, ?, 0)""",
                       (sid, code, name, framework, json.dumps(manifest, ensure_ascii=False), f"{u:064d}", created, created,
                        stamp.format(2 + u % 20, u % 60)))
            for c, claim in enumerate(manifest["claims"]):
                db.execute("INSERT INTO claims (submissionId, claimIndex, indicator, score) VALUES (?, ?, ?, ?)",
                           (sid, c, claim["indicator"], claim["score"]))
                if c % 10 != 3:
                    continue
                cursor = db.execute("""INSERT INTO flags (submissionId, revision, claimIndex, indicator, score, reason, message, createdAt)
                                       VALUES (?, 1, ?, ?, ?, ?, 'Cờ thử', ?)""",
                                    (sid, c, claim["indicator"], claim["score"], rng.choice(REASONS), created))
                choice = rng.random()
                if choice < 0.3:
                    db.execute("""INSERT INTO flag_decisions (flagId, decidedBy, decidedAt, action, supportedScore)
                                  VALUES (?, 'council', ?, 'confirm', ?)""", (cursor.lastrowid, created, rng.choice([None, 0, 1])))
                elif choice < 0.5:
                    db.execute("""INSERT INTO flag_decisions (flagId, decidedBy, decidedAt, action, comment)
                                  VALUES (?, 'council', ?, 'dismiss', 'đúng')""", (cursor.lastrowid, created))


if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:4]))
