"""Lays out a Vietnamese administrative document (Decree 30/2020/ND-CP) as drawing operations.

Positions are in PDF points from the page's top left corner, so the same operations can be drawn
as a born-digital PDF (reportlab) and as a scanned page image (Pillow) with identical geometry.
"""
from dataclasses import dataclass, field
import re

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

PAGE_W, PAGE_H = 595.28, 841.89           # A4
MARGIN_TOP, MARGIN_BOTTOM = 57.0, 57.0    # 20 mm
MARGIN_LEFT, MARGIN_RIGHT = 85.0, 45.0    # 30 mm, 16 mm
BODY_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
LEFT_COL = (48.0, 250.0)                  # x range of the header's left column
RIGHT_COL = (250.0, 580.0)
SIGN_COL = (300.0, 580.0)                 # signature block
RECIP_X = 60.0

FONT_DIR = "/usr/share/fonts/truetype/liberation2"
FONT_FILES = {
    "R": f"{FONT_DIR}/LiberationSerif-Regular.ttf",
    "B": f"{FONT_DIR}/LiberationSerif-Bold.ttf",
    "I": f"{FONT_DIR}/LiberationSerif-Italic.ttf",
    "BI": f"{FONT_DIR}/LiberationSerif-BoldItalic.ttf",
}
PDF_FONT = {k: f"LiberationSerif-{k}" for k in FONT_FILES}


def register_fonts(extra=None):
    """Registers the serif faces with reportlab (idempotent); extra maps font key -> (name, path)."""
    for key, (name, path) in (extra or {}).items():
        FONT_FILES[key] = path
        PDF_FONT[key] = name
    for key, path in FONT_FILES.items():
        if PDF_FONT[key] not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(PDF_FONT[key], path))


def width(text, font, size):
    return pdfmetrics.stringWidth(text, PDF_FONT[font], size)


@dataclass
class Text:
    x: float
    y: float          # baseline, from the top
    text: str
    font: str
    size: float


@dataclass
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.7


@dataclass
class Box:
    x: float
    y: float
    w: float
    h: float
    width: float = 1.0


@dataclass
class Mark:
    """Where a scan shows a handwritten signature and a seal (nothing in a born-digital file)."""
    x: float
    y: float
    kind: str          # "signature" or "seal"


@dataclass
class Page:
    ops: list = field(default_factory=list)
    lines: list = field(default_factory=list)   # the page's text lines in reading order (ground truth)

    def text(self):
        return "\n".join(self.lines)


# ---------------------------------------------------------------- paragraphs

RUN = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")


def runs(markup, base="R"):
    """'**bold** text __italic__' -> [(word, font)], words keep the font of their run."""
    out, pos = [], 0
    for m in RUN.finditer(markup):
        out += [(w, base) for w in markup[pos:m.start()].split()]
        if m.group(1) is not None:
            out += [(w, "BI" if base == "I" else "B") for w in m.group(1).split()]
        else:
            out += [(w, "BI" if base == "B" else "I") for w in m.group(2).split()]
        pos = m.end()
    out += [(w, base) for w in markup[pos:].split()]
    return out


def wrap(words, size, first_width, width_rest):
    """Greedy line breaking of [(word, font)] -> list of lines (lists of words)."""
    lines, cur, cur_w = [], [], 0.0
    limit = first_width
    for word, font in words:
        w = width(word, font, size)
        space = width(" ", font, size) if cur else 0.0
        if cur and cur_w + space + w > limit:
            lines.append(cur)
            cur, cur_w, limit = [], 0.0, width_rest
            space = 0.0
        cur.append((word, font, w))
        cur_w += space + w
    if cur:
        lines.append(cur)
    return lines


