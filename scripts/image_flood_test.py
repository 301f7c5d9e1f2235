#!/usr/bin/env python3
"""A flood of review images against a live service (issue 24, finding 3): 200 requests at once for
page images at random widths (200 to 2400) and flags' regions, on loopback only, bounded in count
and time. While they run the server's resident memory is sampled from /proc, and /healthz and a
page (/login) are asked again and again. It must hold that:

  - every answer is 200 (a PNG) or 503 with Retry-After and a JSON error `busy`;
  - the server's RSS stays under 300 MB;
  - /healthz and the page answer within 1 s throughout;
  - the cache folder holds page images only at the snapped widths (400, 800, 1200, 1600, 2400),
    one file per image however many asked for it.

Prints one summary line of figures. EVIDENCED_BIN names the binary (default: the debug build),
IMAGE_FLOOD_SEED the random widths and pages, IMAGE_FLOOD_TRACE=1 prints every /healthz probe.
"""
import hashlib
import http.client
import json
import multiprocessing
import os
import random
import re
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webharness import SAMPLES as SAMPLE_DIR, LiveService  # noqa: E402

SAMPLES = ["bato-huyen-2024", "binhson-huyen-2024"]
REQUESTS = 200
SNAPPED = {400, 800, 1200, 1600, 2400}
RSS_LIMIT_MB = 300
PROBE_LIMIT_S = 1.0
# The whole flood must be answered within this (a debug build renders a page in a second or two).
FLOOD_DEADLINE_S = 180
SEED = int(os.environ.get("IMAGE_FLOOD_SEED", "24"))


def proc_status(pid):
    """(RSS in MiB, threads) of a process, from /proc/PID/status."""
    rss = threads = 0
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
            elif line.startswith("Threads:"):
                threads = int(line.split()[1])
    return rss, threads


def request(port, path, token=None, timeout=60):
    """(status, headers dict, body, seconds) of a GET on loopback; status 0 when the connection failed."""
    started = time.time()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Authorization": f"Bearer {token}"} if token else {})
        response = connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body, time.time() - started
    except OSError as error:
        return 0, {}, str(error).encode(), time.time() - started
    finally:
        connection.close()


def targets(live, token):
    """Page images (sha256, pages) of the samples' documents and the ids of flags with a region."""
    documents, flags = {}, []
    for sample in SAMPLES:
        status, body = live.get(f"/api/v1/submissions/{sample}", token=token)
        assert status == 200, f"submission {sample}: {status} {body[:200]!r}"
        for name, sha256 in (json.loads(body).get("files") or {}).items():
            status, body = live.get(f"/api/v1/documents/{sha256}", token=token)
            document = json.loads(body) if status == 200 else {}
            if document.get("format") == "pdf" and document.get("pages"):
                documents[sha256] = document["pages"]
        status, body = live.get(f"/api/v1/flags?submission={sample}", token=token)
        assert status == 200, f"flags of {sample}: {status}"
        flags += [f["id"] for f in json.loads(body) if f.get("file") and f.get("page")]
    assert documents, "no PDF among the samples' documents"
    return documents, flags


def flood(live, token, documents, flags):
    """REQUESTS requests released together; returns their (path, status, headers, body, seconds)."""
    rng = random.Random(SEED)
    paths = []
    for _ in range(REQUESTS):
        if flags and rng.random() < 0.15:
            paths.append(f"/api/v1/flags/{rng.choice(flags)}/region.png")
        else:
            sha256 = rng.choice(sorted(documents))
            paths.append(f"/api/v1/documents/{sha256}/pages/{rng.randint(1, documents[sha256])}.png"
                         f"?width={rng.randint(200, 2400)}")
    results = [None] * len(paths)
    start = threading.Barrier(len(paths) + 1)

    def one(index):
        start.wait()
        results[index] = (paths[index],) + request(live.port, paths[index], token, timeout=FLOOD_DEADLINE_S)

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(len(paths))]
    for thread in threads:
        thread.start()
    start.wait()
    deadline = time.time() + FLOOD_DEADLINE_S
    for thread in threads:
        thread.join(max(0.1, deadline - time.time()))
    unfinished = sum(thread.is_alive() for thread in threads)
    assert unfinished == 0, f"{unfinished} image requests unanswered after {FLOOD_DEADLINE_S} s"
    return results


def watch(port, pid, stop, out):
    """In a process of its own (the flood's 200 client threads would hold its GIL and slow the
    probes, not the server): samples the server's RSS and threads, and times /healthz and /login,
    until `stop` is set; then sends the figures through `out`."""
    figures = {"rss": [], "threads": [], "healthz": [], "page": []}
    while not stop.is_set():
        rss, threads = proc_status(pid)
        figures["rss"].append(rss)
        figures["threads"].append(threads)
        for path, key in (("/healthz", "healthz"), ("/login", "page")):
            status, _, _, seconds = request(port, path, timeout=10)
            figures[key].append((status, seconds))
            if os.environ.get("IMAGE_FLOOD_TRACE") and key == "healthz":
                print(f"  {time.time() % 1000:.2f} healthz {seconds * 1000:.0f} ms", file=sys.stderr)
        stop.wait(0.05)
    out.send(figures)
    out.close()


