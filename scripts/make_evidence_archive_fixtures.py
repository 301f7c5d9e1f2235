#!/usr/bin/env python3
"""Evidence items given as .zip, made at test time: python3 make_evidence_archive_fixtures.py SAMPLES DIR

SAMPLES is samples/ (its submissions/trabong-huyen-2024 and born-digital files); DIR receives two
submission folders of Trà Bồng:

zipped/   every claim's evidence inside archives, all sound (expected: no flag):
          ke-hoach.zip  KH 25 and KH 40, the latter named 'Kế hoạch 40.pdf' in Windows-1258 without
                        the UTF-8 flag (as Vietnamese Windows zips it), inside a folder, with the
                        __MACOSX and Thumbs.db junk zipping tools add;
          bien-ban.zip  BB 08 and BB 21, both chaired by the Chủ tịch (1.2.2 counts each: 2 points);
          qd-1246.zip   the QĐ alone.
refused/  claim 0 a plain PDF (clean); the others archives that must be refused, each with its reason:
          link.zip (a symbolic link), nested.zip (only an archive inside), bomb.zip (20 MiB of zeros),
          traversal.zip ('../evil.pdf').
"""
import json, os, sys, unicodedata, zipfile

samples, out = sys.argv[1], sys.argv[2]
trabong = os.path.join(samples, "submissions", "trabong-huyen-2024")
manifest = json.load(open(os.path.join(trabong, "submission.json"), encoding="utf-8"))
STAMP = (2024, 12, 1, 8, 0, 0)


def read(path):
    return open(path, "rb").read()


def add(z, name, data, method=zipfile.ZIP_DEFLATED):
    info = zipfile.ZipInfo(name, STAMP)
    info.compress_type = method
    z.writestr(info, data)


def legacy(name):
    """The name's bytes in Windows-1258: 'ạ' as 'a' + combining dot below, 'ế' as 'ê' + acute."""
    text = unicodedata.normalize("NFD", name).replace("e\u0302", "\u00ea")
    return text.encode("cp1258")


def write_legacy(path, entries):
    """A ZIP whose names are raw bytes: zipfile would flag any non-ASCII name as UTF-8, so an ASCII
    placeholder of the same length is written and swapped for the bytes in both headers."""
    swaps = []
    with zipfile.ZipFile(path, "w") as z:
        for index, (raw, data) in enumerate(entries):
            placeholder = (f"~{index}~" + "#" * len(raw))[:len(raw)].encode()
            assert len(placeholder) == len(raw)
            add(z, placeholder.decode(), data)
            swaps.append((placeholder, raw))
    blob = read(path)
    for placeholder, raw in swaps:
        assert blob.count(placeholder) == 2, placeholder
        blob = blob.replace(placeholder, raw)
    open(path, "wb").write(blob)


def folder(name, claims, files):
    target = os.path.join(out, name)
    os.makedirs(target, exist_ok=True)
    for file_name, writer in files.items():
        writer(os.path.join(target, file_name))
    body = dict(manifest, claims=claims)
    json.dump(body, open(os.path.join(target, "submission.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=2)


kh25, kh40 = read(os.path.join(trabong, "kh-25-ung-dung-cntt-2024.pdf")), read(os.path.join(trabong, "kh-40-chuyen-doi-so-2024.pdf"))
bb08, bb21 = read(os.path.join(trabong, "bb-08-hop-cds.pdf")), read(os.path.join(trabong, "bb-21-hop-dti.pdf"))
qd1246 = read(os.path.join(samples, "born-digital-qd-1246.pdf"))


def ke_hoach(path):
    write_legacy(path, [
        (b"ke-hoach/kh-25-ung-dung-cntt-2024.pdf", kh25),
        (b"ke-hoach/" + legacy("Kế hoạch 40.pdf"), kh40),
        (b"__MACOSX/ke-hoach/._kh-25-ung-dung-cntt-2024.pdf", b"\x00\x05\x16\x07junk"),
        (b"ke-hoach/Thumbs.db", b"junk"),
    ])


def bien_ban(path):
    with zipfile.ZipFile(path, "w") as z:
        add(z, "bb-08-hop-cds.pdf", bb08)
        add(z, "bb-21-hop-dti.pdf", bb21)


def qd(path):
    with zipfile.ZipFile(path, "w") as z:
        add(z, "qd-1246-to-cong-tac-cds.pdf", qd1246)


folder("zipped", [
    {"indicator": "2.1.2", "score": 3, "evidence": [
        {"file": "ke-hoach.zip", "number": "25/KH-UBND", "date": "2024-01-22", "signer": "Võ Thị Ngọc Hà"}]},
    {"indicator": "2.3.1", "score": 1, "evidence": [
        {"file": "qd-1246.zip", "number": "1246/QĐ-UBND", "date": "2024-03-15", "signer": "Đinh Công Thạnh"}]},
    {"indicator": "1.2.2", "score": 2, "evidence": [{"file": "bien-ban.zip"}]},
    {"indicator": "1.3.1", "score": 5, "evidence": [
        {"file": "ke-hoach.zip", "number": "40/KH-UBND", "date": "2024-02-05"}]},
], {"ke-hoach.zip": ke_hoach, "bien-ban.zip": bien_ban, "qd-1246.zip": qd})


def link(path):
    with zipfile.ZipFile(path, "w") as z:
        info = zipfile.ZipInfo("qd-1246.pdf", STAMP)
        info.external_attr = (0o120777 << 16)
        info.create_system = 3
        z.writestr(info, "/etc/passwd")


def nested(path):
    inner = path + ".inner"
    bien_ban(inner)
    with zipfile.ZipFile(path, "w") as z:
        add(z, "bien-ban.zip", read(inner), zipfile.ZIP_STORED)
    os.remove(inner)


def bomb(path):
    with zipfile.ZipFile(path, "w") as z:
        add(z, "kh-40.pdf", bytes(20 << 20))


def traversal(path):
    with zipfile.ZipFile(path, "w") as z:
        add(z, "../evil.pdf", kh40)


folder("refused", [
    {"indicator": "2.1.2", "score": 3, "evidence": [
        {"file": "kh-25-ung-dung-cntt-2024.pdf", "number": "25/KH-UBND", "date": "2024-01-22"}]},
    {"indicator": "2.3.1", "score": 1, "evidence": [{"file": "link.zip", "number": "1246/QĐ-UBND"}]},
    {"indicator": "1.2.2", "score": 2, "evidence": [{"file": "nested.zip"}]},
    {"indicator": "1.3.1", "score": 5, "evidence": [{"file": "bomb.zip", "number": "40/KH-UBND"},
                                                  {"file": "traversal.zip", "number": "40/KH-UBND"}]},
], {"kh-25-ung-dung-cntt-2024.pdf": lambda p: open(p, "wb").write(kh25), "link.zip": link, "nested.zip": nested,
    "bomb.zip": bomb, "traversal.zip": traversal})
