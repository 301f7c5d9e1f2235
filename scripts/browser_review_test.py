#!/usr/bin/env python3
"""The appraisers' review in a real browser (issue 15), against one live service:

1. An appraiser opens /review: the queue lists the flags of a checked sample submission. They open
   the signer-mismatch flag; its region image loads and shows the right field: inside the red
   rectangle drawn on it, its pixels match a crop of the flag's box from the page rendered here with
   pdftoppm (and match it clearly better than the same box on another page or shifted by its size).
2. They dismiss it from the keyboard ('d', the comment, save): the decision shows on the page, in
   `evidenced flags export --csv` and in `evidenced queue pull --json` as a "decision" event.
3. The unit opens the same flag: the decision and comment, no form. Another unit: 404, also for
   the region image.
4. A document whose text and declared signer hold `<script>` shows it as text (no alert).
5. Screenshots (1280 and 390 px wide) of the queue and a flag go to .build/artefacts/.
6. The flag page with its region, loaded again from the cache: the time is printed (target < 300 ms).
"""
import csv
import hashlib
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import numpy
from PIL import Image
from selenium.common.exceptions import NoAlertPresentException, WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_test import ARTEFACTS, browser, drive, login, screenshot  # noqa: E402
from webharness import SAMPLES, LiveService, sample_unit  # noqa: E402

SAMPLE = "bato-huyen-2024"
COMMENT = "Người ký là Phó Chủ tịch được ủy quyền, chấp nhận."
BOUNDARY = "----evidencedReviewBoundary3xQ9"
SCRIPT_SIGNER = "<script>alert(1)</script>"
SCRIPT_TITLE = "Kế hoạch <script>alert(2)</script> chuyển đổi số"
timings = {}


# -- HTTP with the browser's session -----------------------------------------------------------------
def cookie_header(driver):
    return "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())


def fetch(live, path, driver=None, token=None):
    """(status, body) of a GET with the browser's session cookie or a bearer token."""
    request = urllib.request.Request(live.url(path))
    if driver is not None:
        request.add_header("Cookie", cookie_header(driver))
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


# -- the region against the known box ----------------------------------------------------------------
def render_page(pdf, page, folder):
    """Page `page` of `pdf` as grey levels at 150 dpi (poppler's pdftoppm, independent of evidenced)."""
    prefix = os.path.join(folder, f"page{page}")
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-f", str(page), "-l", str(page), pdf, prefix], check=True)
    name = next(n for n in sorted(os.listdir(folder)) if n.startswith(f"page{page}") and n.endswith(".pgm"))
    return numpy.asarray(Image.open(os.path.join(folder, name)).convert("L"), dtype=numpy.float64)


def crop_box(page, box, shift=(0.0, 0.0)):
    height, width = page.shape
    x, y = (box["x"] + shift[0]) * width, (box["y"] + shift[1]) * height
    left, top = int(round(max(0, x))), int(round(max(0, y)))
    right, bottom = int(round(min(width, x + box["width"] * width))), int(round(min(height, y + box["height"] * height)))
    return page[top:bottom, left:right]


def inside_red_rectangle(png):
    """The grey pixels inside the red rectangle the region image draws at the box, and its size."""
    rgb = numpy.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=numpy.int32)
    red = (rgb[:, :, 0] > 170) & (rgb[:, :, 1] < 90) & (rgb[:, :, 2] < 90)
    assert red.sum() > 50, f"no red rectangle in the region image ({red.sum()} red pixels)"
    rows, cols = numpy.nonzero(red.any(axis=1))[0], numpy.nonzero(red.any(axis=0))[0]
    top, bottom, left, right = rows[0], rows[-1], cols[0], cols[-1]
    # The stroke is centred on the box's edge, max(2, width/400) px wide: step inside it.
    inset = int(numpy.ceil(max(2, rgb.shape[1] / 400))) + 1
    inner = rgb[top + inset:bottom - inset + 1, left + inset:right - inset + 1]
    assert inner.shape[0] > 4 and inner.shape[1] > 4, f"the red rectangle is empty: {inner.shape}"
    grey = 0.299 * inner[:, :, 0] + 0.587 * inner[:, :, 1] + 0.114 * inner[:, :, 2]
    return grey, (right - left + 1, bottom - top + 1), rgb.shape


