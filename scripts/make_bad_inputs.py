#!/usr/bin/python3
"""Writes the bad-input cases of issue 2 into DIR, fast (about a second), for tests to run over.

    /usr/bin/python3 scripts/make_bad_inputs.py DIR

DIR/manifest.json maps each file to the outcome extraction must give: an error code of
ExtractionFailure.Code, or "ok:<format>" for a good file whose extension lies.
"""
import io
import json
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

from PIL import Image
from reportlab.pdfgen import canvas

SEED = 20241028


def tiny_pdf(path, pages=1, size=(144, 144)):
    c = canvas.Canvas(str(path), pagesize=size, invariant=1)
    for i in range(pages):
        c.setFont("Times-Roman", 10)
        c.drawString(10, 60, f"Trang {i + 1}")
        c.showPage()
    c.save()


def huge_png(path, width=30000, height=30000):
    """A blank 8-bit greyscale PNG of width x height: 900 MB decoded, about 1 MB on disk.

    Compressing 900 MB takes seconds, so one block of rows is deflated once, ending with a full
    flush (which resets the compressor), and those bytes are repeated; the zlib wrapper and its
    Adler-32 are written by hand."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    row = b"\x00" + b"\xff" * width            # filter byte 0, then white pixels
    rows_per_block = 500
    assert height % rows_per_block == 0
    block = row * rows_per_block
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    deflated = raw.compress(block) + raw.flush(zlib.Z_FULL_FLUSH)
    adler = 1
    for _ in range(height // rows_per_block):
        adler = zlib.adler32(block, adler)
    idat = b"\x78\xda" + deflated * (height // rows_per_block) + b"\x03\x00" + struct.pack(">I", adler)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)))
        f.write(chunk(b"IDAT", idat))
        f.write(chunk(b"IEND", b""))


def main(out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rnd = __import__("random").Random(SEED)
    manifest = {}

    (out / "empty.pdf").write_bytes(b"")
    manifest["empty.pdf"] = "empty-file"

    good = out / "good-tiny.pdf"
    tiny_pdf(good, pages=3, size=(595, 842))
    manifest["good-tiny.pdf"] = "ok:pdf"
    data = good.read_bytes()
    (out / "truncated.pdf").write_bytes(data[: len(data) // 5])
    manifest["truncated.pdf"] = "corrupt-pdf"

    (out / "corrupt.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(rnd.getrandbits(8) for _ in range(20000)))
    manifest["corrupt.pdf"] = "corrupt-pdf"

    subprocess.run(["qpdf", "--encrypt", "secret-user", "secret-owner", "256", "--", str(good),
                    str(out / "encrypted.pdf")], check=True)
    manifest["encrypted.pdf"] = "encrypted-pdf"

    one = out / ".one-page.pdf"
    tiny_pdf(one, pages=1, size=(72, 72))
    subprocess.run(["qpdf", "--empty", "--pages", str(one), ",".join(["1"] * 2000), "--",
                    str(out / "pages-2000.pdf")], check=True)
    one.unlink()
    manifest["pages-2000.pdf"] = "too-many-pages"

    huge_png(out / "huge-30000x30000.png")
    manifest["huge-30000x30000.png"] = "image-too-large"

    (out / "random-bytes.pdf").write_bytes(bytes(rnd.getrandbits(8) for _ in range(4096)))
    manifest["random-bytes.pdf"] = "unsupported-format"
    elf = Path("/bin/true")
    shutil.copyfile(elf, out / "program.jpg")
    manifest["program.jpg"] = "unsupported-format"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("bien-ban.txt", (2024, 4, 10, 8, 0, 0)), "Biên bản họp")
    (out / "archive.zip").write_bytes(buf.getvalue())
    manifest["archive.zip"] = "unsupported-format"
    (out / "latin1.txt").write_bytes("Bi\xean b\xe1n h\xf4p \xff\xfe".encode("latin-1"))
    manifest["latin1.txt"] = "invalid-text"

    img = Image.new("L", (600, 200), 255)
    from PIL import ImageDraw, ImageFont
    ImageDraw.Draw(img).text((20, 60), "THÔNG BÁO", fill=0, font=ImageFont.truetype(
        "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf", 60))
    img.save(out / "really-png.pdf", "PNG")
    manifest["really-png.pdf"] = "ok:png"
    shutil.copyfile(good, out / "really-pdf.png")
    manifest["really-pdf.png"] = "ok:pdf"

    manifest["does-not-exist.pdf"] = "not-found"
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_bad_inputs.py DIR")
    main(sys.argv[1])
