#!/usr/bin/python3
"""Regenerates samples/ (evidence files, expected outputs, sample submissions) deterministically.

Run with Debian's python3 (python3-reportlab, python3-pil, python3-numpy, python3-fonttools):
    /usr/bin/python3 scripts/make_samples.py [OUT_DIR]      (default: samples/ of this repository)
"""
import json
import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from samplegen import content as C          # noqa: E402
from samplegen import layout as L           # noqa: E402
from samplegen import legacy                # noqa: E402
from samplegen import render as R           # noqa: E402
from samplegen.units import UNITS           # noqa: E402

SEED = 20241028
REPO = Path(__file__).resolve().parent.parent


def rng_for(name):
    """One fixed random stream per file, so changing one sample does not change the others."""
    return np.random.default_rng([SEED, sum(name.encode())])


# ---------------------------------------------------------------- writers

def write_pdf(path, pages, modes, rng, stamp=None, encode=None, title=None, quality=55, degrade=None):
    """modes[i]: 'text' draws page i as vector text, 'scan' as one degraded 300-dpi JPEG."""
    c = R.new_canvas(path, title=title)
    for i, (page, mode) in enumerate(zip(pages, modes)):
        if mode == "scan":
            img = R.degrade(R.draw_image(page, 300, rng), rng, **(degrade or {}))
            R.draw_jpeg(c, R.jpeg_bytes(img, quality))
        else:
            R.draw_vector(c, page, encode)
        if stamp and i == 0:
            R.draw_stamp(c, stamp)
        c.showPage()
    c.save()


def stamp_lines(signed_by, org, when):
    return [f"Ký bởi: {signed_by}", f"Cơ quan: {org}", f"Thời gian ký: {when}"]


def stamp_meta(signed_by, org, when):
    # '28.10.2024 08:15:02 +07:00' -> ISO 8601
    d, t, z = when.split()
    dd, mm, yy = d.split(".")
    return {"signedBy": signed_by, "organization": org, "time": f"{yy}-{mm}-{dd}T{t}{z}"}


