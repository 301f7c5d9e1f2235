#!/usr/bin/python3
"""The verdicts corpus (issue 11): twelve more sample submissions written the way districts write
them (minutes with two signature blocks, deputies chairing, bodies of the unit, blank and noisy
scans, hand-filled numbers on real scans), each with the flags it must get (expected.json).

    /usr/bin/python3 scripts/make_verdict_samples.py [OUT_DIR]   (default: samples/submissions)

Deterministic; leaves the four issue-4 submissions and samples/ alone (it only reads samples/real).
"""
import io
import json
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from samplegen import content as C          # noqa: E402
from samplegen import layout as L           # noqa: E402
from samplegen import legacy                # noqa: E402
from samplegen import render as R           # noqa: E402
from samplegen.units import UNITS           # noqa: E402
from make_samples import write_pdf, save_json, rng_for, SEED, REPO   # noqa: E402

MINE = ["nghiahanh-huyen-2024", "moduc-huyen-2024", "binhson-huyen-2024", "sontinh-huyen-2024",
        "tunghia-huyen-2024", "minhlong-huyen-2024", "lyson-huyen-2024", "ducpho-thixa-2024",
        "quangngai-tinh-2025", "quangngai-tinh-2025-bo-sung", "bato-huyen-2024-bo-sung", "minhlong-huyen-2024-bo-sung",
        "ducpho-thixa-2024-bo-sung"]


def bb(unit, number, date, deputy=False, topic="công tác chuyển đổi số năm 2024"):
    """Minutes with two blocks (THƯ KÝ | CHỦ TRÌ); chaired by the Chủ tịch or by a Phó Chủ tịch."""
    d = C.bb_hop(unit, number, date, topic=topic)
    if deputy:
        u = UNITS[unit]
        d["body"] = [b.replace(f"Ông {u['chair']} - Chủ tịch UBND", f"Ông {u['deputy']} - Phó Chủ tịch UBND")
                     .replace(f"Chủ tịch UBND huyện {u['chair']} kết luận", f"Phó Chủ tịch UBND huyện {u['deputy']} kết luận")
                     if isinstance(b, str) else b for b in d["body"]]
        d["signature"] = dict(d["signature"], name=u["deputy"])
        d["fields"]["signer"]["name"] = u["deputy"]
    return d


def reissue(d, issuer_lines, parent=None, signature=None):
    """The same document under another header (a body of the unit, another unit)."""
    d["issuer_lines"] = issuer_lines
    d["parent"] = parent
    d["fields"]["issuer"] = " ".join(issuer_lines)
    d["fields"]["parent"] = parent
    if signature:
        d["signature"] = signature
        d["fields"]["signer"] = C.signer_fields(signature)
    return d


def pdf(path, d):
    write_pdf(path, L.layout(d), ["text"] * len(L.layout(d)), rng_for(path.name))


def image_pdf(path, image):
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=60)
    R.jpeg_pdf(path, [buf.getvalue()])


def blank_scan(path):
    """A scanned blank page: paper grey, a little noise, nothing printed."""
    rng = np.random.default_rng([SEED, 11])
    a = np.clip(rng.normal(236, 3, (3508, 2480)), 0, 255).astype(np.uint8)
    image_pdf(path, Image.fromarray(a, "L"))


def noise_scan(path):
    """A page of noise: speckles and smudges, no text."""
    rng = np.random.default_rng([SEED, 12])
    a = np.clip(rng.normal(225, 10, (3508, 2480)), 0, 255).astype(np.uint8)
    for _ in range(5000):
        y, x = rng.integers(0, 3500), rng.integers(0, 2470)
        a[y:y + rng.integers(2, 9), x:x + rng.integers(2, 9)] = rng.integers(0, 90)
    image_pdf(path, Image.fromarray(a, "L"))


def textless_pdf(path):
    """A born-digital page with a drawing and no text at all."""
    c = R.new_canvas(path)
    c.rect(100, 300, 395, 300)
    c.line(100, 300, 495, 600)
    c.showPage()
    c.save()