def correlation(a, b, size=(240, 120)):
    """Normalised correlation of two grey images resized to the same size (1: identical up to contrast)."""
    def norm(pixels):
        image = Image.fromarray(numpy.clip(pixels, 0, 255).astype(numpy.uint8)).resize(size, Image.BILINEAR)
        values = numpy.asarray(image, dtype=numpy.float64).ravel()
        values -= values.mean()
        return values / (numpy.linalg.norm(values) or 1.0)
    return float(numpy.dot(norm(a), norm(b)))


def check_region(live, driver, flag, pdf):
    status, png = fetch(live, f"/api/v1/flags/{flag['id']}/region.png", driver=driver)
    assert status == 200, f"region.png answered {status}: {png[:200]!r}"
    inner, (mark_w, mark_h), shape = inside_red_rectangle(png)
    box = flag["box"]
    with tempfile.TemporaryDirectory() as folder:
        page = render_page(pdf, flag["page"], folder)
        other_page = render_page(pdf, 1 if flag["page"] != 1 else 2, folder)
    # The rectangle has the box's proportions (the page is not stretched or turned).
    page_ratio = page.shape[0] / page.shape[1]
    want = box["width"] / (box["height"] * page_ratio)
    assert abs(mark_w / mark_h - want) / want < 0.08, f"red rectangle {mark_w}x{mark_h}, box ratio {want:.2f}"
    right = correlation(inner, crop_box(page, box))
    wrong = {
        "other page": correlation(inner, crop_box(other_page, box)),
        "box shifted up": correlation(inner, crop_box(page, box, shift=(0, -box["height"]))),
        "box shifted down": correlation(inner, crop_box(page, box, shift=(0, -box["height"] if box["y"] + 2 * box["height"] > 1 else box["height"]))),
        "box shifted left": correlation(inner, crop_box(page, box, shift=(-box["width"] if box["x"] > box["width"] else box["width"], 0))),
    }
    print(f"  region {shape[1]}x{shape[0]} px, box drawn {mark_w}x{mark_h}: correlation with the box's crop {right:.3f}; "
          + ", ".join(f"{k} {v:.3f}" for k, v in wrong.items()))
    assert right > 0.8, f"the region does not show the flag's box (correlation {right:.3f})"
    for what, value in wrong.items():
        assert value < right - 0.2, f"the comparison cannot tell the box from the {what} ({value:.3f} vs {right:.3f})"
    return png


