#!/usr/bin/python3
"""Generates the benchmark corpus of `make bench` into DIR (never committed; ~100 MB).

    /usr/bin/python3 scripts/make_bench_corpus.py DIR [--pages 200] [--images 24]

DIR/scanned-200.pdf    a scanned PDF of --pages pages, one degraded 300-dpi greyscale JPEG per page
DIR/pages/page-NNN.jpg --images scanned page images (the same JPEGs as the PDF's first pages),
                       for the OCR throughput ratio against bare `tesseract` on the same images
DIR/born-digital/*.pdf born-digital PDFs (every sample document, plus one of 120 pages), for the
                       text-layer ratio against `pdftotext`
DIR/manifest.json      what was made, with page counts
Deterministic (fixed seed). The 200 pages cycle through 24 distinct scans, but every page has\nits own image object with its own bytes (a JPEG comment), so no reader can share one decode.
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from samplegen import content as C          # noqa: E402
from samplegen import layout as L           # noqa: E402
from samplegen import legacy                # noqa: E402
from samplegen import render as R           # noqa: E402

SEED = 20241028


def documents():
    return [
        C.kh_178(), C.qd_to_cong_tac("TRABONG", "1246/QĐ-UBND", (2024, 3, 15)), C.cv_2391(), C.tb_96(),
        C.bc_215(), C.bb_hop("TRABONG", "21/BB-UBND", (2024, 9, 18), extra_paras=2),
        C.kh_annual("TRABONG", "25/KH-UBND", (2024, 1, 22), "deputy"),
        C.kh_annual("SONTAY", "19/KH-UBND", (2024, 1, 25), "deputy"),
        C.kh_annual("SONHA", "58/KH-UBND", (2023, 3, 10), "head_tm", year=2023, topic="cds"),
        C.qd_thi_dua("SONTAY", "412/QĐ-UBND", (2024, 5, 6)), C.cv_605_sonha(),
        C.bb_hop("BATO", "03/BB-UBND", (2024, 5, 14)),
    ]


def tag_jpeg(data, label):
    """Adds a JPEG comment (COM segment) after SOI: the bytes differ, the picture does not."""
    text = label.encode()
    return data[:2] + b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text + data[2:]


def main(out, n_pages=200, n_images=24):
    out = Path(out)
    (out / "pages").mkdir(parents=True, exist_ok=True)
    (out / "born-digital").mkdir(parents=True, exist_ok=True)
    fonts = Path(tempfile.mkdtemp(prefix="evidenced-fonts-"))
    L.register_fonts(legacy.build_fonts(fonts))
    docs = documents()
    pages = [p for d in docs for p in L.layout(d) if p.ops]
    rng = np.random.default_rng(SEED)
    # Distinct scans: every laid-out page once, each with its own skew and noise.
    distinct = max(n_images, 24)
    jpegs = []
    for i in range(distinct):
        page = pages[i % len(pages)]
        angle = float(rng.uniform(-1.0, 1.0))
        img = R.degrade(R.draw_image(page, 300, rng), rng, angle=angle)
        jpegs.append(R.jpeg_bytes(img, 55))
        print(f"\rscanned page images: {i + 1}/{distinct}", end="", file=sys.stderr)
    print(file=sys.stderr)
    for i in range(n_images):
        (out / "pages" / f"page-{i + 1:03d}.jpg").write_bytes(jpegs[i])
    R.jpeg_pdf(out / f"scanned-{n_pages}.pdf",
               (tag_jpeg(jpegs[i % distinct], f"page {i + 1}") for i in range(n_pages)))
    born = []
    for i, d in enumerate(docs):
        name = out / "born-digital" / f"doc-{i + 1:02d}.pdf"
        c = R.new_canvas(name)
        for p in L.layout(d):
            R.draw_vector(c, p)
            c.showPage()
        c.save()
        born.append(name)
    big = out / "born-digital" / "doc-120-pages.pdf"
    first = born[0]
    subprocess.run(["qpdf", "--empty", "--pages", str(first), ",".join(["1-z"] * 40), "--", str(big)], check=True)
    manifest = {
        "scannedPdf": {"file": f"scanned-{n_pages}.pdf", "pages": n_pages, "dpi": 300},
        "pageImages": sorted(p.name for p in (out / "pages").glob("*.jpg")),
        "bornDigital": [{"file": p.name, "pages": int(next(
            l.split()[1] for l in subprocess.run(["pdfinfo", str(p)], capture_output=True, text=True).stdout
            .splitlines() if l.startswith("Pages:")))} for p in sorted((out / "born-digital").glob("*.pdf"))],
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    subprocess.run(["rm", "-rf", str(fonts)])


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    opts = {"--pages": 200, "--images": 24}
    rest = []
    i = 0
    while i < len(args):
        if args[i] in opts:
            opts[args[i]] = int(args[i + 1])
            i += 2
        else:
            rest.append(args[i])
            i += 1
    main(rest[0], opts["--pages"], opts["--images"])
