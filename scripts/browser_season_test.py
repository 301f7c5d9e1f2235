#!/usr/bin/env python3
"""The secretariat's season in a real browser (headless Chromium, as scripts/browser_test.py):
the admin imports a 150-unit roster saved by Excel in Windows-1258 on /admin/units and reads the
one-time passwords off the page; a unit (H-BATO, one of the 150) signs in with its password and
submits the sample's first two claims; the daemon checks them; an appraiser confirms the
signer-mismatch flag with a cut score (3 → 1); the season page and the scores CSV show the unit's
accepted total (8 → 6); the unit's own results page shows nothing before the secretariat publishes
and the cut, with its reason and comment, after.

Screenshots in .build/artefacts/season-*.png.
"""
import csv
import io
import json
import os
import sys
import time
import unicodedata

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_test import ARTEFACTS, FRAMEWORK, SAMPLE, browser, drive, fill_claims, login, screenshot  # noqa: E402
from webharness import LiveService, sample_unit  # noqa: E402

TONES = "\u0300\u0301\u0303\u0309\u0323"
UNITS = 150
COMMENT = "Chỉ một phần tài liệu hợp lệ"


def windows1258(text):
    """As Excel saves "CSV" on Vietnamese Windows: letters precomposed where the code page has them, tone marks combining."""
    out = ""
    for character in unicodedata.normalize("NFC", text):
        try:
            character.encode("cp1258")
            out += character
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", character)
            out += unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES)) + "".join(c for c in parts if c in TONES)
    return out.encode("cp1258")


def roster(path, bato):
    rows = ["Mã đơn vị,Tên đơn vị,Cấp,Cơ quan cấp trên,Liên hệ"]
    rows.append(f"{bato['code']},{bato['name']},huyện,UBND tỉnh Quảng Ngãi,bato@quangngai.gov.vn")
    for index in range(1, UNITS):
        rows.append(f"X-{index:03d},UBND xã Thử Nghiệm {index},xã,UBND huyện Ba Tơ,0255 38{index:05d}")
    with open(path, "wb") as f:
        f.write(windows1258("\r\n".join(rows) + "\r\n"))


def main():
    os.makedirs(ARTEFACTS, exist_ok=True)
    started = time.time()
    with LiveService() as live:
        admin_password = live.add_user("secretariat", "admin")
        admin_token = live.token("secretariat")
        council_password = live.add_user("council", "appraiser")
        live.start()
        driver = browser()
        # bcrypt (cost 10) for 150 new accounts: the import's answer can take a minute on a busy machine
        # with a debug build, longer than chromedriver's client waits for a click by default.
        driver.set_page_load_timeout(600)
        driver.command_executor.client_config.timeout = 600
        drive(driver, "season-failure.png", lambda driver: run(driver, live, admin_password, admin_token, council_password))
    print(f"browser season test: ok in {time.time() - started:.1f} s")


