#!/usr/bin/env python3
"""A real browser against a live service: headless Chromium (Debian's, through chromedriver) logs
in as a unit, fills in a submission with two files and their declared numbers and dates, pre-checks
it, waits while the result page refreshes, and reads the verdicts from the page; they must be the
sample's expected ones. Another unit's login must then get the 404 page for that submission.

Screenshots (desktop and a 390 px phone) are kept in .build/artefacts/.
"""
import json
import os
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webharness import REPO, SAMPLES, LiveService  # noqa: E402

SAMPLE = "bato-huyen-2024"
FRAMEWORK = "thanhhoa-dti-district-2021"
ARTEFACTS = os.path.join(REPO, ".build", "artefacts")
# The sample's first two claims, as a unit types them into the form (submission.json of SAMPLE).
CLAIMS = [
    {"indicator": "2.1.2", "score": "3", "file": "kh-12-cntt-2024.pdf", "number": "12/KH-UBND", "date": "2024-01-18",
     "signer": "Phạm Thanh Tùng"},
    {"indicator": "1.3.1", "score": "5", "file": "kh-27-chuyen-doi-so-2024.pdf", "number": "27/KH-UBND",
     "date": "2024-02-26", "signer": None},
]


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--lang=vi-VN", "--window-size=1280,900", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.set_page_load_timeout(60)
    return driver


def screenshot(driver, name, width=1280):
    """The whole page at `width` CSS pixels (the window grown to the page's height)."""
    driver.set_window_size(width, 900)
    height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    driver.set_window_size(width, min(max(height + 140, 600), 6000))
    path = os.path.join(ARTEFACTS, name)
    driver.save_screenshot(path)
    driver.set_window_size(1280, 900)
    print(f"  screenshot {os.path.relpath(path, REPO)}")



def drive(driver, failure_png, steps):
    """Runs steps(driver); on a failure keeps a screenshot and the page's address, then quits."""
    try:
        steps(driver)
    except Exception:
        try:
            screenshot(driver, failure_png)
            print(f"  at {driver.current_url}", file=sys.stderr)
        except WebDriverException:
            pass
        raise
    finally:
        driver.quit()

def set_value(driver, name, value):
    """Date inputs take typed text in the browser's locale format: set them the way a picker does."""
    element = driver.find_element(By.NAME, name)
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))",
                          element, value)


def fill_claims(driver):
    """The new-submission form: the period, then CLAIMS with one file each and what the unit declares of it."""
    set_value(driver, "period_from", "2024-01-01")
    set_value(driver, "period_to", "2024-12-31")
    for index, claim in enumerate(CLAIMS):
        driver.find_element(By.NAME, f"c{index}_indicator").send_keys(claim["indicator"])
        driver.find_element(By.NAME, f"c{index}_score").send_keys(claim["score"])
        driver.find_element(By.NAME, f"c{index}_e0_file").send_keys(os.path.join(SAMPLES, SAMPLE, claim["file"]))
        driver.find_element(By.NAME, f"c{index}_e0_number").send_keys(claim["number"])
        set_value(driver, f"c{index}_e0_date", claim["date"])
        if claim["signer"]:
            driver.find_element(By.NAME, f"c{index}_e0_signer").send_keys(claim["signer"])


def login(driver, live, name, password):
    driver.delete_all_cookies()
    driver.get(live.url("/login"))
    driver.find_element(By.NAME, "username").send_keys(name)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "#login button[type=submit]").click()
    live.wait_for(lambda: "/login" not in driver.current_url, timeout=20, what=f"{name}'s login")


def expected_reasons():
    with open(os.path.join(SAMPLES, SAMPLE, "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)
    tolerated = expected.get("tolerated", {})
    return [(set(expected["claims"][str(i)]), set(tolerated.get(str(i), []))) for i in range(len(CLAIMS))]


def main():
    os.makedirs(ARTEFACTS, exist_ok=True)
    started = time.time()
    with LiveService() as live:
        bato_password = live.add_sample_unit("bato", SAMPLE)
        other_password = live.add_sample_unit("binhson", "binhson-huyen-2024")
        live.start()
        drive(browser(), "failure.png", lambda driver: run(driver, live, bato_password, other_password))
    print(f"browser test: ok in {time.time() - started:.1f} s")


def run(driver, live, bato_password, other_password):
    # Log in as the unit.
    driver.get(live.url("/login"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Đăng nhập", driver.page_source[:500]
    screenshot(driver, "login.png")
    screenshot(driver, "login-390.png", width=390)
    login(driver, live, "bato", bato_password)
    assert "/submissions" in driver.current_url, driver.current_url

    # The form: the period, then two claims with one file each and what the unit declares of it.
    driver.get(live.url(f"/submissions/new?framework={FRAMEWORK}"))
    fill_claims(driver)
    screenshot(driver, "form.png")
    screenshot(driver, "form-390.png", width=390)

    # Pre-check ("Kiểm tra thử"), then the result page refreshes itself until the verdicts are in.
    driver.find_element(By.ID, "precheck").click()
    live.wait_for(lambda: "/submissions/" in driver.current_url and "/new" not in driver.current_url, timeout=30,
                  what="the result page")
    result_url = driver.current_url
    print(f"  result page {result_url}")
    seen_pending = driver.find_element(By.ID, "status").get_attribute("data-state")
    if seen_pending != "checked":
        driver.save_screenshot(os.path.join(ARTEFACTS, "result-pending.png"))
    live.wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "li.claim[data-verdict]")
                  or driver.find_elements(By.ID, "refusal"), timeout=240, interval=1, what="the verdicts on the result page")
    assert not driver.find_elements(By.ID, "refusal"), driver.find_element(By.ID, "refusal").text
    claims = driver.find_elements(By.CSS_SELECTOR, "li.claim[data-verdict]")
    read = [(c.get_attribute("data-indicator"), c.get_attribute("data-verdict"),
             {f.get_attribute("data-reason") for f in c.find_elements(By.CSS_SELECTOR, ".flag[data-reason]")}) for c in claims]
    print(f"  first state seen {seen_pending}; verdicts read: {read}")
    assert len(read) == len(CLAIMS), read
    for (indicator, verdict, reasons), claim, (expected, tolerated) in zip(read, CLAIMS, expected_reasons()):
        assert indicator == claim["indicator"], (indicator, claim)
        assert expected <= reasons <= expected | tolerated, f"{indicator}: read {reasons}, expected {expected} (tolerated {tolerated})"
        want = "flagged" if expected - {"needs-review"} else ("needs-review" if reasons else "supported")
        assert verdict == want, f"{indicator}: verdict {verdict}, expected {want}"
    summary = driver.find_element(By.ID, "summary").text
    assert "chỉ tiêu bị gắn cờ" in summary, summary
    screenshot(driver, "result.png")
    screenshot(driver, "result-390.png", width=390)

    # The list shows it as the unit's pre-check.
    driver.get(live.url("/submissions"))
    assert "kiểm tra thử" in driver.find_element(By.ID, "submissions").text

    # Another unit: that submission is not found, with or without the upload reference.
    login(driver, live, "binhson", other_password)
    for url in (result_url, result_url.split("?")[0]):
        driver.get(url)
        heading = driver.find_element(By.TAG_NAME, "h1").text
        assert heading == "Lỗi 404", f"another unit opened {url}: {heading!r}"
        assert not driver.find_elements(By.CSS_SELECTOR, "li.claim"), "another unit sees the claims"
    screenshot(driver, "other-unit-404.png")


if __name__ == "__main__":
    main()