def phrases(page, fields, first):
    """Key phrases of one page: short runs of words from distinctive lines of the ground truth."""
    out = []
    lines = [l for l in page.lines if l.strip()]
    if first:
        for l in lines:
            if l.startswith("Số:") or l.startswith("CỘNG HÒA") or l in C.TYPE_WORDS.values():
                out.append(l)
    body = [l for l in lines if len(l.split()) >= 6]
    for l in body[len(body) // 3: len(body) // 3 + 1] + body[-2:-1]:
        out.append(" ".join(l.split()[:5]))
    signer = (fields.get("signer") or {}).get("name")
    if signer and signer in lines:
        out.append(signer)
    seen = []
    for p in out:
        if p not in seen:
            seen.append(p)
    return seen


def expected(name, fmt, pages, sources, fields, signature=None, notes=None, extra=None):
    per_page = []
    for i, (page, src) in enumerate(zip(pages, sources)):
        entry = {"page": i + 1, "source": src, "phrases": phrases(page, fields, i == 0),
                 "text": page.text()}
        if not page.ops:
            # A blank page has no text layer: an extractor OCRs it (and finds nothing).
            entry.update(source="ocr", alsoAccept=["text"], blank=True)
        per_page.append(entry)
    e = {"file": name, "format": fmt, "pages": len(pages), "perPage": per_page,
         "digitalSignature": signature, "fields": fields, "signaturePage": signature_page(pages, fields)}
    if extra:
        e.update(extra)
    if notes:
        e["notes"] = notes
    return e


def signature_page(pages, fields):
    """1-based page holding the signature block (its title line), or None."""
    title = (fields.get("signer") or {}).get("title")
    if not title:
        return None
    found = [i + 1 for i, p in enumerate(pages) if title in p.lines]
    return found[-1] if found else None


def save_json(path, obj):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- legacy encoders for draw_vector

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def _typed_heading(text):
    """How a typist typed an upper-case heading in .VnTimeH (the font draws it upper-case)."""
    if text == NATIONAL:
        return "Cộng hoà xã hội chủ nghĩa Việt Nam"
    words = []
    for w in text.split(" "):
        if all(ord(ch) < 0x80 for ch in w):
            words.append(w)
            continue
        low = w.lower()
        first = low[:1].upper()
        words.append((first if (ord(first) < 0x80 or first in legacy.TCVN3) else low[:1]) + low[1:])
    return " ".join(words)


def tcvn3_encode(op):
    needs_heading = any(ch.isupper() and ord(ch) >= 0x80 and ch not in legacy.TCVN3 for ch in op.text)
    if needs_heading or op.text == NATIONAL:
        return "TVH", legacy.to_tcvn3(_typed_heading(op.text))
    font = {"R": "TV", "B": "TVB", "I": "TVI", "BI": "TVI"}[op.font]
    return font, legacy.to_tcvn3(op.text)


def vni_encode(op):
    font = {"R": "VN", "B": "VNB", "I": "VNI", "BI": "VNI"}[op.font]
    return font, legacy.to_vni(op.text)


# ---------------------------------------------------------------- the samples

def main(out):
    out = Path(out)
    keep = {out / "README.md", out / "apt-packages.txt", out / "submissions" / "README.md"}
    if out.exists():
        for p in sorted(out.rglob("*"), reverse=True):      # children before their folders
            # real/ holds real published documents, copied in, not generated.
            if p in keep or p.is_relative_to(out / "real") or (p.is_dir() and any(k.is_relative_to(p) for k in keep)):
                continue
            p.rmdir() if p.is_dir() else p.unlink()
    out.mkdir(parents=True, exist_ok=True)
    exp = out / "expected"
    fonts_dir = Path(tempfile.mkdtemp(prefix="evidenced-fonts-"))
    L.register_fonts(legacy.build_fonts(fonts_dir))
    made = {}    # file name -> document (for the submissions)

    def born_digital(name, d, trailing_blank_note=None):
        pages = L.layout(d)
        write_pdf(out / name, pages, ["text"] * len(pages), rng_for(name))
        srcs = ["text"] * len(pages)
        notes = trailing_blank_note
        save_json(exp / f"{name}.json", expected(name, "pdf", pages, srcs, d["fields"], notes=notes,
                                                 extra={"references": d.get("references", [])} if d.get("references") else None))
        made[name] = d
        return pages

    # 1. Born-digital plan, 3 pages, signed by a deputy (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH).
    born_digital("born-digital-kh-178.pdf", C.kh_178())

    # 2. Scanned decision, 2 pages: signature on page 1, the members' list (Phụ lục) on page 2.
    name = "scanned-qd-1246.pdf"
    d = C.qd_to_cong_tac("TRABONG", "1246/QĐ-UBND", (2024, 3, 15), style="head")
    pages = L.layout(d)
    write_pdf(out / name, pages, ["scan"] * len(pages), rng_for(name), degrade={"angle": 0.6})
    save_json(exp / f"{name}.json", expected(name, "pdf", pages, ["ocr"] * len(pages), d["fields"],
              notes="Image-only PDF: no text layer at all. The signature block is on page 1; page 2 is the "
                    "appendix 'Phụ lục' whose 'Kèm theo Quyết định số ...' line repeats the number and date."))
    made[name] = d

    # 3. Scan whose only text layer is the digital-signature stamp.
    name = "scanned-signed-cv-2391.pdf"
    d = C.cv_2391()
    pages = L.layout(d)
    st = ("Ủy ban nhân dân huyện Trà Bồng", "Tỉnh Quảng Ngãi", "28.10.2024 08:15:02 +07:00")
    write_pdf(out / name, pages, ["scan"] * len(pages), rng_for(name), stamp=stamp_lines(*st),
              degrade={"angle": -0.8})
    save_json(exp / f"{name}.json", expected(name, "pdf", pages, ["ocr"] * len(pages), d["fields"],
              signature=stamp_meta(*st),
              extra={"textLayer": {"1": stamp_lines(*st)}, "references": d["references"]},
              notes="The page's text layer holds only the stamp (top right): the page must be OCRed and the "
                    "stamp kept as digitalSignature. The stamp's time is the signing time, not the date."))
    made[name] = d

    # 4. Mixed: page 1 born-digital, page 2 a scan (the signed last page).
    name = "mixed-bb-21.pdf"
    d = C.bb_hop("TRABONG", "21/BB-UBND", (2024, 9, 18), topic="tiến độ tự đánh giá chỉ số chuyển đổi số năm 2024",
                 extra_paras=2)
    pages = L.layout(d)
    assert len(pages) == 2, len(pages)
    write_pdf(out / name, pages, ["text", "scan"], rng_for(name), degrade={"angle": 0.5})
    save_json(exp / f"{name}.json", expected(name, "pdf", pages, ["text", "ocr"], d["fields"],
              notes="Meeting minutes chaired by the head (Chủ tịch UBND huyện): 'Chủ trì cuộc họp' on page 1."))
    made[name] = d

    # 5. PNG: a photo-like capture of meeting minutes chaired by the Chủ tịch.
    name = "photo-bb-08.png"
    d = C.bb_hop("TRABONG", "08/BB-UBND", (2024, 4, 10), hour="8 giờ 00",
                 topic="triển khai Kế hoạch chuyển đổi số năm 2024")
    pages = L.layout(d)
    assert len(pages) == 1, len(pages)
    photo(pages[0], rng_for(name)).save(out / name, optimize=True)
    save_json(exp / f"{name}.json", expected(name, "png", pages, ["ocr"], d["fields"],
              notes="Photo-like: 200 dpi, perspective, uneven light, 16-colour palette."))
    made[name] = d
    born_digital("born-digital-bb-08.pdf", d)

    # 6. JPEG: a scanned report, signed by the head for the committee (TM. / CHỦ TỊCH).
    name = "scan-bc-215.jpg"
    d = C.bc_215()
    pages = L.layout(d)
    assert len(pages) == 1, len(pages)
    rng = rng_for(name)
    img = R.degrade(R.draw_image(pages[0], 300, rng), rng, angle=-0.9, noise=5.0)
    img.save(out / name, "JPEG", quality=50, optimize=True, dpi=(300, 300))
    save_json(exp / f"{name}.json", expected(name, "jpeg", pages, ["ocr"], d["fields"]))
    made[name] = d

    # 7. Multi-page TIFF (bilevel, CCITT G4, 300 dpi), a Thông báo signed TL. CHỦ TỊCH.
    name = "scan-tb-96.tif"
    d = C.tb_96()
    pages = L.layout(d)
    assert len(pages) == 2, len(pages)
    rng = rng_for(name)
    frames = [R.degrade(R.draw_image(p, 300, rng), rng, angle=0.4, noise=4.0, speckles=400)
              .point(lambda v: 255 if v > 150 else 0).convert("1") for p in pages]
    frames[0].save(out / name, save_all=True, append_images=frames[1:], compression="group4", dpi=(300, 300))
    save_json(exp / f"{name}.json", expected(name, "tiff", pages, ["ocr", "ocr"], d["fields"]))
    made[name] = d

    # 8. Legacy TCVN3 (.VnTime) text layer; 9. VNI-Times text layer.
    for name, d, enc, codec in (("legacy-tcvn3-qd-1385.pdf", C.qd_tcvn3(), tcvn3_encode, "TCVN3"),
                                ("legacy-vni-cv-415.pdf", C.cv_vni(), vni_encode, "VNI")):
        pages = L.layout(d)
        write_pdf(out / name, pages, ["text"] * len(pages), rng_for(name), encode=enc)
        raw = []
        for p in pages:
            raw.append([enc(op)[1] for op in p.ops if isinstance(op, L.Text)])
        probes = {"TCVN3": ["§éc lËp - Tù do - H¹nh phóc", "Céng hoµ x· héi chñ nghÜa ViÖt Nam", "§iÒu 1."],
                  "VNI": ["Ñoäc laäp - Töï do - Haïnh phuùc", "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM",
                          "Kính göûi"]}[codec]
        save_json(exp / f"{name}.json", expected(name, "pdf", pages, ["text"] * len(pages), d["fields"],
                  extra={"legacyEncoding": codec, "acceptedSources": ["text", "ocr"],
                         "rawTextLayerPhrases": probes},
                  notes=f"The text layer is {codec}: pdftotext gives the legacy bytes as Latin-1 "
                        f"(rawTextLayerPhrases). The glyphs show proper Vietnamese, so converting the layer "
                        f"and OCRing the page both give the Unicode text (phrases, compared folded)."))
        made[name] = d

    # 10. Plain UTF-8 text (already OCRed).
    name = "ocr-text-bc-312.txt"
    text, fields = C.bc_text_2023()
    (out / name).write_text(text, encoding="utf-8")
    save_json(exp / f"{name}.json", {
        "file": name, "format": "text", "pages": 1,
        "perPage": [{"page": 1, "source": "text", "phrases": [
            "Số: 312/BC-UBND", "BÁO CÁO", "Kết quả thực hiện chuyển đổi số huyện Trà Bồng năm 2023",
            "TM. ỦY BAN NHÂN DÂN", UNITS["TRABONG"]["chair"]], "text": text}],
        "digitalSignature": None, "fields": fields,
        "notes": "Plain text: one page, source text, the two header columns already run together on a line."})

    # 11. Issue 4's cases, born-digital.
    tb = UNITS["TRABONG"]
    born_digital("born-digital-kh-25-trailing-blank.pdf",
                 C.kh_annual("TRABONG", "25/KH-UBND", (2024, 1, 22), "deputy", trailing_blank=True),
                 "Signed by a deputy (KT.); the last page is blank: the signature block is not on the last page.")
    born_digital("born-digital-kh-40-head.pdf",
                 C.kh_annual("TRABONG", "40/KH-UBND", (2024, 2, 5), "head_tm", topic="cds"),
                 "Signed by the head for the committee: TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH (no KT.).")
    born_digital("born-digital-qd-1246.pdf", C.qd_to_cong_tac("TRABONG", "1246/QĐ-UBND", (2024, 3, 15)),
                 "Born-digital twin of scanned-qd-1246.pdf: signed by the Chủ tịch in person (no TM./KT.); "
                 "the signature is on page 1, page 2 is the appendix.")
    ba = "BATO"
    born_digital("draft-kh-bato-du-thao.pdf",
                 C.kh_annual(ba, "/KH-UBND", None, "deputy", topic="giaidoan", draft=True,
                             number_printed="Số:        /KH-UBND",
                             date_printed="Ba Tơ, ngày      tháng 01 năm 2024"),
                 "A draft: 'DỰ THẢO' box, number and day left blank, not signed yet (the name is typed).")
    born_digital("unsigned-kh-bato-27.pdf",
                 C.kh_annual(ba, "27/KH-UBND", (2024, 2, 26), "unsigned", topic="cds"),
                 "Unsigned: complete and dated, the signature block has its titles but no name and no signature.")
    born_digital("born-digital-kh-bato-12.pdf", C.kh_annual(ba, "12/KH-UBND", (2024, 1, 18), "deputy"))
    born_digital("born-digital-bb-bato-03.pdf", C.bb_hop(ba, "03/BB-UBND", (2024, 5, 14)))
    st_ = "SONTAY"
    born_digital("born-digital-qd-sontay-87.pdf", C.qd_to_cong_tac(st_, "87/QĐ-UBND", (2024, 2, 20), with_members=False))
    born_digital("born-digital-kh-sontay-19.pdf", C.kh_annual(st_, "19/KH-UBND", (2024, 1, 25), "deputy"))
    born_digital("born-digital-bb-sontay-05.pdf", C.bb_hop(st_, "05/BB-UBND", (2024, 6, 12)))
    born_digital("born-digital-qd-sontay-412.pdf", C.qd_thi_dua(st_, "412/QĐ-UBND", (2024, 5, 6)))
    sh = "SONHA"
    born_digital("born-digital-kh-sonha-31.pdf", C.kh_annual(sh, "31/KH-UBND", (2024, 2, 2), "deputy"))
    born_digital("born-digital-kh-sonha-58-2023.pdf",
                 C.kh_annual(sh, "58/KH-UBND", (2023, 3, 10), "head_tm", year=2023, topic="cds"))
    born_digital("born-digital-cv-sonha-605.pdf", C.cv_605_sonha())
    born_digital("born-digital-kh-sonha-phong-vhtt-07.pdf",
                 C.kh_annual(sh, "07/KH-VHTT", (2024, 3, 1), None, topic="giaidoan",
                             parent="UBND HUYỆN SƠN HÀ", issuer_lines=["PHÒNG VĂN HÓA VÀ THÔNG TIN"],
                             signature={"lines": ["TRƯỞNG PHÒNG"], "name": UNITS[sh]["culture_head"]},
                             recipients=["- UBND huyện (b/c);", "- Lưu: VT."]),
                 "Issued by a district office (parent line 'UBND HUYỆN SƠN HÀ'), not by the district committee.")

    submissions(out, made)
    shutil.rmtree(fonts_dir, ignore_errors=True)


def photo(page, rng):
    """A phone photo of a printed page: 200 dpi, slight perspective and rotation, uneven light."""
    img = R.draw_image(page, 200, rng, ink=30)
    w, h = img.size
    img = img.filter(ImageFilter.GaussianBlur(0.7))
    # Perspective: the top edge a little narrower than the bottom one.
    k = 0.018
    coeffs = find_coeffs([(0, 0), (w, 0), (w, h), (0, h)],
                         [(w * k, h * 0.01), (w * (1 - k * 0.6), 0), (w, h), (0, h * 0.995)])
    img = img.transform((w, h), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=200)
    img = img.rotate(1.2, resample=Image.BICUBIC, fillcolor=190)
    a = np.asarray(img, dtype=np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    light = 235 - 45 * (((xx - w * 0.35) / w) ** 2 + ((yy - h * 0.3) / h) ** 2)
    a = a / 255.0 * light
    grey = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
    # A warm tint, then a 16-colour palette: a photo's look at a PNG's size.
    rgb = Image.merge("RGB", (grey.point(lambda v: min(255, v + 8)), grey, grey.point(lambda v: max(0, v - 14))))
    return rgb.quantize(colors=16, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def find_coeffs(src, dst):
    m = []
    for (x, y), (X, Y) in zip(dst, src):
        m.append([x, y, 1, 0, 0, 0, -X * x, -X * y])
        m.append([0, 0, 0, x, y, 1, -Y * x, -Y * y])
    a = np.array(m, dtype=float)
    b = np.array(src, dtype=float).reshape(8)
    return np.linalg.solve(a, b).tolist()


# ---------------------------------------------------------------- issue 4: sample submissions

def submissions(out, made):
    root = out / "submissions"
    root.mkdir(exist_ok=True)

    def unit(key):
        u = UNITS[key]
        return {"code": u["code"], "name": u["issuer"], "level": "district"}

    def ev(file, sample=None, number=None, date=None, signer=None):
        e = {"file": file}
        if number:
            e["number"] = number
        if date:
            e["date"] = date
        if signer:
            e["signer"] = signer
        return e, sample

    def write(sid, ukey, claims, expect, tolerated=None, corrupt=()):
        folder = root / sid
        folder.mkdir(parents=True, exist_ok=True)
        out_claims = []
        for indicator, score, evidence in claims:
            items = []
            for e, sample in evidence:
                items.append(e)
                if sample:
                    shutil.copyfile(out / sample, folder / e["file"])
            out_claims.append({"indicator": indicator, "score": score, "evidence": items})
        for f in corrupt:
            # A PDF that starts right and then is garbage: unreadable.
            data = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            data += bytes(np.random.default_rng(SEED).integers(0, 256, 3000, dtype=np.uint8))
            (folder / f).write_bytes(data)
        sub = {"submission": sid, "unit": unit(ukey), "framework": "thanhhoa-dti-district-2021",
               "period": {"from": "2024-01-01", "to": "2024-12-31"}, "claims": out_claims}
        save_json(folder / "submission.json", sub)
        e = {"submission": sid, "claims": {str(i): r for i, r in enumerate(expect)}}
        if tolerated:
            e["tolerated"] = {str(k): v for k, v in tolerated.items()}
        save_json(folder / "expected.json", e)

    f = lambda n: made[n]["fields"]   # noqa: E731

    # Clean: every claim must stay clean, alone or checked in one batch with all the others.
    write("trabong-huyen-2024", "TRABONG", [
        ("2.1.2", 3, [ev("kh-25-ung-dung-cntt-2024.pdf", "born-digital-kh-25-trailing-blank.pdf",
                         "25/KH-UBND", "2024-01-22", UNITS["TRABONG"]["deputy"])]),
        ("2.3.1", 1, [ev("qd-1246-to-cong-tac-cds.pdf", "scanned-qd-1246.pdf", "1246/QĐ-UBND", "2024-03-15",
                         UNITS["TRABONG"]["chair"])]),
        ("1.2.2", 2, [ev("bb-08-hop-cds.pdf", "born-digital-bb-08.pdf", "08/BB-UBND", "2024-04-10"),
                      ev("bb-21-hop-dti.pdf", "mixed-bb-21.pdf", "21/BB-UBND", "2024-09-18")]),
        ("1.3.1", 5, [ev("kh-40-chuyen-doi-so-2024.pdf", "born-digital-kh-40-head.pdf", "40/KH-UBND",
                         "2024-02-05")]),
    ], [[], [], [], []])

    write("sontay-huyen-2024", "SONTAY", [
        ("1.1.1", 1, []),
        ("2.3.1", 2, [ev("qd-87-to-cong-tac.pdf", "born-digital-qd-sontay-87.pdf", "87/QĐ-UBND", "2024-02-20")]),
        ("2.1.1", 3, [ev("kh-giai-doan-2021-2025.pdf")]),
        ("1.3.1", 5, [ev("kh-chuyen-doi-so-2024.pdf")]),
        ("2.1.2", 3, [ev("kh-19-cntt-2024.pdf", "born-digital-kh-sontay-19.pdf", "91/KH-UBND", "2024-01-25")]),
        ("1.2.2", 3, [ev("bb-05-hop-cds.pdf", "born-digital-bb-sontay-05.pdf", "05/BB-UBND", "2024-06-12")]),
        ("1.2.4", 3, [ev("qd-412-thi-dua-cds.pdf", "born-digital-qd-sontay-412.pdf", "412/QĐ-UBND", "2024-05-06")]),
    ], [["no-evidence"], ["score-above-max"], ["file-missing"], ["unreadable"], ["number-mismatch"],
        ["insufficient-count"], ["duplicate-evidence"]],
        tolerated={6: ["off-topic"]}, corrupt=["kh-chuyen-doi-so-2024.pdf"])

    write("sonha-huyen-2024", "SONHA", [
        ("2.1.2", 3, [ev("kh-31-cntt-2024.pdf", "born-digital-kh-sonha-31.pdf", "31/KH-UBND", "2024-02-20")]),
        ("1.3.1", 5, [ev("kh-58-chuyen-doi-so-2023.pdf", "born-digital-kh-sonha-58-2023.pdf", "58/KH-UBND",
                         "2023-03-10")]),
        ("2.3.1", 1, [ev("cv-605-to-cong-tac.pdf", "born-digital-cv-sonha-605.pdf", "605/UBND-VHTT", "2024-04-08")]),
        ("2.1.1", 3, [ev("kh-07-phong-vhtt.pdf", "born-digital-kh-sonha-phong-vhtt-07.pdf", "07/KH-VHTT",
                         "2024-03-01")]),
        ("1.2.4", 3, [ev("qd-thi-dua-cds.pdf", "born-digital-qd-sontay-412.pdf")]),
    ], [["date-mismatch"], ["out-of-period"], ["wrong-type"], ["wrong-issuer"],
        ["duplicate-evidence"]],
        tolerated={2: ["off-topic"], 4: ["off-topic"]})

    write("bato-huyen-2024", "BATO", [
        ("2.1.2", 3, [ev("kh-12-cntt-2024.pdf", "born-digital-kh-bato-12.pdf", "12/KH-UBND", "2024-01-18",
                         UNITS["BATO"]["chair"])]),
        ("1.3.1", 5, [ev("kh-27-chuyen-doi-so-2024.pdf", "unsigned-kh-bato-27.pdf", "27/KH-UBND", "2024-02-26")]),
        ("2.1.1", 3, [ev("kh-giai-doan-du-thao.pdf", "draft-kh-bato-du-thao.pdf")]),
        ("1.2.2", 1, [ev("bb-03-hop-cds.pdf", "born-digital-bb-bato-03.pdf", "03/BB-UBND", "2024-05-14")]),
    ], [["signer-mismatch"], ["unsigned"], ["draft"], []],
        tolerated={2: ["unsigned", "needs-review"]})


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else REPO / "samples")
