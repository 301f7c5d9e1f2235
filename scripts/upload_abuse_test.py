#!/usr/bin/env python3
"""Upload abuse against a live service (POST /api/v1/submissions, multipart: a `manifest` part and
file parts). Each must be refused with a clear status and a JSON error, and the service must keep
serving others meanwhile:

  2 GB body (Content-Length 2 GB)  -> 413 before the body is read
  2 GB body streamed, no length    -> 413 once past the upload limit
  a file name with ../             -> 400, nothing written outside the staging folder
  10,000 fields                    -> 413
  slow clients (1 byte / 2 s)      -> others answered fast meanwhile
  a ZIP bomb among the files       -> the daemon ends the claim flagged with a reason, still running
"""
import io
import json
import os
import select
import socket
import sys
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webharness import SAMPLES, LiveService, sample_unit  # noqa: E402

SAMPLE = "bato-huyen-2024"
# web.max_upload_mb for this server: small, so the streamed body crosses it quickly even in a debug
# build (whose multipart parser reads about 1 MiB/s on a loaded machine).
LIMIT_MB = 4
BOUNDARY = "----evidencedAbuseBoundary7MA4YWxk"
results = []


def manifest(submission, files):
    unit = sample_unit(SAMPLE)
    return json.dumps({
        # A unit's ids begin with its code.
        "submission": "h-bato-" + submission, "unit": unit, "framework": "thanhhoa-dti-district-2021",
        "period": {"from": "2024-01-01", "to": "2024-12-31"},
        "claims": [{"indicator": "2.1.2", "score": 3, "evidence": [{"file": name} for name in files]}],
    }, ensure_ascii=False)


def part(name, value, filename=None):
    disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename is not None else "")
    kind = "application/octet-stream" if filename is not None else "text/plain; charset=utf-8"
    head = f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\nContent-Type: {kind}\r\n\r\n".encode()
    return head + (value if isinstance(value, bytes) else value.encode()) + b"\r\n"


def multipart(parts):
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


def request_head(live, token, length=None, chunked=False):
    lines = [f"POST /api/v1/submissions HTTP/1.1", f"Host: 127.0.0.1:{live.port}", f"Authorization: Bearer {token}",
             f"Content-Type: multipart/form-data; boundary={BOUNDARY}", "Accept: application/json"]
    lines.append("Transfer-Encoding: chunked" if chunked else f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def read_response(sock, timeout=30):
    """(status, headers dict, body bytes) of one HTTP/1.1 response read from a raw socket."""
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return status, headers, body[:length]


def send_streaming(live, token, body_chunks, length=None, chunked=False, timeout=60):
    """Streams the body until the server answers; (status, headers, body, seconds, bytes sent)."""
    sock = socket.create_connection(("127.0.0.1", live.port))
    started = time.time()
    sent = 0
    try:
        sock.sendall(request_head(live, token, length, chunked))
        for chunk in body_chunks:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                break
            if time.time() - started > timeout:
                raise AssertionError(f"no answer after {timeout} s and {sent >> 20} MiB sent")
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk) if chunked else chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
        status, headers, body = read_response(sock)
        return status, headers, body, time.time() - started, sent
    finally:
        sock.close()


def post(live, token, body, timeout=30):
    sock = socket.create_connection(("127.0.0.1", live.port))
    try:
        started = time.time()
        sock.sendall(request_head(live, token, len(body)) + body)
        status, headers, answer = read_response(sock, timeout)
        return status, headers, answer, time.time() - started
    finally:
        sock.close()


def expect_json_error(what, status, headers, body, want_status, want_code=None):
    assert status == want_status, f"{what}: status {status}, expected {want_status}: {body[:300]!r}"
    assert headers.get("content-type", "").startswith("application/json"), f"{what}: content type {headers.get('content-type')}"
    error = json.loads(body)
    assert set(error) >= {"error", "message"} and error["message"], f"{what}: {error}"
    if want_code:
        assert error["error"] == want_code, f"{what}: error {error['error']}, expected {want_code}"
    return error


def healthy(live, what, within=2.0):
    started = time.time()
    status, _ = live.get("/healthz", timeout=within + 5)
    seconds = time.time() - started
    assert status == 200 and seconds < within, f"after {what}: /healthz {status} in {seconds:.2f} s"
    return seconds


def report(what, status, error, seconds, extra=""):
    line = f"  {what}: {status} {error.get('error')} in {seconds:.2f} s{extra} — {error.get('message')}"
    results.append(line)
    print(line)