def main(root):
    root = Path(root)
    fonts_dir = Path(tempfile.mkdtemp(prefix="evidenced-fonts-"))
    L.register_fonts(legacy.build_fonts(fonts_dir))
    for sid in MINE:
        shutil.rmtree(root / sid, ignore_errors=True)

    def write(sid, ukey, claims, expect, tolerated=None, period=("2024-01-01", "2024-12-31"),
              framework="thanhhoa-dti-district-2021", level="district", bodies=None, unit=None):
        folder = root / sid
        folder.mkdir(parents=True, exist_ok=True)
        out_claims = []
        for indicator, score, evidence in claims:
            items = []
            for file, make, declared in evidence:
                items.append({"file": file, **declared})
                if make is not None and not (folder / file).exists():
                    make(folder / file)
            out_claims.append({"indicator": indicator, "score": score, "evidence": items})
        u = unit or {"code": UNITS[ukey]["code"], "name": UNITS[ukey]["issuer"], "level": level}
        if bodies:
            u["bodies"] = bodies
        save_json(folder / "submission.json", {"submission": sid, "unit": u, "framework": framework,
                                              "period": {"from": period[0], "to": period[1]}, "claims": out_claims})
        e = {"submission": sid, "claims": {str(i): r for i, r in enumerate(expect)}}
        if tolerated:
            e["tolerated"] = {str(k): v for k, v in tolerated.items()}
        save_json(folder / "expected.json", e)

    def doc(d):
        return lambda path: pdf(path, d)

    def copy(src):
        return lambda path: shutil.copyfile(src, path)

    def ev(file, make, number=None, date=None, signer=None):
        declared = {k: v for k, v in (("number", number), ("date", date), ("signer", signer)) if v}
        return (file, make, declared)

    # Nghĩa Hành: minutes of the chairman and of a deputy (table reading: 2 + 1), a plan of the
    # district's steering committee (parent line), a wrong declared number.
    nh = "NGHIAHANH"
    u = UNITS[nh]
    write("nghiahanh-huyen-2024", nh, [
        ("1.2.2", 3, [ev("bb-11-hop-cds.pdf", doc(bb(nh, "11/BB-UBND", (2024, 3, 19))), "11/BB-UBND", "2024-03-19", u["chair"]),
                      ev("bb-14-hop-cds-pct.pdf", doc(bb(nh, "14/BB-UBND", (2024, 8, 7), deputy=True)), "14/BB-UBND", "2024-08-07", u["deputy"])]),
        ("2.1.2", 3, [ev("kh-20-cntt-2024.pdf", doc(C.kh_annual(nh, "20/KH-UBND", (2024, 1, 30), "deputy")), "20/KH-UBND", "2024-01-30", u["deputy"])]),
        ("1.3.1", 5, [ev("kh-05-bcd-cds-2024.pdf", doc(C.kh_annual(
            nh, "05/KH-BCĐ", (2024, 2, 27), None, topic="cds", parent="UBND HUYỆN NGHĨA HÀNH",
            issuer_lines=["BAN CHỈ ĐẠO", "CHUYỂN ĐỔI SỐ"],
            signature={"lines": ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"], "name": u["deputy"]},
            recipients=["- Thành viên BCĐ;", "- Lưu: VT."])), "05/KH-BCĐ", "2024-02-27")]),
        ("2.3.1", 1, [ev("qd-150-to-cong-tac.pdf", doc(C.qd_to_cong_tac(nh, "150/QĐ-UBND", (2024, 3, 4), with_members=False)),
                         "105/QĐ-UBND", "2024-03-04")]),
    ], [[], [], [], ["number-mismatch"]])

    # Mộ Đức: one chairman's minutes for 2 points (the table's reading), a deputy's directive
    # where the head must sign, its decision also given by Tư Nghĩa (one document cannot prove two
    # units: both sides are flagged), a plan of the next year.
    md = "MODUC"
    u = UNITS[md]
    qd_md = C.qd_to_cong_tac(md, "233/QĐ-UBND", (2024, 4, 2), with_members=False)
    write("moduc-huyen-2024", md, [
        ("1.2.2", 2, [ev("bb-09-hop-cds.pdf", doc(bb(md, "09/BB-UBND", (2024, 6, 20))), "09/BB-UBND", "2024-06-20")]),
        ("1.2.1", 3, [ev("kh-33-cds-2024.pdf", doc(C.kh_annual(md, "33/KH-UBND", (2024, 3, 8), "deputy", topic="cds")), "33/KH-UBND", "2024-03-08")]),
        ("2.2.1", 3, [ev("qd-233-to-cong-tac.pdf", doc(qd_md), "233/QĐ-UBND", "2024-04-02")]),
        ("2.1.2", 3, [ev("kh-02-cntt-2025.pdf", doc(C.kh_annual(md, "02/KH-UBND", (2025, 1, 8), "deputy", year=2025)), "02/KH-UBND", "2025-01-08")]),
    ], [[], ["signer-not-head"], ["duplicate-evidence"], ["out-of-period"]])

    # Bình Sơn: a deputy's meeting for 1 point, a blank scanned page, a wrong declared day, a
    # decision of the district's emulation council (its own name carries the district).
    bs = "BINHSON"
    u = UNITS[bs]
    qd_hd = reissue(C.qd_thi_dua(bs, "07/QĐ-HĐTĐKT", (2024, 5, 22)), ["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "HUYỆN BÌNH SƠN"])
    write("binhson-huyen-2024", bs, [
        ("1.2.2", 1, [ev("bb-17-hop-cds-pct.pdf", doc(bb(bs, "17/BB-UBND", (2024, 7, 11), deputy=True)), "17/BB-UBND", "2024-07-11")]),
        ("1.3.1", 5, [ev("kh-chuyen-doi-so-2024-scan.pdf", blank_scan)]),
        ("2.1.2", 3, [ev("kh-41-cntt-2024.pdf", doc(C.kh_annual(bs, "41/KH-UBND", (2024, 3, 21), "deputy")), "41/KH-UBND", "2024-03-12")]),
        ("1.2.4", 3, [ev("qd-07-hd-thi-dua.pdf", doc(qd_hd), "07/QĐ-HĐTĐKT", "2024-05-22")]),
    ], [[], ["unreadable"], ["date-mismatch"], []], tolerated={3: ["off-topic"]})

    # Sơn Tịnh: a page of noise, a draft, one chairman's minutes for 3 points, a clean decision.
    st = "SONTINH"
    u = UNITS[st]
    write("sontinh-huyen-2024", st, [
        ("2.1.2", 3, [ev("kh-cntt-2024-scan.pdf", noise_scan)]),
        ("1.3.1", 5, [ev("kh-cds-du-thao.pdf", doc(C.kh_annual(st, "/KH-UBND", None, "deputy", topic="cds", draft=True,
                                                              number_printed="Số:        /KH-UBND",
                                                              date_printed="Sơn Tịnh, ngày      tháng 3 năm 2024")))]),
        ("1.2.2", 3, [ev("bb-21-hop-cds.pdf", doc(bb(st, "21/BB-UBND", (2024, 10, 3))), "21/BB-UBND", "2024-10-03")]),
        ("2.3.1", 1, [ev("qd-88-to-cong-tac.pdf", doc(C.qd_to_cong_tac(st, "88/QĐ-UBND", (2024, 2, 14), with_members=False)),
                         "88/QĐ-UBND", "2024-02-14", u["chair"])]),
    ], [["unreadable"], ["draft"], ["insufficient-count"], []])

    # Tư Nghĩa: Mộ Đức's decision as its own (a duplicate, not also wrong-issuer), another
    # signer declared, an unsigned plan, a clean multi-year plan.
    tn = "TUNGHIA"
    u = UNITS[tn]
    write("tunghia-huyen-2024", tn, [
        ("2.3.1", 1, [ev("qd-to-cong-tac-cds.pdf", doc(qd_md))]),
        ("2.1.2", 3, [ev("kh-15-cntt-2024.pdf", doc(C.kh_annual(tn, "15/KH-UBND", (2024, 1, 26), "head_tm")), "15/KH-UBND", "2024-01-26", "Nguyễn Văn Hùng")]),
        ("1.3.1", 5, [ev("kh-29-cds-2024.pdf", doc(C.kh_annual(tn, "29/KH-UBND", (2024, 2, 29), "unsigned", topic="cds")), "29/KH-UBND", "2024-02-29")]),
        ("2.1.1", 3, [ev("kh-12-giai-doan.pdf", doc(C.kh_annual(tn, "12/KH-UBND", (2024, 1, 15), "head_tm", topic="giaidoan")), "12/KH-UBND", "2024-01-15")]),
    ], [["duplicate-evidence"], ["signer-mismatch"], ["unsigned"], []], tolerated={0: ["off-topic"]})

    # Minh Long: no evidence, a score above the maximum, a missing file, chairman's minutes.
    ml = "MINHLONG"
    u = UNITS[ml]
    write("minhlong-huyen-2024", ml, [
        ("1.1.1", 1, []),
        ("2.3.1", 2, [ev("qd-61-to-cong-tac.pdf", doc(C.qd_to_cong_tac(ml, "61/QĐ-UBND", (2024, 1, 29), with_members=False)), "61/QĐ-UBND", "2024-01-29")]),
        ("2.1.2", 3, [ev("kh-cntt-2024.pdf", None)]),
        ("1.2.2", 2, [ev("bb-06-hop-cds.pdf", doc(bb(ml, "06/BB-UBND", (2024, 4, 25))), "06/BB-UBND", "2024-04-25", u["chair"])]),
    ], [["no-evidence"], ["score-above-max"], ["file-missing"], []])

    # Lý Sơn: a công văn of the province's department where a decision is needed (wrong type,
    # not also wrong issuer), a clean emulation decision, a file without text, a plan of the
    # district's culture office which the submission names as one of its bodies.
    ly = "LYSON"
    u = UNITS[ly]
    cv_so = C.cv(ly, "412/STTTT-BCVT", (2024, 4, 16), ["V/v kiện toàn Tổ công tác", "chuyển đổi số cấp huyện"],
                 "V/v kiện toàn Tổ công tác chuyển đổi số cấp huyện", "UBND các huyện, thị xã",
                 ["Sở Thông tin và Truyền thông đề nghị UBND các huyện, thị xã kiện toàn Tổ công tác chuyển đổi số "
                  "cấp huyện, gửi danh sách thành viên về Sở trước ngày 30/4/2024./."], style="kt_only")
    reissue(cv_so, ["UBND TỈNH QUẢNG NGÃI", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"])
    cv_so["place"] = cv_so["fields"]["place"] = "Quảng Ngãi"
    write("lyson-huyen-2024", ly, [
        ("2.3.1", 1, [ev("cv-412-stttt.pdf", doc(cv_so), "412/STTTT-BCVT", "2024-04-16")]),
        ("1.2.4", 3, [ev("qd-77-thi-dua-cds.pdf", doc(C.qd_thi_dua(ly, "77/QĐ-UBND", (2024, 5, 9))), "77/QĐ-UBND", "2024-05-09")]),
        ("2.1.2", 3, [ev("kh-cntt-2024.pdf", textless_pdf)]),
        ("1.3.1", 5, [ev("kh-09-phong-vhtt.pdf", doc(C.kh_annual(
            ly, "09/KH-VHTT", (2024, 2, 19), None, topic="cds", parent="UBND HUYỆN LÝ SƠN",
            issuer_lines=["PHÒNG VĂN HÓA VÀ THÔNG TIN"],
            signature={"lines": ["TRƯỞNG PHÒNG"], "name": u["culture_head"]},
            recipients=["- UBND huyện (b/c);", "- Lưu: VT."])), "09/KH-VHTT", "2024-02-19")]),
    ], [["wrong-type"], [], ["unreadable"], []], tolerated={0: ["off-topic"], 1: ["off-topic"]},
        bodies=["PHÒNG VĂN HÓA VÀ THÔNG TIN"])

    # Đức Phổ (a town): a clean plan, minutes of which one is dated 2023 (out of period, and the
    # count is short only because of it), a decision of another district, the chairman's plan.
    dp = "DUCPHO"
    u = UNITS[dp]
    qd_other = C.qd_to_cong_tac(nh, "318/QĐ-UBND", (2024, 6, 3), with_members=False)
    write("ducpho-thixa-2024", dp, [
        ("2.1.2", 3, [ev("kh-18-cntt-2024.pdf", doc(C.kh_annual(dp, "18/KH-UBND", (2024, 1, 24), "deputy")), "18/KH-UBND", "2024-01-24")]),
        ("1.2.2", 3, [ev("bb-25-hop-cds.pdf", doc(bb(dp, "25/BB-UBND", (2024, 9, 12))), "25/BB-UBND", "2024-09-12"),
                      ev("bb-31-hop-cds-pct.pdf", doc(bb(dp, "31/BB-UBND", (2023, 11, 28), deputy=True, topic="công tác chuyển đổi số năm 2023")),
                         "31/BB-UBND", "2023-11-28")]),
        ("2.3.1", 1, [ev("qd-318-to-cong-tac.pdf", doc(qd_other), "318/QĐ-UBND", "2024-06-03")]),
        ("1.2.1", 3, [ev("kh-44-cds-2024.pdf", doc(C.kh_annual(dp, "44/KH-UBND", (2024, 3, 27), "head_tm", topic="cds")), "44/KH-UBND", "2024-03-27")]),
    ], [[], ["out-of-period"], ["wrong-issuer"], []])

    # The province: real scans whose number and day are written by hand (the printed symbol,
    # month and year are compared; figures read by hand confirm what they equal, the rest is left
    # to the appraiser: the '24' and barred '07' of the tờ trình are; the công văn's '575' and '04'
    # are read), a born-digital
    # notice whose number and day were typed into the blanks by the signing software (dated
    # 06/11/2024: out of the 2025 period, and not a draft).
    real = REPO / "samples" / "real"
    province = dict(period=("2025-01-01", "2025-12-31"), framework="example-province-2025",
                    unit={"code": "T-QUANGNGAI", "name": "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "level": "province"})
    ttr = real / "1eef26c429d02529224f860909217a8ef0d57c44.pdf"
    cv575 = real / "7b3d726facfb0a9e1bdcba20614682dde7fe5c29.pdf"
    tb542 = real / "1f1e483595abc932a07fa369ecc26d2a2fe9e739.pdf"
    write("quangngai-tinh-2025", None, [
        ("1.1", 2, [ev("ttr-24-mien-nhiem.pdf", copy(ttr), "24/TTr-UBND", "2025-02-07")]),
        ("1.2", 2, [ev("cv-575-gop-y.pdf", copy(cv575), "575/UBND-KTTH", "2025-02-04")]),
        ("1.3", 2, [ev("ttr-24-mien-nhiem.pdf", copy(ttr), "24/QĐ-UBND")]),
        ("1.3", 2, [ev("cv-575-gop-y.pdf", copy(cv575), None, "2025-03-04")]),
        ("1.2", 2, [ev("tb-542.pdf", copy(tb542))]),
    ], [["needs-review"], [], ["number-mismatch"], ["date-mismatch"], ["out-of-period"]],
        tolerated={1: ["signer-not-head"]}, **province)

    # The province, supplementary: every other real scan of ../shared/real that the province's
    # People's Committee issued in 2025, each declared as the unit declares it (number and date,
    # the truth). With the two above, the real-scan sample holds six clean claims: the measure of
    # how often a clean claim backed by a real scan is left to a person (issue 22).
    qd89 = real / "266b230eeca98483fbf4a5f13132bd43ac16a998.pdf"
    ttr09 = real / "66c9346504c8733b61340f4ed9f6d73fa28c5e36.pdf"
    bc23 = real / "a14f93b054ad0da0d038b80b32b4474fc94ba426.pdf"
    qd15 = real / "db1406c68d74c070b4a1b3f30bcea5043b0ef4ab.pdf"
    write("quangngai-tinh-2025-bo-sung", None, [
        ("1.3", 2, [ev("qd-89-bo-nhiem.pdf", copy(qd89), "89/QĐ-UBND", "2025-01-16")]),
        ("1.1", 2, [ev("ttr-09-bai-bo-nghi-quyet.pdf", copy(ttr09), "09/TTr-UBND", "2025-01-20")]),
        ("1.3", 2, [ev("bc-23-cai-cach-tthc.pdf", copy(bc23), "23/BC-UBND", "2025-01-23")]),
        ("1.3", 2, [ev("qd-15-xu-phat.pdf", copy(qd15), "15/QĐ-XPHC", "2025-02-05")]),
        # Declared one figure off: what was read by hand confirms only the value written, and a
        # reading by hand never accuses, so these are left to a person with the blank's place.
        ("1.3", 2, [ev("qd-89-bo-nhiem.pdf", None, "88/QĐ-UBND", "2025-01-16")]),
        ("1.1", 2, [ev("ttr-09-bai-bo-nghi-quyet.pdf", None, "09/TTr-UBND", "2025-01-21")]),
    ], [[], [], [], [], ["needs-review"], ["needs-review"]], **province)

    # Ba Tơ, supplementary: the chairman's and a deputy's minutes for 3, one decision for 2.2.1,
    # minutes where a directive is needed.
    ba = "BATO"
    write("bato-huyen-2024-bo-sung", ba, [
        ("1.2.2", 3, [ev("bb-03-hop-cds.pdf", copy(REPO / "samples" / "born-digital-bb-bato-03.pdf"), "03/BB-UBND", "2024-05-14"),
                      ev("bb-19-hop-cds-pct.pdf", doc(bb(ba, "19/BB-UBND", (2024, 10, 22), deputy=True)), "19/BB-UBND", "2024-10-22")]),
        ("2.2.1", 1, [ev("qd-140-to-cong-tac.pdf", doc(C.qd_to_cong_tac(ba, "140/QĐ-UBND", (2024, 3, 5), with_members=False)), "140/QĐ-UBND")]),
        ("1.2.1", 3, [ev("bb-03-hop-cds.pdf", None)]),
    ], [[], [], ["wrong-type"]])

    # Minh Long, supplementary: the same plan attached twice (counts once, no flag), a deputy's
    # minutes for the 1.2.2.b row, the chairman's minutes for 1.2.2.a.
    write("minhlong-huyen-2024-bo-sung", ml, [
        ("2.1.2", 3, [ev("kh-23-cntt-2024.pdf", doc(C.kh_annual(ml, "23/KH-UBND", (2024, 2, 1), "deputy")), "23/KH-UBND", "2024-02-01"),
                      ev("kh-23-cntt-2024-ban-sao.pdf", doc(C.kh_annual(ml, "23/KH-UBND", (2024, 2, 1), "deputy")))]),
        ("1.2.2.b", 1, [ev("bb-12-hop-cds-pct.pdf", doc(bb(ml, "12/BB-UBND", (2024, 7, 30), deputy=True)), "12/BB-UBND", "2024-07-30")]),
        ("1.2.2.a", 2, [ev("bb-06-hop-cds.pdf", doc(bb(ml, "06/BB-UBND", (2024, 4, 25))), "06/BB-UBND", "2024-04-25")]),
    ], [[], [], []])

    # Đức Phổ, supplementary: a deputy's minutes declared with the deputy's name, a minutes for 1.2.2.a
    # chaired by a deputy (not the head), 2.2.1 with two decisions for 3 points (operator's count).
    write("ducpho-thixa-2024-bo-sung", dp, [
        ("1.2.2", 1, [ev("bb-27-hop-cds-pct.pdf", doc(bb(dp, "27/BB-UBND", (2024, 10, 9), deputy=True)), "27/BB-UBND", "2024-10-09", u["deputy"])]),
        ("1.2.2.a", 2, [ev("bb-27-hop-cds-pct.pdf", None)]),
        ("2.2.1", 3, [ev("qd-52-to-cong-tac.pdf", doc(C.qd_to_cong_tac(dp, "52/QĐ-UBND", (2024, 2, 8), with_members=False))),
                      ev("qd-90-thi-dua.pdf", doc(C.qd_thi_dua(dp, "90/QĐ-UBND", (2024, 5, 30))))]),
    ], [[], ["signer-not-head"], ["needs-review"]], tolerated={2: ["off-topic"]})

    shutil.rmtree(fonts_dir, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else REPO / "samples" / "submissions")
