#!/usr/bin/env python3
"""The outside attack of issue 24, tried again against a live service (daemon and `evidenced serve`
on loopback, two units, two appraisers, a consumer, a metrics scraper, an admin). Each attack must
be refused; the figures are printed as one line per attack and a closing 'N passed, N failed'.

  escaping      a file name and a declared number with '"' + U+0301 reach the appraiser's pages:
                no new element or attribute (Python's html.parser reads every page)
  csv           the same values in /api/v1/flags/export.csv: every row as many cells as the header,
                no cell that a spreadsheet would run as a formula
  precheck      a submitted id re-sent with "precheck": true: 409, its flags stay in the queue
  ownership     unit H-BATO creating H-BATO-TT's ids: 422; bad ids ('/', 129+ characters): 422
  metrics       /metrics anonymous 401, a metrics token 200, that token elsewhere 403
  form-errors   period '../../x': no server path in the answer; a 300 KiB login form: 413
  login         6 wrong passwords for the admin from 127.0.0.2: slowed there (429), while the
                admin logs in from 127.0.0.3 at once
  paging        a scoped appraiser's cursor set to another unit's flag: the first page, unchanged
  origin        a form post with Origin http://evil-127.0.0.1:PORT or https://…: 403
"""
import csv
import http.client
import io
import json
import os
import re
import sys
import time
import urllib.parse
from html.parser import HTMLParser

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webharness import SAMPLES, LiveService, sample_unit  # noqa: E402

FRAMEWORK = "thanhhoa-dti-district-2021"
HOSTILE_FILE = 'a"\u0301 autofocus tabindex=1 data-pwn=injected title=PWNED x=.pdf'
HOSTILE_NUMBER = 'x"\u0301,=1+2*3,y'
BOUNDARY = "----evidencedAttackBoundary"
results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok)))
    print(f"{'PASS' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)


class Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's tokenizer reads them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def tags(html):
    parser = Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def injected(html):
    """Attributes only an injection would put there."""
    found = []
    for tag, attrs in tags(html):
        for name, value in attrs:
            if name.startswith("on") or name in ("data-pwn", "tabindex") or (value or "").startswith("PWNED") \
                    or (name == "title" and value == "PWNED"):
                found.append(f"<{tag} {name}={value!r}>")
    return found


def request(live, method, path, body=None, headers=None, source="127.0.0.1", timeout=30):
    """(status, headers, body text) over a fresh connection from `source` (any 127/8 address)."""
    connection = http.client.HTTPConnection("127.0.0.1", live.port, timeout=timeout, source_address=(source, 0))
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def multipart(fields, files):
    out = b""
    for name, value in fields:
        out += f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value.encode() + b"\r\n"
    for field, filename, data in files:
        out += (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
                f"Content-Type: application/octet-stream\r\n\r\n").encode("utf-8") + data + b"\r\n"
    return out + f"--{BOUNDARY}--\r\n".encode()


def api_upload(live, token, manifest, files):
    body = multipart([("manifest", json.dumps(manifest, ensure_ascii=False))], files)
    return request(live, "POST", "/api/v1/submissions", body, {
        "Authorization": f"Bearer {token}", "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
        "Accept": "application/json"})


def login(live, user, password, source="127.0.0.1"):
    """The session cookie header of a form login, or (status, None)."""
    body = urllib.parse.urlencode({"username": user, "password": password})
    status, headers, _ = request(live, "POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded"}, source=source)
    cookie = headers.get("set-cookie", "").split(";")[0]
    return status, cookie if status == 303 and cookie else None


def csrf_of(live, cookie, path="/submissions"):
    _, _, html = request(live, "GET", path, headers={"Cookie": cookie})
    match = re.search(r'name="_csrf" value="([^"]+)"', html)
    return match.group(1) if match else ""


def manifest(unit, submission, evidence, precheck=False):
    body = {"submission": submission, "unit": unit, "framework": FRAMEWORK,
            "period": {"from": "2024-01-01", "to": "2024-12-31"},
            "claims": [{"indicator": "2.1.2", "score": 3, "evidence": evidence}]}
    if precheck:
        body["precheck"] = True
    return body