def zeros(total, size=1 << 20):
    chunk = bytes(size)
    for _ in range(total // size):
        yield chunk


def test_declared_2gb(live, token):
    status, headers, body, seconds, sent = send_streaming(live, token, zeros(2 << 30), length=2 << 30)
    error = expect_json_error("2 GB declared", status, headers, body, 413)
    assert seconds < 5, f"2 GB declared: answered after {seconds:.1f} s"
    report("2 GB body, Content-Length 2 GB", status, error, seconds, f", {sent >> 20} MiB sent before the answer")
    healthy(live, "the 2 GB body")


def test_streamed_2gb(live, token):
    status, headers, body, seconds, sent = send_streaming(live, token, zeros(2 << 30), chunked=True)
    error = expect_json_error("2 GB streamed", status, headers, body, 413)
    # What was sent past the limit sat in the two sockets' buffers (several MiB each on loopback).
    assert sent < (LIMIT_MB + 48) << 20, f"2 GB streamed: {sent >> 20} MiB taken before the answer"
    report("2 GB body, chunked, no length", status, error, seconds, f", {sent >> 20} MiB sent before the answer")
    healthy(live, "the streamed body")


def test_traversal(live, token):
    for name in ("../../evil.pdf", "..\\..\\evil.pdf", "/etc/evil.pdf"):
        body = multipart([part("manifest", manifest("abuse-traversal", [name])), part("file", b"%PDF-1.4\n", filename=name)])
        status, headers, answer, seconds = post(live, token, body)
        error = expect_json_error(f"file name {name}", status, headers, answer, 400)
        report(f"file name {name!r}", status, error, seconds)
    for root, _, files in os.walk(live.root):
        assert "evil.pdf" not in files, f"a traversal file was written in {root}"


def test_many_fields(live, token):
    body = multipart([part("manifest", manifest("abuse-fields", []))] + [part(f"f{i}", "x") for i in range(10_000)])
    status, headers, answer, seconds = post(live, token, body)
    error = expect_json_error("10,000 fields", status, headers, answer, 413, "too-many-fields")
    report(f"10,000 fields ({len(body) >> 10} KiB)", status, error, seconds)
    healthy(live, "10,000 fields")


def test_slow_clients(live, token, clients=20, seconds=8):
    """Clients that send their headers, then one byte every 2 s: the others are answered meanwhile."""
    body = multipart([part("manifest", manifest("abuse-slow", ["a.pdf"])), part("file", b"%PDF-1.4\n" * 100, filename="a.pdf")])
    sockets = []
    for _ in range(clients):
        sock = socket.create_connection(("127.0.0.1", live.port))
        sock.sendall(request_head(live, token, len(body)))
        sockets.append(sock)
    latencies, position, started = [], 0, time.time()
    try:
        while time.time() - started < seconds:
            for sock in sockets:
                sock.sendall(body[position:position + 1])
            position += 1
            for path in ("/healthz", "/api/v1/submissions"):
                t0 = time.time()
                status, _ = live.get(path, token=token, timeout=10)
                latencies.append(time.time() - t0)
                assert status == 200, f"{path} answered {status} beside slow clients"
            time.sleep(2)
    finally:
        for sock in sockets:
            sock.close()
    worst = max(latencies)
    line = (f"  {clients} slow clients (1 byte / 2 s for {seconds} s): {len(latencies)} other requests answered, "
            f"slowest {worst * 1000:.0f} ms")
    results.append(line)
    print(line)
    assert worst < 1.0, f"a request beside slow clients took {worst:.2f} s"


def bomb():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("zeros.pdf", bytes(200 << 20))
    return buffer.getvalue()


def test_zip_bomb(live, token):
    packed = bomb()
    body = multipart([part("manifest", manifest("abuse-bomb", ["bomb.zip"])), part("file", packed, filename="bomb.zip")])
    status, headers, answer, seconds = post(live, token, body)
    assert status == 202, f"zip bomb upload: {status} {answer[:300]!r}"
    location = json.loads(answer)["location"]

    def settled():
        code, text = live.get(location, token=token)
        state = json.loads(text).get("state") if code == 200 else None
        return state if state in ("checked", "failed") else None
    state = live.wait_for(settled, timeout=120, what="the zip bomb submission to be checked")
    code, text = live.get(location + "/results", token=token)
    claims = json.loads(text)["claims"]
    reasons = [(f["reason"], f["message"]) for f in claims[0]["flags"]]
    assert state == "failed" or (claims[0]["verdict"] == "flagged" and reasons), f"zip bomb: {state} {claims}"
    assert live.processes["daemon"][0].poll() is None, "the daemon died on the zip bomb"
    line = (f"  ZIP bomb in an upload ({len(packed) >> 10} KiB packed, 200 MiB unpacked): accepted 202, then {state}, "
            f"claim {claims[0]['verdict']}: {reasons}")
    results.append(line)
    print(line)
    healthy(live, "the zip bomb")


def main():
    started = time.time()
    with LiveService(environment={"EVIDENCED_WEB_MAX_UPLOAD_MB": str(LIMIT_MB)}) as live:
        live.add_sample_unit("bato", SAMPLE)
        token = live.token("bato")
        live.start()
        for test in (test_declared_2gb, test_streamed_2gb, test_traversal, test_many_fields, test_slow_clients, test_zip_bomb):
            test(live, token)
        assert live.processes["server"][0].poll() is None, "the server died"
        healthy(live, "everything")
    print(f"upload abuse test: ok in {time.time() - started:.1f} s")


if __name__ == "__main__":
    main()
