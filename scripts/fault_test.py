#!/usr/bin/env python3
"""Fault injection against the daemon (issue 21): an LD_PRELOAD shim (scripts/faultinject/, built by
`make faultshim`) makes the Nth open-for-writing, write, fsync or rename on a file under the test's
folder fail with EIO or ENOSPC, once or from then on, while `evidenced run --once` takes two sample
submissions. Then the fault clears and the daemon runs again. For every point:

  - every submission is checked, no document is left queued or extracting
  - the flags equal a run without faults: none lost, none doubled
  - the store opens and passes SQLite's integrity check
  - nothing sits in refused/ (no upload was the cause)

Also a data folder on a full file system (a 256 KiB tmpfs the test mounts, as root): the upload stays
in the inbox, and once the file system is larger the same upload is taken and checked.
Prints one line per point and 'faults: N passed, N failed'.
"""
import concurrent.futures
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webharness import REPO, evidenced_binary, inbox_with_samples  # noqa: E402

SUBMISSIONS = ["lyson-huyen-2024", "sonha-huyen-2024"]
SHIM = os.environ.get("EVIDENCED_FAULT_SHIM", os.path.join(REPO, ".build", "faultinject.so"))
BINARY = evidenced_binary()
PERSISTENT_TIMEOUT = 8  # seconds a run under a lasting fault is given before it is stopped