def main():
    started = time.time()
    with LiveService(daemon=False) as live:
        live.run_once(*SAMPLES)
        live.add_user("council", "appraiser")
        token = live.token("council")
        live.start()
        documents, flags = targets(live, token)
        cache = os.path.join(live.data, "cache", "pages")
        rss_before, threads_before = proc_status(live.pid("server"))

        stop = multiprocessing.Event()
        receive, send = multiprocessing.Pipe(duplex=False)
        watcher = multiprocessing.Process(target=watch, args=(live.port, live.pid("server"), stop, send), daemon=True)
        watcher.start()
        flood_started = time.time()
        if os.environ.get("IMAGE_FLOOD_TRACE"):
            print(f"  {flood_started % 1000:.2f} flood starts", file=sys.stderr)
        try:
            results = flood(live, token, documents, flags)
        finally:
            flood_seconds = time.time() - flood_started
            stop.set()
            figures = receive.recv() if receive.poll(30) else {"rss": [], "threads": [], "healthz": [], "page": []}
            watcher.join(15)
        rss_after, threads_after = proc_status(live.pid("server"))

        # Every answer: a PNG, or 503 with Retry-After and the API's JSON error.
        ok = busy = 0
        for path, status, headers, body, seconds in results:
            if status == 200:
                assert headers.get("content-type") == "image/png" and body[:4] == b"\x89PNG", f"{path}: 200 but not a PNG"
                ok += 1
            elif status == 503:
                assert headers.get("retry-after", "").isdigit(), f"{path}: 503 without Retry-After: {headers}"
                assert headers.get("content-type", "").startswith("application/json"), f"{path}: 503 {headers}"
                error = json.loads(body)
                assert error.get("error") == "busy" and error.get("message"), f"{path}: 503 {error}"
                busy += 1
            else:
                raise AssertionError(f"{path}: {status} {body[:300]!r}")
        assert ok > 0, "no image was rendered during the flood"

        # The cache: page images only at the snapped widths, one file per image.
        files = [name for _, _, names in os.walk(cache) for name in names if name.endswith(".png")]
        widths = {int(m.group(1)) for m in (re.search(r"-w(\d+)-", name) for name in files) if m}
        asked = {(re.search(r"/documents/(\w+)/pages/(\d+)", p).groups(),
                  min([w for w in sorted(SNAPPED) if w >= int(p.rsplit("=", 1)[1])] or [2400]))
                 for p, *_ in results if "/pages/" in p}
        pages_cached = [name for name in files if "-w" in name]
        cache_kb = sum(os.path.getsize(os.path.join(root, n)) for root, _, names in os.walk(cache) for n in names) >> 10

        # The figures first, so a failure below still shows them.
        rss_peak = max(figures["rss"] + [rss_after])
        assert figures["healthz"] and figures["page"], "the watcher took no samples"
        slowest = max(r[4] for r in results)
        healthz_worst = max(t for _, t in figures["healthz"]) * 1000
        page_worst = max(t for _, t in figures["page"]) * 1000
        print(f"image flood: {REQUESTS} requests ({len(asked)} distinct pages at snapped widths, regions of {len(flags)} flags) "
              f"answered in {flood_seconds:.1f} s (slowest {slowest:.1f} s): {ok} × 200, {busy} × 503 with Retry-After; "
              f"RSS {rss_before:.0f} MB before, peak {rss_peak:.0f} MB, {rss_after:.0f} MB after; "
              f"threads {threads_before} before, peak {max(figures['threads'] + [threads_after])}, {threads_after} after; "
              f"/healthz slowest {healthz_worst:.0f} ms ({len(figures['healthz'])} probes), /login slowest {page_worst:.0f} ms; "
              f"cache {len(files)} files ({cache_kb} KiB), widths {sorted(widths)}")

        for key in ("healthz", "page"):
            bad = [(s, round(t, 2)) for s, t in figures[key] if s != 200 or t >= PROBE_LIMIT_S]
            assert not bad, f"{key} during the flood: {bad[:5]} (of {len(figures[key])})"
        assert rss_peak < RSS_LIMIT_MB, f"RSS peaked at {rss_peak:.0f} MB (limit {RSS_LIMIT_MB})"
        assert widths <= SNAPPED, f"cached widths {sorted(widths - SNAPPED)} are not snapped"
        assert len(pages_cached) <= len(asked), f"{len(pages_cached)} page images cached for {len(asked)} distinct ones asked"
        assert live.processes["server"][0].poll() is None, "the server died"
    print(f"image flood test: ok in {time.time() - started:.1f} s")


if __name__ == "__main__":
    main()