class Flow:
    """Places paragraphs down the pages, opening a new page (numbered from page 2) when needed."""

    def __init__(self, size=14.0, leading=1.3, para_gap=6.0):
        self.size, self.leading, self.para_gap = size, leading, para_gap
        self.pages = [Page()]
        self.y = MARGIN_TOP

    @property
    def page(self):
        return self.pages[-1]

    def new_page(self):
        self.pages.append(Page())
        number = str(len(self.pages))
        self.page.ops.append(Text(PAGE_W / 2 - width(number, "R", 13) / 2, 38.0, number, "R", 13))
        self.page.lines.append(number)
        self.y = MARGIN_TOP + 4

    def room(self):
        return PAGE_H - MARGIN_BOTTOM - self.y

    def ensure(self, height):
        if self.room() < height:
            self.new_page()

    def line(self, words, size, x0, avail, align, last):
        """Draws one line of words; justified lines spread the gaps, the last line does not."""
        natural = sum(w for _, _, w in words) + sum(width(" ", f, size) for _, f, _ in words[1:])
        gaps = len(words) - 1
        if align == "center":
            x = x0 + (avail - natural) / 2
        elif align == "right":
            x = x0 + avail - natural
        else:
            x = x0
        extra = (avail - natural) / gaps if (align == "justify" and not last and gaps) else 0.0
        for i, (word, font, w) in enumerate(words):
            self.page.ops.append(Text(x, self.y, word, font, size))
            x += w + width(" ", font, size) + extra
        self.page.lines.append(" ".join(w for w, _, _ in words))

    def para(self, markup, align="justify", base="R", size=None, indent=28.0, gap=None,
             x0=MARGIN_LEFT, avail=BODY_W):
        size = size or self.size
        step = size * self.leading
        first = indent if align == "justify" else 0.0
        lines = wrap(runs(markup, base), size, avail - first, avail)
        for i, words in enumerate(lines):
            self.ensure(step)
            self.y += step if (i or self.page.lines) else size
            dx = first if i == 0 else 0.0
            self.line(words, size, x0 + dx, avail - dx, align, i == len(lines) - 1)
        self.y += self.para_gap if gap is None else gap

    def rule_under(self, x_center, length, gap=8.0, width_pt=0.7):
        y = self.y - self.para_gap + gap
        self.page.ops.append(Rule(x_center - length / 2, y, x_center + length / 2, y, width_pt))
        self.y = y + 8


# ---------------------------------------------------------------- header and signature

def centred(page, text, font, size, x0, x1, y, record=True):
    w = width(text, font, size)
    page.ops.append(Text(x0 + (x1 - x0 - w) / 2, y, text, font, size))
    if record:
        page.lines.append(text)
    return w


def date_line(doc):
    if doc.get("date_printed"):
        return doc["date_printed"]
    y, m, d = doc["date"]
    return f"{doc['place']}, ngày {d:02d} tháng {m:02d} năm {y}" if m < 3 else \
        f"{doc['place']}, ngày {d:02d} tháng {m} năm {y}"


def header(flow, doc):
    """The two-column header; returns nothing, moves the flow below it."""
    page = flow.page
    y0 = MARGIN_TOP + 8
    if doc.get("draft"):
        label = "DỰ THẢO"
        w = width(label, "B", 13)
        page.ops.append(Box(RIGHT_COL[1] - w - 30, 18.0, w + 16, 22.0))
        page.ops.append(Text(RIGHT_COL[1] - w - 22, 34.0, label, "B", 13))
        page.lines.append(label)
    lx0, lx1 = LEFT_COL
    rx0, rx1 = RIGHT_COL
    size_l = doc.get("header_size", 13)
    left = []
    if doc.get("parent"):
        left.append((doc["parent"], "R"))
    left += [(line, "B") for line in doc["issuer_lines"]]
    # Reading order (as pdftotext gives it): left column first, then the right one.
    y = y0
    widest = 0.0
    for text, font in left:
        widest = max(widest, centred(page, text, font, size_l, lx0, lx1, y))
        y += size_l * 1.2
    last_w = width(left[-1][0], "B", size_l)
    cx = (lx0 + lx1) / 2
    page.ops.append(Rule(cx - last_w * 0.2, y - size_l * 1.2 + 7, cx + last_w * 0.2, y - size_l * 1.2 + 7))
    left_bottom = y
    national = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto = "Độc lập - Tự do - Hạnh phúc"
    centred(page, national, "B", 12.5, rx0, rx1, y0)
    mw = centred(page, motto, "B", 13.5, rx0, rx1, y0 + 16)
    rcx = (rx0 + rx1) / 2
    page.ops.append(Rule(rcx - mw / 2, y0 + 22, rcx + mw / 2, y0 + 22))
    row = max(left_bottom, y0 + 32) + 8
    centred(page, doc["number_printed"], "R", 13, lx0, lx1, row)
    y_vv = row
    for vv in doc.get("vv_lines", []):
        y_vv += 15
        centred(page, vv, "R", 12, lx0, lx1, y_vv)
    centred(page, date_line(doc), "I", 13.5, rx0, rx1, row)
    flow.y = max(row, y_vv) + 18