# -- a document holding <script> ----------------------------------------------------------------------
def script_pdf():
    """A one-page text-layer plan (Decree 30 layout) whose title holds a <script> element."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    for name, file in (("Serif", "LiberationSerif-Regular.ttf"), ("SerifBold", "LiberationSerif-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, f"/usr/share/fonts/truetype/liberation2/{file}"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    width, height = A4
    page.setFont("SerifBold", 12)
    page.drawCentredString(150, height - 60, "ỦY BAN NHÂN DÂN")
    page.drawCentredString(150, height - 75, "HUYỆN BA TƠ")
    page.drawCentredString(410, height - 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    page.drawCentredString(410, height - 75, "Độc lập - Tự do - Hạnh phúc")
    page.setFont("Serif", 12)
    page.drawCentredString(150, height - 100, "Số: 41/KH-UBND")
    page.drawCentredString(410, height - 100, "Ba Tơ, ngày 12 tháng 3 năm 2024")
    page.setFont("SerifBold", 14)
    page.drawCentredString(width / 2, height - 150, "KẾ HOẠCH")
    page.setFont("SerifBold", 12)
    page.drawCentredString(width / 2, height - 168, SCRIPT_TITLE)
    page.setFont("Serif", 12)
    for i, line in enumerate(["Thực hiện chuyển đổi số năm 2024 trên địa bàn huyện, Ủy ban nhân dân huyện ban hành",
                              "kế hoạch ứng dụng công nghệ thông tin <script>alert(3)</script> như sau."]):
        page.drawString(70, height - 210 - 18 * i, line)
    page.setFont("SerifBold", 12)
    page.drawCentredString(420, height - 330, "CHỦ TỊCH")
    page.drawCentredString(420, height - 400, "Nguyễn Văn An")
    page.showPage()
    page.save()
    return out.getvalue()


def upload_script_submission(live, token):
    unit = sample_unit(SAMPLE)
    manifest = json.dumps({
        "submission": "h-bato-script-2024", "unit": unit, "framework": "thanhhoa-dti-district-2021",
        "period": {"from": "2024-01-01", "to": "2024-12-31"},
        "claims": [{"indicator": "2.1.2", "score": 3, "evidence": [
            {"file": "kh-41-script.pdf", "number": "41/KH-UBND", "date": "2024-03-12", "signer": SCRIPT_SIGNER}]}],
    }, ensure_ascii=False)

    def part(name, value, filename=None):
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        kind = "application/pdf" if filename else "text/plain; charset=utf-8"
        head = f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\nContent-Type: {kind}\r\n\r\n".encode()
        return head + (value if isinstance(value, bytes) else value.encode()) + b"\r\n"
    pdf = script_pdf()
    body = part("manifest", manifest) + part("kh-41-script.pdf", pdf, "kh-41-script.pdf") + f"--{BOUNDARY}--\r\n".encode()
    request = urllib.request.Request(live.url("/api/v1/submissions"), data=body, method="POST", headers={
        "Authorization": f"Bearer {token}", "Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 202, response.status
        location = json.loads(response.read())["location"]

    def checked():
        status, text = live.get(location, token=token)
        return status == 200 and json.loads(text).get("state") in ("checked", "failed") and json.loads(text)
    state = live.wait_for(checked, timeout=120, what="the <script> submission to be checked")
    assert state["state"] == "checked", state
    return "h-bato-script-2024", hashlib.sha256(pdf).hexdigest()


def no_alert(driver, where):
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        raise AssertionError(f"{where}: a script ran (alert {text!r})")
    except NoAlertPresentException:
        pass


# -- the test ---------------------------------------------------------------------------------------
def main():
    os.makedirs(ARTEFACTS, exist_ok=True)
    started = time.time()
    with LiveService() as live:
        live.run_once(SAMPLE)
        unit_password = live.add_sample_unit("bato", SAMPLE)
        other_password = live.add_sample_unit("binhson", "binhson-huyen-2024")
        council_password = live.add_user("council", "appraiser")
        unit_token = live.token("bato")
        consumer_token = live.add_user("scoring-api", "consumer")
        live.start()
        drive(browser(), "review-failure.png", lambda driver: run(
            driver, live, council_password, unit_password, other_password, unit_token, consumer_token))
    print(f"browser review test: ok in {time.time() - started:.1f} s"
          + "".join(f"; {k} {v:.0f} ms" for k, v in timings.items()))


def run(driver, live, council_password, unit_password, other_password, unit_token, consumer_token):
    status, body = live.get(f"/api/v1/flags?submission={SAMPLE}", token=consumer_token)
    assert status == 200, (status, body[:300])
    flags = json.loads(body)
    with open(os.path.join(SAMPLES, SAMPLE, "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)
    want = {(int(i), r) for i, reasons in expected["claims"].items() for r in reasons}
    got = {(f["claimIndex"], f["reason"]) for f in flags}
    assert want <= got, f"the API lists {got}, expected at least {want}"
    flag = next(f for f in flags if f["reason"] == "signer-mismatch" and f["file"] == "kh-12-cntt-2024.pdf")
    assert flag["page"] == 2 and flag["box"], flag

    # 1. The queue, then the flag with its region.
    login(driver, live, "council", council_password)
    driver.get(live.url("/review"))
    rows = {int(r.get_attribute("data-flag")) for r in driver.find_elements(By.CSS_SELECTOR, "tr[data-flag]")}
    assert {f["id"] for f in flags} <= rows, f"the queue lists {rows}, the API {[f['id'] for f in flags]}"
    counts = {t.get_attribute("data-reason"): t.text for t in driver.find_elements(By.CSS_SELECTOR, "#reasons .tab")}
    assert "signer-mismatch" in counts, counts
    order = [(-int(text.split()[-1]), code) for code, text in counts.items() if code != "all"]
    assert order == sorted(order), f"the reason tabs are not by count, then code: {list(counts)}"
    print(f"  queue: flags {sorted(rows)}; tabs {counts}")
    screenshot(driver, "review-queue.png")
    screenshot(driver, "review-queue-390.png", width=390)

    # Keyboard: j selects the first row, Enter opens it.
    first = driver.find_elements(By.CSS_SELECTOR, "tr[data-flag]")[0].get_attribute("data-flag")
    ActionChains(driver).send_keys("j").perform()
    ActionChains(driver).send_keys("\ue007").perform()
    live.wait_for(lambda: f"/review/flags/{first}" in driver.current_url, timeout=10, what="Enter to open the selected flag")

    began = time.perf_counter()
    driver.get(live.url(f"/review/flags/{flag['id']}"))
    image = driver.find_element(By.ID, "region")
    live.wait_for(lambda: driver.execute_script("return arguments[0].complete", image), timeout=30, interval=0.02,
                  what="the region image")
    timings["first load (the region rendered)"] = (time.perf_counter() - began) * 1000
    natural = driver.execute_script("return [arguments[0].naturalWidth, arguments[0].naturalHeight]", image)
    assert natural[0] > 0, f"the region image did not load: {natural}"
    assert driver.find_element(By.ID, "expected").text == flag["expected"], driver.find_element(By.ID, "expected").text
    assert driver.find_element(By.ID, "found").text == flag["found"], driver.find_element(By.ID, "found").text
    print(f"  flag {flag['id']} ({flag['reason']}, {flag['file']} page {flag['page']}): region {natural[0]}x{natural[1]} in the page")
    check_region(live, driver, flag, os.path.join(SAMPLES, SAMPLE, flag["file"]))
    screenshot(driver, "review-flag.png")
    screenshot(driver, "review-flag-390.png", width=390)

    # 6. The flag page with its region again, now from the cache.
    measure(driver, live, flag["id"])

    # 2. Dismiss from the keyboard: 'd' picks dismiss and focuses the comment; type; save.
    driver.get(live.url(f"/review/flags/{flag['id']}"))
    assert driver.find_elements(By.ID, "decision-form"), "no decision form for the appraiser"
    driver.find_element(By.TAG_NAME, "body").click()
    ActionChains(driver).send_keys("d").perform()
    assert driver.find_element(By.ID, "action-dismiss").is_selected(), "'d' did not pick dismiss"
    assert driver.switch_to.active_element.get_attribute("id") == "comment", "'d' did not focus the comment"
    ActionChains(driver).send_keys(COMMENT).perform()
    driver.find_element(By.ID, "save").click()
    live.wait_for(lambda: COMMENT in driver.find_element(By.ID, "current-decision").text, timeout=20,
                  what="the decision on the page")
    current = driver.find_element(By.ID, "current-decision").text
    trail = driver.find_elements(By.CSS_SELECTOR, "#trail li")
    assert "council" in current and len(trail) == 1, (current, [t.text for t in trail])
    print(f"  decided: {current!r}; trail {len(trail)}")
    screenshot(driver, "review-flag-decided.png")

    export = live.evidenced("flags", "export", "--csv", "--db", live.db).stdout
    rows = list(csv.DictReader(io.StringIO(export.lstrip("\ufeff"))))
    row = next((r for r in rows if r.get("decision_comment") == COMMENT), None)
    assert row and row["decision"] == "dismiss" and row["decided_by"] == "council", f"CSV export: {rows[:3]}"
    flag_column = next(k for k in ("flag_id", "id", "flag") if k in row)
    assert int(row[flag_column]) == flag["id"], row
    pulled = live.evidenced("queue", "pull", "--consumer", "scoring", "--json", "--db", live.db).stdout
    events = [json.loads(line) for line in pulled.splitlines() if line.strip()]
    decision = next((e for e in events if e.get("event") == "decision" and e.get("flagId") == flag["id"]), None)
    assert decision and decision["decision"]["action"] == "dismiss" and decision["decision"]["comment"] == COMMENT, events[-2:]
    print(f"  CSV export row decision={row['decision']} by {row['decided_by']}; queue event ack {decision['ack']}")

    # 3. The unit sees the decision read-only; another unit gets 404 (page and image).
    login(driver, live, "bato", unit_password)
    driver.get(live.url(f"/review/flags/{flag['id']}"))
    current = driver.find_element(By.ID, "current-decision").text
    assert COMMENT in current, f"the unit does not see the decision: {current!r}"
    assert not driver.find_elements(By.ID, "decision-form"), "the unit has a decision form"
    image = driver.find_element(By.ID, "region")
    live.wait_for(lambda: driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", image),
                  timeout=30, what="the unit's region image")
    screenshot(driver, "review-flag-unit-390.png", width=390)
    login(driver, live, "binhson", other_password)
    driver.get(live.url(f"/review/flags/{flag['id']}"))
    heading = driver.find_element(By.TAG_NAME, "h1").text
    assert heading == "Lỗi 404", f"another unit opened the flag: {heading!r}"
    status, _ = fetch(live, f"/api/v1/flags/{flag['id']}/region.png", driver=driver)
    assert status == 404, f"another unit's region image answered {status}"
    print("  unit: decision shown read-only; another unit: 404 (page and region)")

    # 4. <script> in a document and in what was declared shows as text.
    submission, sha256 = upload_script_submission(live, unit_token)
    status, body = live.get(f"/api/v1/flags?submission={submission}", token=consumer_token)
    script_flags = json.loads(body)
    mismatch = next((f for f in script_flags if f["reason"] == "signer-mismatch"), None)
    assert mismatch, f"no signer-mismatch for the <script> signer: {script_flags}"
    login(driver, live, "council", council_password)
    for path, element, text in ((f"/review/flags/{mismatch['id']}", "expected", SCRIPT_SIGNER),
                                (f"/review?unit={sample_unit(SAMPLE)['code']}", "queue", None)):
        driver.get(live.url(path))
        no_alert(driver, path)
        source = driver.page_source
        assert "<script>alert(" not in source, f"{path}: an unescaped <script> in the page"
        if text:
            shown = driver.find_element(By.ID, element).text
            assert shown == text, f"{path}: #{element} shows {shown!r}, not {text!r}"
    status, html = fetch(live, f"/review/flags/{mismatch['id']}", driver=driver)
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in html and b"<script>alert(" not in html, html[:300]
    driver.get(live.url(f"/review/flags/{mismatch['id']}"))
    screenshot(driver, "review-flag-script.png")
    status, pages = live.get(f"/api/v1/documents/{sha256}/pages", token=unit_token)
    assert status == 200 and "<script>alert(2)</script>" in json.loads(pages)[0]["text"], "the document's text lost the <script>"
    login(driver, live, "bato", unit_password)
    driver.get(live.url(f"/submissions/{submission}"))
    no_alert(driver, "the unit's result page")
    assert "<script>alert(" not in driver.page_source, "the result page holds an unescaped <script>"
    assert SCRIPT_SIGNER in driver.find_element(By.TAG_NAME, "main").text, "the result page does not show the declared <script> as text"
    print(f"  <script> in the document and the declared signer: shown as text on the flag #{mismatch['id']}, "
          "the queue and the result page; no alert")


def measure(driver, live, flag_id):
    """The flag page with its region loaded again (region cached on disk, image not in the browser's cache)."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    loads = []
    for _ in range(5):
        driver.get(live.url(f"/review/flags/{flag_id}"))
        live.wait_for(lambda: driver.execute_script(
            "var i = document.getElementById('region'); return i.complete && i.naturalWidth > 0"), timeout=30, what="the region")
        loads.append(driver.execute_script(
            "var n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime"))
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
    http = []
    for _ in range(5):
        began = time.perf_counter()
        status, _ = fetch(live, f"/review/flags/{flag_id}", driver=driver)
        status_png, _ = fetch(live, f"/api/v1/flags/{flag_id}/region.png", driver=driver)
        http.append((time.perf_counter() - began) * 1000)
        assert status == 200 and status_png == 200, (status, status_png)
    timings["flag page + region in the browser (cached, median)"] = statistics.median(loads)
    timings["flag page + region over HTTP (cached, median)"] = statistics.median(http)
    print(f"  flag page with its region from the cache: browser load {statistics.median(loads):.0f} ms "
          f"(runs {[round(x) for x in loads]}), HTML + PNG over HTTP {statistics.median(http):.0f} ms")


if __name__ == "__main__":
    main()
