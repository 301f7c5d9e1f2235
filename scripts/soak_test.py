#!/usr/bin/env python3
"""The kill soak (`make soak`, issue 21): the daemon (`evidenced run`) on sample submissions, killed
with -9 at KILLS random moments (SOAK_KILLS, default 1000; 50 ms to 1.5 s after each start), then
left to finish. Checked:

  - lost:       a flag of an uninterrupted run that is missing at the end
  - duplicated: a flag queued twice (the same submission, claim, reason, file, page and field)
  - orphaned:   a worker (`evidenced worker`) still alive after its daemon was killed
                (PR_SET_PDEATHSIG must end it; looked for up to 5 s after each kill)

and the store passes SQLite's integrity check. Prints the figures and 'soak: N passed, N failed'.
"""
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webharness import REPO, evidenced_binary, inbox_with_samples  # noqa: E402

SUBMISSIONS = ["bato-huyen-2024", "sonha-huyen-2024", "lyson-huyen-2024", "trabong-huyen-2024"]
KILLS = int(os.environ.get("SOAK_KILLS", "1000"))
BINARY = evidenced_binary()


def environment():
    env = {k: v for k, v in os.environ.items() if k != "EVIDENCED_BIN"}
    env.update(OMP_THREAD_LIMIT="1", EVIDENCED_LOG_LEVEL="error", EVIDENCED_WATCH_STABILITY_DELAY_SECONDS="0.2")
    return env


def prepare(root):
    return inbox_with_samples(root, SUBMISSIONS)


def flags(data):
    connection = sqlite3.connect(os.path.join(data, "evidenced.sqlite"))
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = connection.execute(
            "SELECT submissionId, claimIndex, reason, coalesce(file, ''), coalesce(page, 0), coalesce(field, '') "
            "FROM flags WHERE supersededAt IS NULL").fetchall()
        states = dict(connection.execute("SELECT id, state FROM submissions").fetchall())
    finally:
        connection.close()
    return rows, states


def workers_of(pids):
    """Live `evidenced worker` processes whose first parent was one of `pids` (read from /proc)."""
    alive = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                command = f.read().split(b"\0")
            with open(f"/proc/{entry}/environ", "rb") as f:
                marked = b"EVIDENCED_SOAK=" + str(os.getpid()).encode() in f.read()
        except OSError:
            continue
        if marked and len(command) > 1 and command[1] == b"worker":
            alive.append(int(entry))
    return alive


def settle(inbox, data, timeout=600):
    """Runs the daemon until every submission is checked; returns the flags."""
    daemon = subprocess.Popen([BINARY, "run", "--inbox", inbox, "--data", data], cwd=REPO, env=environment(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + timeout
    try:
        while time.time() < deadline:
            time.sleep(0.5)
            if os.path.exists(os.path.join(data, "evidenced.sqlite")) and not os.listdir(inbox):
                try:
                    rows, states = flags(data)
                except sqlite3.Error:
                    continue
                if len(states) == len(SUBMISSIONS) and set(states.values()) == {"checked"}:
                    return rows
        raise AssertionError(f"not settled within {timeout} s")
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=60)


def main():
    random.seed(int(os.environ.get("SOAK_SEED", "20261206")))
    reference_root = tempfile.mkdtemp(prefix="evidenced-soak-ref-")
    root = tempfile.mkdtemp(prefix="evidenced-soak-")
    os.environ["EVIDENCED_SOAK"] = str(os.getpid())  # marks this soak's workers
    started = time.time()
    try:
        expected = settle(*prepare(reference_root))
        inbox, data = prepare(root)
        orphans, running = 0, 0
        for kill in range(KILLS):
            daemon = subprocess.Popen([BINARY, "run", "--inbox", inbox, "--data", data], cwd=REPO, env=environment(),
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(random.uniform(0.05, 1.5))
            running += len(workers_of([daemon.pid]))
            daemon.send_signal(signal.SIGKILL)
            daemon.wait()
            deadline = time.time() + 5
            while workers_of([daemon.pid]) and time.time() < deadline:
                time.sleep(0.05)
            left = workers_of([daemon.pid])
            if left:
                orphans += len(left)
                for pid in left:
                    os.kill(pid, signal.SIGKILL)
            if (kill + 1) % 100 == 0:
                print(f"  {kill + 1} kills, {orphans} orphaned workers, {time.time() - started:.0f} s", flush=True)
        got = settle(inbox, data)
        lost = [f for f in set(expected) if f not in set(got)]
        duplicated = len(got) - len(set(got))
        extra = [f for f in set(got) if f not in set(expected)]
        results = [("lost", not lost), ("duplicated", duplicated == 0), ("unexpected", not extra), ("orphaned", orphans == 0)]
        print(f"soak: {KILLS} kills -9 in {time.time() - started:.0f} s; {len(expected)} flags expected: "
              f"lost {len(lost)}, duplicated {duplicated}, unexpected {len(extra)}, orphaned workers {orphans} (of {running} running when killed)")
        passed = sum(ok for _, ok in results)
        print(f"soak: {passed} passed, {len(results) - passed} failed")
        return 0 if passed == len(results) else 1
    finally:
        shutil.rmtree(reference_root, ignore_errors=True)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