def environment(root, **fault):
    env = {k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD", "EVIDENCED_BIN")}
    env.update(OMP_THREAD_LIMIT="1", EVIDENCED_LOG_LEVEL="error")
    if fault:
        env.update(LD_PRELOAD=SHIM, EVIDENCED_FAULT_DIR=root, **{f"EVIDENCED_FAULT_{k.upper()}": str(v) for k, v in fault.items()})
    return env


def prepare(root):
    return inbox_with_samples(root, SUBMISSIONS)


def run_once(root, inbox, data, timeout=300, **fault):
    try:
        return subprocess.run([BINARY, "run", "--once", "--inbox", inbox, "--data", data], cwd=REPO, env=environment(root, **fault),
                              capture_output=True, text=True, timeout=timeout).returncode
    except subprocess.TimeoutExpired:
        return "stopped"


def outcome(data):
    """(flags as comparable tuples, submission states, document states, integrity) of a store."""
    db = os.path.join(data, "evidenced.sqlite")
    connection = sqlite3.connect(db)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        flags = sorted(connection.execute(
            "SELECT submissionId, claimIndex, reason, coalesce(file, ''), coalesce(page, 0), coalesce(field, '') "
            "FROM flags WHERE supersededAt IS NULL").fetchall())
        submissions = dict(connection.execute("SELECT id, state FROM submissions").fetchall())
        documents = dict(connection.execute("SELECT state, count(*) FROM documents GROUP BY state").fetchall())
    finally:
        connection.close()
    return flags, submissions, documents, integrity


def refused(data):
    folder = os.path.join(data, "refused")
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def counts():
    """How many of each call a run without faults makes (the shim in counting mode)."""
    root = tempfile.mkdtemp(prefix="evidenced-faults-")
    try:
        inbox, data = prepare(root)
        counted = os.path.join(tempfile.gettempdir(), f"evidenced-fault-counts-{os.getpid()}")
        env_fault = {"counts": counted}
        assert run_once(root, inbox, data, **env_fault) == 0
        with open(counted) as f:
            numbers = {name: int(n) for name, n in (line.split() for line in f)}
        os.unlink(counted)
        return numbers, outcome(data)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def point(call, at, errno, mode, baseline):
    root = tempfile.mkdtemp(prefix="evidenced-faults-")
    try:
        inbox, data = prepare(root)
        first = run_once(root, inbox, data, timeout=PERSISTENT_TIMEOUT if mode == "persist" else 300,
                         call=call, at=at, errno=errno, mode=mode)
        # The fault clears; the daemon starts again.
        second = run_once(root, inbox, data)
        problems = []
        if second != 0:
            problems.append(f"the clean restart exited {second}")
        if not os.path.exists(os.path.join(data, "evidenced.sqlite")):
            return f"no store after the restart (first run: {first})", first
        flags, submissions, documents, integrity = outcome(data)
        if integrity != "ok":
            problems.append(f"integrity: {integrity}")
        if sorted(submissions) != sorted(SUBMISSIONS) or set(submissions.values()) != {"checked"}:
            problems.append(f"submissions {submissions}")
        if documents.get("queued") or documents.get("extracting"):
            problems.append(f"documents {documents}")
        if flags != baseline[0]:
            lost = [f for f in baseline[0] if f not in flags]
            extra = [f for f in flags if f not in baseline[0]]
            problems.append(f"flags: lost {lost[:3]}, extra {extra[:3]} ({len(flags)} against {len(baseline[0])})")
        if refused(data):
            problems.append(f"refused {refused(data)}")
        if os.listdir(inbox):
            problems.append(f"left in the inbox {os.listdir(inbox)}")
        return ("; ".join(problems) if problems else None), first
    finally:
        shutil.rmtree(root, ignore_errors=True)


def full_file_system(baseline):
    """A data folder on a full tmpfs: kept, then taken once there is room. None when mounting is not allowed."""
    root = tempfile.mkdtemp(prefix="evidenced-full-")
    mount = os.path.join(root, "data")
    os.makedirs(mount)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount], capture_output=True).returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        return None
    try:
        inbox, _ = prepare(root)
        first = run_once(root, inbox, mount, timeout=PERSISTENT_TIMEOUT)
        # While full, every upload is either still in the inbox or recorded whole in the store.
        kept = set(os.listdir(inbox))
        recorded = set()
        if os.path.exists(os.path.join(mount, "evidenced.sqlite")):
            try:
                recorded = set(outcome(mount)[1])
            except sqlite3.Error:
                pass
        problems = []
        if kept | recorded != set(SUBMISSIONS) or refused(mount):
            problems.append(f"while full: inbox {sorted(kept)}, recorded {sorted(recorded)}, refused {refused(mount)}")
        subprocess.run(["mount", "-o", "remount,size=256m", mount], check=True)
        second = run_once(root, inbox, mount)
        flags, submissions, _, integrity = outcome(mount)
        if second != 0 or integrity != "ok" or set(submissions.values()) != {"checked"} or flags != baseline[0] or refused(mount):
            problems.append(f"after room was made: exit {second}, {integrity}, {submissions}, {len(flags)} flags, refused {refused(mount)}")
        return f"first run {first}, kept {len(kept)}, recorded {len(recorded)}; " + ("; ".join(problems) if problems else "ok")
    finally:
        subprocess.run(["umount", mount], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def main():
    if not os.path.exists(SHIM):
        print(f"faults: the shim {SHIM} is missing (make faultshim)")
        return 1
    numbers, baseline = counts()
    print(f"a run without faults: {numbers}; {len(baseline[0])} flags")
    points = []
    # Spread over each call's sequence: intake (first calls), extraction and check (middle), queue (last).
    for call, how_many in (("write", 20), ("fsync", 10), ("rename", 12), ("open", 12)):
        total = numbers.get(call, 0)
        if total == 0:
            continue
        for index in range(how_many):
            at = 1 + (index * (total - 1)) // max(1, how_many - 1)
            errno = "ENOSPC" if index % 2 else "EIO"
            mode = "persist" if index % 5 == 4 else "once"
            points.append((call, at, errno, mode))
    points = sorted(set(points))
    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = {pool.submit(point, *p, baseline): p for p in points}
        for future in concurrent.futures.as_completed(futures):
            call, at, errno, mode = futures[future]
            problem, first = future.result()
            results.append(problem is None)
            print(f"{'PASS' if problem is None else 'FAIL'} {call} #{at} {errno} {mode} (faulty run: {first})"
                  f"{': ' + problem if problem else ''}", flush=True)
    full = full_file_system(baseline)
    if full is None:
        print("SKIP full file system: mounting a tmpfs is not allowed here")
    else:
        results.append(full.endswith("ok"))
        print(f"{'PASS' if full.endswith('ok') else 'FAIL'} full file system: {full}")
    passed = sum(results)
    print(f"faults: {passed} passed, {len(results) - passed} failed ({len(points)} injection points)")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