def title_block(flow, doc):
    if doc.get("type_word"):
        flow.y += 10
        flow.para(f"**{doc['type_word']}**", align="center", size=14, gap=0)
    for i, line in enumerate(doc.get("subject_lines", [])):
        flow.para(f"**{line}**", align="center", size=14, gap=0)
    if doc.get("subject_lines"):
        flow.y += flow.para_gap
        flow.rule_under(MARGIN_LEFT + BODY_W / 2, 120)
    if doc.get("preamble"):
        flow.y += 4
        flow.para(f"**{doc['preamble']}**", align="center", size=14, gap=8)


def signature(flow, doc):
    """The signature block at the right and 'Nơi nhận:' at the left, kept together on one page."""
    sig = doc.get("signature")
    recips = doc.get("recipients", [])
    size = 13.5
    sig_lines = sig["lines"] if sig else []
    height_sig = len(sig_lines) * 17 + 80 + 20
    height_rec = 16 + len(recips) * 14 + 10
    flow.ensure(max(height_sig, height_rec) + 10)
    page = flow.page
    top = flow.y + 12
    sx0, sx1 = SIGN_COL
    if doc.get("kind") == "BB":
        return bb_signatures(flow, doc, top)
    # Recipients first in reading order: they sit at the left.
    y = top
    if recips:
        page.ops.append(Text(RECIP_X, y, "Nơi nhận:", "BI", 12))
        page.lines.append("Nơi nhận:")
        for r in recips:
            y += 14
            page.ops.append(Text(RECIP_X, y, r, "R", 11))
            page.lines.append(r)
    rec_bottom = y
    y = top
    for line in sig_lines:
        centred(page, line, "B", size, sx0, sx1, y)
        y += 17
    cx = (sx0 + sx1) / 2
    if sig:
        if sig.get("name"):
            page.ops.append(Mark(cx - 20, y + 26, "signature"))
            page.ops.append(Mark(cx - 75, y + 34, "seal"))
        y += 62
        if sig.get("name"):
            centred(page, sig["name"], "B", 14, sx0, sx1, y)
    flow.y = max(y, rec_bottom) + 10


def bb_signatures(flow, doc, top):
    page = flow.page
    left = doc["signature"]["secretary"]
    right = doc["signature"]
    lx0, lx1 = (60.0, 280.0)
    sx0, sx1 = SIGN_COL
    centred(page, "THƯ KÝ", "B", 13.5, lx0, lx1, top)
    centred(page, "CHỦ TRÌ", "B", 13.5, sx0, sx1, top)
    y = top + 70
    page.ops.append(Mark((lx0 + lx1) / 2 - 20, top + 40, "signature"))
    page.ops.append(Mark((sx0 + sx1) / 2 - 20, top + 40, "signature"))
    centred(page, left, "B", 14, lx0, lx1, y)
    centred(page, right["name"], "B", 14, sx0, sx1, y)
    flow.y = y + 10


# ---------------------------------------------------------------- whole document

def layout(doc):
    """doc (see content.py) -> list of Page."""
    flow = Flow(size=doc.get("size", 14.0), leading=doc.get("leading", 1.3))
    header(flow, doc)
    title_block(flow, doc)
    for p in doc["body"]:
        if isinstance(p, str):
            p = {"text": p}
        flow.para(p["text"], align=p.get("align", "justify"), base=p.get("base", "R"),
                  size=p.get("size"), indent=p.get("indent", 28.0), gap=p.get("gap"))
    signature(flow, doc)
    for extra in doc.get("appendix", []):
        flow.new_page()
        for p in extra:
            if isinstance(p, str):
                p = {"text": p}
            flow.para(p["text"], align=p.get("align", "justify"), base=p.get("base", "R"),
                      size=p.get("size"), indent=p.get("indent", 28.0), gap=p.get("gap"))
    if doc.get("trailing_blank"):
        flow.pages.append(Page())
    return flow.pages
