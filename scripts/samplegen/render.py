"""Draws laid-out pages: as PDF vector text (born-digital) or as page images (for scans)."""
import io
import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from . import layout as L

_pil_fonts = {}


def pil_font(key, size_px):
    k = (key, round(size_px * 4))
    if k not in _pil_fonts:
        _pil_fonts[k] = ImageFont.truetype(L.FONT_FILES[key], size=max(1, round(size_px)))
    return _pil_fonts[k]


# ---------------------------------------------------------------- PDF

def new_canvas(path, title=None):
    c = canvas.Canvas(str(path), pagesize=(L.PAGE_W, L.PAGE_H), invariant=1, pageCompression=1)
    c.setCreator("evidenced samples (scripts/make_samples.py)")
    if title:
        c.setTitle(title)
    return c


def draw_vector(c, page, encode=None):
    """encode(op) -> (font key, text) re-types the text for a legacy-encoded font."""
    for op in page.ops:
        if isinstance(op, L.Text):
            font, text = encode(op) if encode else (op.font, op.text)
            c.setFont(L.PDF_FONT[font], op.size)
            c.drawString(op.x, L.PAGE_H - op.y, text)
        elif isinstance(op, L.Rule):
            c.setLineWidth(op.width)
            c.line(op.x1, L.PAGE_H - op.y1, op.x2, L.PAGE_H - op.y2)
        elif isinstance(op, L.Box):
            c.setLineWidth(op.width)
            c.rect(op.x, L.PAGE_H - op.y - op.h, op.w, op.h)


def draw_jpeg(c, jpeg_bytes):
    """One JPEG over the whole page, as a scanner's PDF has it (reportlab embeds JPEG as is)."""
    c.drawImage(ImageReader(io.BytesIO(jpeg_bytes)), 0, 0, width=L.PAGE_W, height=L.PAGE_H)


def draw_stamp(c, lines, corner="top-right"):
    """The visible digital-signature stamp: a small real text layer in a box at a corner."""
    size = 7.5
    w = max(L.width(t, "R", size) for t in lines) + 10
    h = len(lines) * (size + 2) + 8
    x = L.PAGE_W - w - 18 if corner.endswith("right") else 18
    y_top = 14 if corner.startswith("top") else L.PAGE_H - h - 14
    c.setStrokeColorRGB(0.75, 0.1, 0.1)
    c.setFillColorRGB(0.75, 0.1, 0.1)
    c.setLineWidth(0.8)
    c.rect(x, L.PAGE_H - y_top - h, w, h)
    for i, t in enumerate(lines):
        c.setFont(L.PDF_FONT["R"], size)
        c.drawString(x + 5, L.PAGE_H - y_top - 4 - (i + 1) * (size + 2) + 2, t)
    c.setFillColorRGB(0, 0, 0)
    c.setStrokeColorRGB(0, 0, 0)


# ---------------------------------------------------------------- images

def draw_image(page, dpi=300, rng=None, ink=18):
    """Renders a page to a greyscale image at dpi, with a scribbled signature and a seal."""
    s = dpi / 72.0
    img = Image.new("L", (round(L.PAGE_W * s), round(L.PAGE_H * s)), 255)
    d = ImageDraw.Draw(img)
    for op in page.ops:
        if isinstance(op, L.Text):
            d.text((op.x * s, op.y * s), op.text, font=pil_font(op.font, op.size * s), fill=ink, anchor="ls")
        elif isinstance(op, L.Rule):
            d.line((op.x1 * s, op.y1 * s, op.x2 * s, op.y2 * s), fill=ink, width=max(1, round(op.width * s)))
        elif isinstance(op, L.Box):
            d.rectangle((op.x * s, op.y * s, (op.x + op.w) * s, (op.y + op.h) * s), outline=ink,
                        width=max(1, round(op.width * s)))
        elif isinstance(op, L.Mark) and rng is not None:
            if op.kind == "seal":
                seal(d, op.x * s, op.y * s, 50 * s, s)
            else:
                scribble(d, op.x * s, op.y * s, s, rng, ink)
    return img


def seal(d, cx, cy, r, s):
    """A red round seal; in greyscale only a light ring, light enough to keep the text readable."""
    grey = 170
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=grey, width=max(2, round(2.2 * s)))
    d.ellipse((cx - r * 0.72, cy - r * 0.72, cx + r * 0.72, cy + r * 0.72), outline=grey, width=max(1, round(s)))
    d.regular_polygon((cx, cy, r * 0.25), 5, fill=grey)


def scribble(d, x, y, s, rng, ink):
    pts = []
    for i in range(40):
        t = i / 39
        pts.append((x + t * 70 * s + rng.normal(0, 2) * s,
                    y + math.sin(t * 9 + rng.uniform(0, 1)) * 9 * s + rng.normal(0, 1.5) * s))
    d.line(pts, fill=ink + 30, width=max(1, round(1.1 * s)), joint="curve")


def degrade(img, rng, angle=0.7, noise=2.5, speckles=900, paper=238, blur=0.6):
    """Makes a clean page look scanned: grey paper, slight skew, blur, noise and specks of dust."""
    g = img.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    g = g.filter(ImageFilter.GaussianBlur(blur))
    a = np.asarray(g, dtype=np.float32)
    h, w = a.shape
    # Darker ink does not change; the white paper turns grey with a slow gradient across the page.
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    shade = paper - 10 * (xx / w) - 6 * (yy / h)
    a = a / 255.0 * shade
    a += rng.normal(0, noise, size=a.shape).astype(np.float32)
    n = speckles
    ys, xs = rng.integers(0, h, n), rng.integers(0, w, n)
    a[ys, xs] = rng.integers(40, 120, n)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")


def jpeg_bytes(img, quality=55):
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, optimize=True, dpi=(300, 300))
    return buf.getvalue()


def jpeg_pdf(path, jpegs, dpi=300):
    """Writes a scanner-style PDF by hand: one page per JPEG, each its own image XObject (reportlab
    would share identical-looking images between pages, which a benchmark must not get)."""
    from PIL import Image as _Image
    objects = []     # (number, bytes)

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages = add(None)
    kids = []
    for data in jpegs:
        with _Image.open(io.BytesIO(data)) as im:
            w, h = im.size
            colour = {"L": "/DeviceGray", "RGB": "/DeviceRGB", "CMYK": "/DeviceCMYK"}[im.mode]
        pw, ph = w * 72.0 / dpi, h * 72.0 / dpi
        image = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                    b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n"
                    % (w, h, colour.encode(), len(data)) + data + b"\nendstream")
        draw = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
        content = add(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] "
                        b"/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages, pw, ph, image, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages
    objects[pages - 1] = (b"<< /Type /Pages /Count %d /Kids [" % len(kids)
                          + b" ".join(b"%d 0 R" % k for k in kids) + b"] >>")
    with open(path, "wb") as f:
        f.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(objects, 1):
            offsets.append(f.tell())
            f.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
        xref = f.tell()
        f.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
        for off in offsets:
            f.write(b"%010d 00000 n \n" % off)
        f.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
                % (len(objects) + 1, catalog, xref))
