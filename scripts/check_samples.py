#!/usr/bin/python3
"""Checks samples/ against samples/expected/ with the real tools (pdftotext, pdfimages, tesseract).

    /usr/bin/python3 scripts/check_samples.py [SAMPLES_DIR] [--no-ocr]

For text pages: every key phrase is in pdftotext's output. For OCR pages: the text layer is empty
(or holds only the signature stamp), scanned PDF pages are one 300-dpi JPEG, and tesseract -l vie
reads the page: the character accuracy (1 - CER against the ground truth) and phrase hits, compared
folded (no diacritics, upper case) and exact, are printed. Exits 1 when a hard check fails.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path


def folded(s):
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    return re.sub(r"\s+", " ", s).strip().upper()


def squash(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def cer(ref, hyp):
    ref, hyp = squash(ref), squash(hyp)
    prev = list(range(len(hyp) + 1))
    for i, rc in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, hc in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (rc != hc))
        prev = cur
    return prev[-1] / max(1, len(ref))


def run(*args, env=None):
    return subprocess.run(args, capture_output=True, check=True, env=env).stdout


def pdf_page_text(path, page):
    return run("pdftotext", "-f", str(page), "-l", str(page), "-enc", "UTF-8", str(path), "-").decode()


def ocr(image):
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    return run("tesseract", str(image), "-", "-l", "vie", env=env).decode()


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    do_ocr = "--no-ocr" not in sys.argv
    root = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "samples"
    failures = []
    accuracies = []
    tmp = Path(tempfile.mkdtemp(prefix="check-samples-"))
    for exp_path in sorted((root / "expected").glob("*.json")):
        e = json.loads(exp_path.read_text())
        f = root / e["file"]
        if not f.exists():
            failures.append(f"{e['file']}: missing")
            continue
        size = f.stat().st_size
        if size >= 1 << 20:
            failures.append(f"{e['file']}: {size} bytes, not under 1 MiB")
        images = []
        if e["format"] == "pdf":
            listing = run("pdfimages", "-list", str(f)).decode().splitlines()[2:]
            images = [l.split() for l in listing]
        for p in e["perPage"]:
            n = p["page"]
            if p.get("blank"):
                if e["format"] == "pdf" and squash(pdf_page_text(f, n)):
                    failures.append(f"{e['file']} p{n}: blank page has text")
                continue
            if e["format"] == "text":
                got = f.read_text()
                misses = [ph for ph in p["phrases"] if ph not in got]
                if misses:
                    failures.append(f"{e['file']} p{n}: missing {misses}")
                continue
            if e["format"] == "pdf":
                layer = pdf_page_text(f, n)
                if p["source"] == "text":
                    want = e.get("rawTextLayerPhrases") if e.get("legacyEncoding") else p["phrases"]
                    if e.get("legacyEncoding") and n > 1:
                        want = []
                    misses = [ph for ph in want if squash(ph) not in squash(layer)]
                    if misses:
                        failures.append(f"{e['file']} p{n}: text layer lacks {misses}")
                    if e.get("legacyEncoding") and folded(p["phrases"][0]) in folded(layer):
                        failures.append(f"{e['file']} p{n}: text layer is readable Unicode, not legacy")
                    if not do_ocr or not e.get("legacyEncoding"):
                        continue
                else:
                    stamp = (e.get("textLayer") or {}).get(str(n), [])
                    rest = squash(layer)
                    for line in stamp:
                        if squash(line) not in rest:
                            failures.append(f"{e['file']} p{n}: stamp line {line!r} not in text layer")
                        rest = rest.replace(squash(line), "")
                    if rest.strip():
                        failures.append(f"{e['file']} p{n}: unexpected text layer {rest[:60]!r}")
                    imgs = [i for i in images if i and i[0] == str(n)]
                    if len(imgs) != 1 or imgs[0][8] != "jpeg" or imgs[0][12] != "300":
                        failures.append(f"{e['file']} p{n}: not one 300-dpi JPEG: {imgs}")
                if not do_ocr:
                    continue
                base = tmp / f"{f.stem}-{n}"
                run("pdftoppm", "-r", "300", "-gray", "-png", "-f", str(n), "-l", str(n), "-singlefile",
                    str(f), str(base))
                image = f"{base}.png"
            elif e["format"] == "tiff":
                if not do_ocr:
                    continue
                image = tmp / f"{f.stem}-{n}.png"
                from PIL import Image
                with Image.open(f) as tif:
                    tif.seek(n - 1)
                    tif.save(image)
            else:
                if not do_ocr:
                    continue
                image = f
            text = ocr(image)
            acc = 1 - cer(p["text"], text)
            hits_exact = sum(squash(ph) in squash(text) for ph in p["phrases"])
            hits_fold = sum(folded(ph) in folded(text) for ph in p["phrases"])
            accuracies.append((e["file"], n, acc))
            print(f"{e['file']:42} p{n} OCR char accuracy {acc:6.1%}  phrases exact {hits_exact}/"
                  f"{len(p['phrases'])} folded {hits_fold}/{len(p['phrases'])}")
    for line in failures:
        print("FAIL", line)
    if accuracies:
        mean = sum(a for _, _, a in accuracies) / len(accuracies)
        print(f"mean OCR character accuracy over {len(accuracies)} pages: {mean:.1%}")
    print("ok" if not failures else f"{len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