def main():
    bato = sample_unit("bato-huyen-2024")
    pdf = open(os.path.join(SAMPLES, "bato-huyen-2024", "kh-12-cntt-2024.pdf"), "rb").read()
    with LiveService() as live:
        live.run_once("sonha-huyen-2024")
        unit_token_password = live.add_user("bato", "unit", unit=bato["code"], unit_name=bato["name"], level=bato["level"])
        bato_token = live.token("bato")
        live.add_user("batott", "unit", unit="H-BATO-TT", unit_name="ỦY BAN NHÂN DÂN THỊ TRẤN BA TƠ", level="district")
        batott_token = live.token("batott")
        council_password = live.add_user("council", "appraiser")
        council_token = live.token("council")
        scoped_password = live.evidenced("users", "add", "scoped", "--role", "appraiser", "--units", "H-SONHA", "--db", live.db).stdout
        scoped_password = re.search(r"\(shown once\): (\S+)", scoped_password).group(1)
        metrics_token = live.add_user("prometheus", "metrics")
        admin_password = live.add_user("root", "admin")
        live.start()

        # -- escaping and CSV: hostile values travel unit -> store -> appraiser ---------------------
        submission = "h-bato-attack-2024"
        status, _, body = api_upload(live, bato_token, manifest(bato, submission, [{"file": HOSTILE_FILE, "number": HOSTILE_NUMBER}]),
                                     [("file", HOSTILE_FILE, pdf)])
        check("escaping: the hostile upload is accepted as data", status == 202, f"{status} {body[:200]}")

        def checked():
            status, data = live.get(f"/api/v1/submissions/{submission}", token=council_token)
            return status == 200 and json.loads(data).get("state") == "checked"
        live.wait_for(checked, timeout=300, what="the hostile submission checked")
        status, data = live.get(f"/api/v1/flags?submission={submission}", token=council_token)
        flags = json.loads(data)
        check("escaping: the hostile number is flagged", any(f.get("reason") == "number-mismatch" for f in flags),
              ", ".join(f.get("reason", "?") for f in flags))
        _, cookie = login(live, "council", council_password)
        pages = ["/review", "/review?unit=" + urllib.parse.quote('x"\u0301 autofocus onfocus=alert(1)'),
                 f"/submissions/{submission}"] + [f"/review/flags/{f['id']}" for f in flags]
        bad = []
        for path in pages:
            status, _, html = request(live, "GET", path, headers={"Cookie": cookie})
            bad += [f"{path}: {b}" for b in injected(html)] + ([f"{path}: {status}"] if status != 200 else [])
        status, _, html = request(live, "GET", "/login?next=" + urllib.parse.quote('/x"\u0301 autofocus onfocus=alert(1) x='))
        bad += [f"/login: {b}" for b in injected(html)]
        check("escaping: no element or attribute injected on any page", not bad, f"{len(pages) + 1} pages; " + "; ".join(bad[:5]))

        status, _, text = request(live, "GET", "/api/v1/flags/export.csv", headers={"Authorization": f"Bearer {council_token}"})
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
        widths = {len(row) for row in rows}
        formulas = [cell for row in rows[1:] for cell in row if cell[:1] in ("=", "+", "@") or (cell[:1] == "-" and not re.match(r"^-?\d", cell))]
        hostile_rows = [row for row in rows if any(HOSTILE_NUMBER.replace('"', "") in c.replace('"', "") or "x\"\u0301" in c for c in row)]
        check("csv: every row as wide as the header, no live formula", status == 200 and widths == {len(rows[0])} and not formulas
              and hostile_rows, f"{len(rows)} rows, widths {sorted(widths)}, formulas {formulas[:3]}, hostile rows {len(hostile_rows)}")

        # -- a submitted id never becomes a pre-check -------------------------------------------------
        status, _, body = api_upload(live, bato_token, manifest(bato, submission, [{"file": "kh.pdf"}], precheck=True), [("file", "kh.pdf", pdf)])
        _, data = live.get(f"/api/v1/flags?submission={submission}", token=council_token)
        check("precheck: a submitted id re-sent as a pre-check is refused", status == 409 and len(json.loads(data)) == len(flags),
              f"{status} {body[:120]}")

        # -- ownership and ids ---------------------------------------------------------------------------
        squat = "h-bato-tt-" + FRAMEWORK + "-2024"
        status_squat, _, _ = api_upload(live, bato_token, manifest(bato, squat, [{"file": "kh.pdf"}]), [("file", "kh.pdf", pdf)])
        tt = {"code": "H-BATO-TT", "name": "x", "level": "district"}
        status_own, _, _ = api_upload(live, batott_token, manifest(tt, squat, [{"file": "kh.pdf"}]), [("file", "kh.pdf", pdf)])
        bad_ids = ["h-bato-a/b", "h-bato-" + "x" * 130, "h-bato-..", "h-bato-%2F"]
        statuses = [api_upload(live, bato_token, manifest(bato, i, [{"file": "kh.pdf"}]), [("file", "kh.pdf", pdf)])[0] for i in bad_ids]
        check("ownership: another unit's ids cannot be taken, bad ids refused", status_squat == 422 and status_own == 202
              and all(s == 422 for s in statuses), f"squat {status_squat}, owner {status_own}, bad ids {statuses}")

        # -- metrics -----------------------------------------------------------------------------------------
        anonymous = live.get("/metrics")[0]
        scraper = live.get("/metrics", token=metrics_token)[0]
        elsewhere = [live.get(p, token=metrics_token)[0] for p in ("/api/v1/flags", "/api/v1/submissions", "/api/v1/queue")]
        check("metrics: a metrics token and nothing else", anonymous == 401 and scraper == 200 and all(s == 403 for s in elsewhere),
              f"anonymous {anonymous}, token {scraper}, elsewhere {elsewhere}")

        # -- form errors name no path; big forms are 413 ---------------------------------------------
        _, unit_cookie = login(live, "bato", unit_token_password)
        token = csrf_of(live, unit_cookie, f"/submissions/new?framework={FRAMEWORK}")
        body = multipart([("_csrf", token), ("framework", FRAMEWORK), ("period_from", "../../x"), ("period_to", "2024-12-31"),
                          ("c0_indicator", "2.1.2"), ("c0_score", "3"), ("mode", "precheck")], [("c0_e0_file", "kh.pdf", pdf)])
        status, _, html = request(live, "POST", "/submissions", body, {"Cookie": unit_cookie, "Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})
        leaks = [p for p in (live.root, live.inbox, ".web-", "/tmp/") if p in html]
        big, _, big_body = request(live, "POST", "/login", "username=" + "a" * 300_000, {"Content-Type": "application/x-www-form-urlencoded"})
        check("form-errors: no server path, a big form is 413", status in (400, 422) and not leaks and big == 413 and live.root not in big_body,
              f"period ../../x -> {status} leaks {leaks}; 300 KiB form -> {big}")

        # -- login: a guesser at one address never locks the admin out of another ---------------------
        statuses = [login(live, "root", "wrong-password", source="127.0.0.2")[0] for _ in range(6)]
        right_there = login(live, "root", admin_password, source="127.0.0.2")[0]
        elsewhere_status, elsewhere_cookie = login(live, "root", admin_password, source="127.0.0.3")
        check("login: slowed at the guessing address only", statuses[-1] == 429 and right_there == 429 and elsewhere_cookie is not None,
              f"guesses {statuses}, right password there {right_there}, from elsewhere {elsewhere_status}")

        # -- paging: a scoped appraiser's cursor outside its scope ----------------------------------------
        _, scoped_cookie = login(live, "scoped", scoped_password, source="127.0.0.4")
        first = request(live, "GET", "/review?order=unit", headers={"Cookie": scoped_cookie})[2]
        probing = [request(live, "GET", f"/review?order=unit&after={f['id']}", headers={"Cookie": scoped_cookie})[2] for f in flags[:3]]
        strip = lambda html: re.sub(r'name="_csrf" value="[^"]*"', "", html)  # noqa: E731
        check("paging: another unit's cursor tells nothing", all(strip(p) == strip(first) for p in probing),
              f"{len(probing)} foreign cursors")

        # -- origin: exact scheme, host and port ---------------------------------------------------------
        csrf = csrf_of(live, unit_cookie)
        refused = []
        for origin in (f"http://evil-127.0.0.1:{live.port}", f"https://127.0.0.1:{live.port}", f"http://127.0.0.1:{live.port + 1}", "null"):
            status, _, _ = request(live, "POST", "/logout", urllib.parse.urlencode({"_csrf": csrf}),
                                   {"Cookie": unit_cookie, "Origin": origin, "Content-Type": "application/x-www-form-urlencoded"})
            refused.append(status)
        status, _, _ = request(live, "POST", "/logout", urllib.parse.urlencode({"_csrf": csrf}),
                               {"Cookie": unit_cookie, "Origin": f"http://127.0.0.1:{live.port}", "Content-Type": "application/x-www-form-urlencoded"})
        check("origin: only this exact origin may post", all(s == 403 for s in refused) and status == 303, f"foreign {refused}, own {status}")

        # The daemon and the server are still up after all of it.
        check("the service still answers", live.get("/healthz")[0] == 200 and live.processes["daemon"][0].poll() is None)

    passed = sum(1 for _, ok in results if ok)
    failed = len(results) - passed
    print(f"attack: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
