#!/usr/bin/env python3
"""The uploads sample submission (issue 13): python3 scripts/make_upload_samples.py [SAMPLES]

Writes SAMPLES/submissions/trabong-huyen-2024-bo-sung (SAMPLES defaults to samples/ beside this
script), a supplement of Trà Bồng whose evidence is uploaded the way units really upload it:

bien-ban-hop-2024.pdf   a bundle: BB 08 and BB 21 scanned into one PDF (qpdf)
ke-hoach-2024.pdf       a bundle: KH 25 and KH 40
kh-45-cntt-2024.docx    the Word file of KH 45 (scripts/make_office_fixtures.py)
van-ban-2024.zip        a folder zipped: QĐ 1246 and KH 40

Run after scripts/make-samples.sh (it reads the Trà Bồng folder and born-digital-qd-1246.pdf). The
ZIP and the .docx are written with fixed dates, so every file is the same bytes every time.
"""
import json, os, subprocess, sys, tempfile, zipfile

here = os.path.dirname(os.path.abspath(__file__))
samples = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "samples")
trabong = os.path.join(samples, "submissions", "trabong-huyen-2024")
target = os.path.join(samples, "submissions", "trabong-huyen-2024-bo-sung")
os.makedirs(target, exist_ok=True)


def source(name):
    return os.path.join(trabong, name)


def bundle(name, parts):
    subprocess.run(["qpdf", "--deterministic-id", "--empty", "--pages", *parts, "--", os.path.join(target, name)], check=True)


bundle("bien-ban-hop-2024.pdf", [source("bb-08-hop-cds.pdf"), source("bb-21-hop-dti.pdf")])
bundle("ke-hoach-2024.pdf", [source("kh-25-ung-dung-cntt-2024.pdf"), source("kh-40-chuyen-doi-so-2024.pdf")])

with tempfile.TemporaryDirectory() as office:
    subprocess.run([sys.executable, os.path.join(here, "make_office_fixtures.py"), office], check=True)
    # Its parts again with a fixed date: the same bytes every run.
    with zipfile.ZipFile(os.path.join(office, "kh-45.docx")) as made, \
         zipfile.ZipFile(os.path.join(target, "kh-45-cntt-2024.docx"), "w", zipfile.ZIP_DEFLATED) as docx:
        for entry in made.infolist():
            docx.writestr(zipfile.ZipInfo(entry.filename, (2024, 2, 15, 8, 0, 0)), made.read(entry))

with zipfile.ZipFile(os.path.join(target, "van-ban-2024.zip"), "w") as z:
    for inner, path in [("van-ban-2024/qd-1246-to-cong-tac-cds.pdf", os.path.join(samples, "born-digital-qd-1246.pdf")),
                        ("van-ban-2024/kh-40-chuyen-doi-so-2024.pdf", source("kh-40-chuyen-doi-so-2024.pdf"))]:
        info = zipfile.ZipInfo(inner, (2024, 12, 1, 8, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, open(path, "rb").read())

manifest = json.load(open(source("submission.json"), encoding="utf-8"))
manifest["submission"] = "trabong-huyen-2024-bo-sung"
manifest["claims"] = [
    # The bundle's second document, declared: checked on its own pages.
    {"indicator": "1.2.2", "score": 2, "evidence": [
        {"file": "bien-ban-hop-2024.pdf", "number": "21/BB-UBND", "date": "2024-09-18"}]},
    # KH 40 is dated 05/02/2024: the date declared for it is wrong (planted).
    {"indicator": "1.3.1", "score": 5, "evidence": [
        {"file": "ke-hoach-2024.pdf", "number": "40/KH-UBND", "date": "2024-02-15"}]},
    # A Word file: read like a text layer; editable, so it cannot prove issuance on its own.
    {"indicator": "2.1.2", "score": 3, "evidence": [
        {"file": "kh-45-cntt-2024.docx", "number": "45/KH-UBND", "date": "2024-02-15", "signer": "Lê Văn Bình"}]},
    # The zip's QĐ, matched by its number.
    {"indicator": "2.3.1", "score": 1, "evidence": [
        {"file": "van-ban-2024.zip", "number": "1246/QĐ-UBND", "date": "2024-03-15", "signer": "Đinh Công Thạnh"}]},
]
json.dump(manifest, open(os.path.join(target, "submission.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=2)
open(os.path.join(target, "submission.json"), "a").write("\n")