def run(driver, live, admin_password, admin_token, council_password):
    bato = sample_unit(SAMPLE)
    path = os.path.join(live.root, "don-vi.csv")
    roster(path, bato)

    # The roster, uploaded by the secretariat.
    login(driver, live, "secretariat", admin_password)
    driver.get(live.url("/admin/units"))
    driver.find_element(By.NAME, "roster").send_keys(path)
    began = time.time()
    driver.find_element(By.CSS_SELECTOR, "form[action='/admin/units'] button[type=submit]").click()
    live.wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "table.passwords") or driver.find_elements(By.CSS_SELECTOR, ".error"),
                  timeout=300, what="the import's result")
    assert not driver.find_elements(By.CSS_SELECTOR, ".error"), driver.find_element(By.CSS_SELECTOR, ".error").text
    print(f"  {UNITS} units imported in {time.time() - began:.1f} s")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.passwords tbody tr")
    assert len(rows) == UNITS, f"{len(rows)} new accounts shown"
    passwords = {r.find_elements(By.TAG_NAME, "td")[2].text: r.find_element(By.TAG_NAME, "code").text for r in rows}
    account = bato["code"].lower()
    assert account in passwords, sorted(passwords)[:5]
    assert bato["name"] in driver.page_source, "the 1258 roster's name was not read as the unit's"
    screenshot(driver, "season-import.png")

    # The unit submits the sample's first two claims.
    login(driver, live, account, passwords[account])
    driver.get(live.url(f"/submissions/new?framework={FRAMEWORK}"))
    fill_claims(driver)
    driver.find_element(By.ID, "submit").click()
    live.wait_for(lambda: "/submissions/" in driver.current_url and "/new" not in driver.current_url, timeout=60, what="the result page")
    submission = driver.current_url.split("/submissions/")[1].split("?")[0]
    live.wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "li.claim[data-verdict]") or driver.find_elements(By.ID, "refusal"),
                  timeout=300, interval=1, what="the verdicts")
    assert not driver.find_elements(By.ID, "refusal"), driver.find_element(By.ID, "refusal").text
    print(f"  submission {submission} checked")

    # Before publication the unit sees nothing of the season.
    driver.get(live.url("/season/mine"))
    assert driver.find_elements(By.ID, "not-published"), driver.page_source[:800]
    screenshot(driver, "season-unit-before.png")

    # The appraiser confirms the signer-mismatch flag with a cut: 3 points claimed, 1 supported.
    status, body = live.get(f"/api/v1/flags?submission={submission}", token=admin_token)
    assert status == 200, status
    flag = next(f for f in json.loads(body) if f["reason"] == "signer-mismatch")
    login(driver, live, "council", council_password)
    driver.get(live.url(f"/review/flags/{flag['id']}"))
    driver.find_element(By.ID, "action-confirm").click()
    driver.find_element(By.NAME, "supported_score").send_keys("1")
    driver.find_element(By.ID, "comment").send_keys(COMMENT)
    driver.find_element(By.ID, "save").click()
    live.wait_for(lambda: "Xác nhận" in driver.page_source, timeout=30, what="the decision")

    # The season page and the CSV show the accepted total: 8 claimed, 6 accepted.
    login(driver, live, "secretariat", admin_password)
    driver.get(live.url(f"/season?framework={FRAMEWORK}&period=2024"))
    row = driver.find_element(By.CSS_SELECTOR, f"tr[data-unit='{bato['code']}']")
    claimed, accepted = row.find_element(By.CSS_SELECTOR, "td.claimed").text, row.find_element(By.CSS_SELECTOR, "td.accepted").text
    assert (claimed, accepted) == ("8", "6"), (claimed, accepted)
    submitted = driver.find_element(By.ID, "submitted-count").text
    assert submitted == "1", submitted
    assert len(driver.find_elements(By.CSS_SELECTOR, "tr[data-unit]")) == UNITS
    assert driver.find_elements(By.ID, "reason-chart") and driver.find_elements(By.ID, "day-chart")
    screenshot(driver, "season-page.png")
    status, body = live.get(f"/api/v1/scores.csv?framework={FRAMEWORK}&period=2024", token=admin_token)
    assert status == 200 and body.startswith(b"\xef\xbb\xbf"), status
    lines = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    mine = [line for line in lines if line["unit_code"] == bato["code"]]
    assert mine and all(line["unit_accepted_total"] == "6" and line["unit_claimed_total"] == "8" for line in mine), mine
    cut = next(line for line in mine if line["status"] == "cut")
    assert (cut["claimed"], cut["accepted"], cut["reason"]) == ("3", "1", "signer-mismatch"), cut

    # Published: the unit sees its cut and why.
    driver.find_element(By.CSS_SELECTOR, "#publish button").click()
    live.wait_for(lambda: driver.find_elements(By.ID, "published"), timeout=30, what="the publication")
    login(driver, live, account, passwords[account])
    driver.get(live.url("/season/mine"))
    text = driver.find_element(By.TAG_NAME, "main").text
    assert "Bị trừ điểm" in text and COMMENT in text, text[:800]
    assert driver.find_element(By.CSS_SELECTOR, ".accepted-total").text == "6"
    screenshot(driver, "season-unit-after.png")
    screenshot(driver, "season-unit-after-390.png", width=390)


if __name__ == "__main__":
    main()
