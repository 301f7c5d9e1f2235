#!/usr/bin/env python3
"""A submission folder as the most packed upload: python3 make_zipped_upload.py SUBMISSION_DIR OUT.zip

Every evidence file is zipped alone into FILE.zip (the manifest lists the .zip as the item), and
the folder with its manifest is zipped into OUT.zip: the daemon unpacks the upload, sniffs each
item, unpacks each item's archive and reads the same documents, matched the same way (one file per
archive). `make bench` compares it with the plain folder.
"""
import io, json, os, sys, zipfile

source, out = sys.argv[1], sys.argv[2]
manifest = json.load(open(os.path.join(source, "submission.json"), encoding="utf-8"))
name = os.path.basename(os.path.normpath(source))
packed = {}
for claim in manifest["claims"]:
    for item in claim["evidence"]:
        path = os.path.join(source, item["file"])
        if os.path.isfile(path) and item["file"] not in packed:
            inner = io.BytesIO()
            with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
                z.write(path, os.path.basename(item["file"]))
            packed[item["file"]] = inner.getvalue()
        if item["file"] in packed:
            item["file"] += ".zip"
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(f"{name}/submission.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    for file, data in packed.items():
        z.writestr(f"{name}/{file}.zip", data)
