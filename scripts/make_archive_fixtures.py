#!/usr/bin/env python3
"""Submissions uploaded as .zip, made at test time: python3 make_archive_fixtures.py SAMPLES_SUBMISSION DIR

good.zip      the sample submission in one top-level folder, one evidence file renamed 'Biên bản.pdf'
              with its name in Windows-1258 and no UTF-8 flag (as Vietnamese Windows zips it)
traversal.zip an entry '../evil.txt'
link.zip      a symbolic link entry
bomb.zip      20 MiB of zeros in one entry (about 1000:1)
many.zip      10,000 entries
fake.zip      not a ZIP at all
nested.zip    the submission at the root, with a .zip inside it left as a file
"""
import json, os, sys, zipfile

sample, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
manifest = json.load(open(os.path.join(sample, "submission.json"), encoding="utf-8"))
renamed = "Biên bản.pdf"
original = manifest["claims"][2]["evidence"][0]["file"]
manifest["claims"][2]["evidence"][0]["file"] = renamed
files = {e["file"] for c in manifest["claims"] for e in c["evidence"]} - {renamed}


def legacy(name):
    """The name's bytes in Windows-1258: 'ả' as 'a' + combining hook, 'ê' precomposed."""
    import unicodedata
    text = unicodedata.normalize("NFD", name).replace("e\u0302", "\u00ea")
    return text.encode("cp1258")


# zipfile writes any non-ASCII name as flagged UTF-8: write an ASCII placeholder of the same length
# and put the legacy bytes in its place afterwards (both headers; the offsets do not move).
legacy_name = legacy(renamed)
placeholder = b"#" * len(legacy_name)


with zipfile.ZipFile(os.path.join(out, "good.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("ho-so/submission.json", json.dumps(manifest, ensure_ascii=False))
    for name in sorted(files):
        z.write(os.path.join(sample, name), "ho-so/" + name)
    z.writestr("ho-so/" + placeholder.decode(), open(os.path.join(sample, original), "rb").read())
good = open(os.path.join(out, "good.zip"), "rb").read()
assert good.count(b"ho-so/" + placeholder) == 2
open(os.path.join(out, "good.zip"), "wb").write(good.replace(b"ho-so/" + placeholder, b"ho-so/" + legacy_name))

with zipfile.ZipFile(os.path.join(out, "traversal.zip"), "w") as z:
    z.writestr("submission.json", json.dumps(manifest, ensure_ascii=False))
    z.writestr("../evil.txt", "outside")

with zipfile.ZipFile(os.path.join(out, "link.zip"), "w") as z:
    z.writestr("submission.json", json.dumps(manifest, ensure_ascii=False))
    info = zipfile.ZipInfo("passwd.pdf")
    info.external_attr = (0o120777 << 16)
    info.create_system = 3
    z.writestr(info, "/etc/passwd")

with zipfile.ZipFile(os.path.join(out, "bomb.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("submission.json", json.dumps(manifest, ensure_ascii=False))
    z.writestr("zeros.pdf", bytes(20 << 20))

with zipfile.ZipFile(os.path.join(out, "many.zip"), "w") as z:
    for i in range(10000):
        z.writestr(f"f{i}.txt", "x")

open(os.path.join(out, "fake.zip"), "wb").write(b"%PDF-1.4 not a zip")

with zipfile.ZipFile(os.path.join(out, "nested.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("submission.json", json.dumps(manifest, ensure_ascii=False))
    for name in sorted(files):
        z.write(os.path.join(sample, name), name)
    z.write(os.path.join(out, "good.zip"), renamed)  # a ZIP where a PDF was promised
