"""Legacy Vietnamese font encodings (TCVN3 / .VnTime and VNI-Times) and fonts that draw them.

Old documents were typed with fonts that put Vietnamese letters on Latin-1 code points. Their
glyphs look right but a PDF's text layer gives the Latin-1 characters: TCVN3 'Độc lập' reads
'§éc lËp', VNI 'Độc lập' reads 'Ñoäc laäp'. To reproduce that honestly we build such fonts from
Liberation Serif: the Latin-1 code points are re-pointed at the Vietnamese glyphs, so the page
shows proper Vietnamese (OCR reads it) while pdftotext returns the legacy bytes as Latin-1.
"""
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent

# TCVN 5712:1993 VN3 (the 'ABC' .VnTime table): Unicode letter -> byte.
_TCVN3_LOWER = {
    "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9,
    "ă": 0xA8, "ằ": 0xBB, "ẳ": 0xBC, "ẵ": 0xBD, "ắ": 0xBE, "ặ": 0xC6,
    "â": 0xA9, "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA, "ậ": 0xCB,
    "đ": 0xAE,
    "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "é": 0xD0, "ẹ": 0xD1,
    "ê": 0xAA, "ề": 0xD2, "ể": 0xD3, "ễ": 0xD4, "ế": 0xD5, "ệ": 0xD6,
    "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC, "í": 0xDD, "ị": 0xDE,
    "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4,
    "ô": 0xAB, "ồ": 0xE5, "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9,
    "ơ": 0xAC, "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC, "ớ": 0xED, "ợ": 0xEE,
    "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ú": 0xF3, "ụ": 0xF4,
    "ư": 0xAD, "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8, "ự": 0xF9,
    "ỳ": 0xFA, "ỷ": 0xFB, "ỹ": 0xFC, "ý": 0xFD, "ỵ": 0xFE,
}
_TCVN3_UPPER = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}
TCVN3 = {**_TCVN3_LOWER, **_TCVN3_UPPER}


def to_tcvn3(text, heading=False):
    """Unicode -> the Latin-1 string a .VnTime text layer yields. A heading font (.VnTimeH) draws
    every letter upper-case, so typists typed headings in mixed case: the caller passes it so."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out.append(ch)
        elif ch in TCVN3:
            out.append(chr(TCVN3[ch]))
        else:
            raise ValueError(f"no TCVN3 code for {ch!r} in {text!r} (VN3 has no accented capitals)")
    return "".join(out)


# VNI: a base letter followed by a mark code; lower-case marks for lower-case letters.
_VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_CIRC = {None: "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE = {None: "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def to_vni(text):
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out.append(ch)
            continue
        if ch in "đĐ":
            out.append("ñ" if ch == "đ" else "Ñ")
            continue
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        upper = base.isupper()
        tone = next((m for m in marks if m in _VNI_TONE), None)
        shape = next((m for m in marks if m in ("\u0302", "\u0306", "\u031B")), None)
        fix = (lambda s: s.upper()) if upper else (lambda s: s)
        if shape == "\u031B":                       # horn: ơ / ư are single codes
            out.append(fix("ô") if base in "oO" else fix("ö"))
            if tone:
                out.append(fix(_VNI_TONE[tone]))
        elif shape == "\u0302":
            out.append(base + fix(_VNI_CIRC[tone]))
        elif shape == "\u0306":
            out.append(base + fix(_VNI_BREVE[tone]))
        elif base in "iI" and tone:
            out.append(fix(_VNI_I[tone]))
        elif tone:
            out.append(base + fix(_VNI_TONE[tone]))
        else:
            raise ValueError(f"no VNI code for {ch!r}")
    return "".join(out)


# ---------------------------------------------------------------- fonts

def _strip_hinting(font):
    """Hinting is most of a TrueType font's bytes and nothing a PDF at print resolution needs."""
    from fontTools.ttLib.tables import ttProgram
    for tag in ("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX", "gasp", "kern", "GPOS", "GSUB", "DSIG"):
        if tag in font:
            del font[tag]
    glyf = font["glyf"]
    for name in font.getGlyphOrder():
        g = glyf[name]
        if hasattr(g, "program"):
            g.program = ttProgram.Program()
            g.program.fromBytecode(b"")


def build_lite_font(src, dst):
    font = TTFont(src, recalcTimestamp=False)
    _strip_hinting(font)
    font.save(dst)
    return dst


def _rename(font, family):
    for rec in font["name"].names:
        if rec.nameID in (1, 3, 4, 6, 16):
            rec.string = family.replace(" ", "") if rec.nameID == 6 else family


def _remap(font, mapping):
    """mapping: code point -> glyph name, written into every Unicode cmap subtable."""
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap.update(mapping)


def build_tcvn3_font(src, dst, family, heading=False):
    font = TTFont(src, recalcTimestamp=False)
    cmap = font.getBestCmap()
    mapping = {}
    for ch, code in TCVN3.items():
        shown = ch.upper() if heading else ch
        mapping[code] = cmap[ord(shown)]
    if heading:
        for c in "abcdefghijklmnopqrstuvwxyz":
            mapping[ord(c)] = cmap[ord(c.upper())]
    _remap(font, mapping)
    _rename(font, family)
    _strip_hinting(font)
    font.save(dst)
    return dst


def build_vni_font(src, dst, family):
    """VNI-Times: marks are zero-width glyphs drawn back over the previous letter."""
    font = TTFont(src, recalcTimestamp=False)
    cmap = font.getBestCmap()
    glyf, hmtx = font["glyf"], font["hmtx"]
    order = list(font.getGlyphOrder())
    upm = font["head"].unitsPerEm
    mapping = {}

    def bounds(cp):
        g = glyf[cmap[cp]]
        g.recalcBounds(glyf)
        return g.xMin, g.xMax, g.yMin, g.yMax

    def add_mark(name, parts, upper):
        """parts: [(combining code point, role)]; role 'base' sits on the letter, 'side' goes to the
        right of a circumflex, 'top' above a breve, 'below' under the letter. The pen is after the
        letter, so every mark is moved back over a letter of typical width."""
        g = Glyph()
        g.numberOfContours = -1
        g.components = []
        centre = -0.34 * upm if upper else -0.25 * upm
        floor = 1420 * upm / 2048 if upper else 1080 * upm / 2048
        base_top = floor
        for cp, role in parts:
            x0, x1, y0, y1 = bounds(cp)
            cx = centre + (0.17 * upm if role == "side" else 0)
            if role == "below":
                dy = 0
            elif role == "base":
                dy = floor - y0
                base_top = floor + (y1 - y0)
            elif role == "side":
                dy = floor + 0.12 * upm - y0
            else:
                dy = base_top + 0.02 * upm - y0
            comp = GlyphComponent()
            comp.glyphName = cmap[cp]
            comp.x, comp.y = int(cx - (x0 + x1) / 2), int(dy)
            comp.flags = 0x2 | 0x4          # ARGS_ARE_XY_VALUES | ROUND_XY_TO_GRID
            g.components.append(comp)
        glyf[name] = g
        g.recalcBounds(glyf)
        hmtx[name] = (0, g.xMin)        # lsb must equal xMin, or renderers shift the outline
        order.append(name)
        return name

    tone_cp = {"ù": 0x301, "ø": 0x300, "û": 0x309, "õ": 0x303, "ï": 0x323}
    circ = {"â": None, "á": 0x301, "à": 0x300, "å": 0x309, "ã": 0x303, "ä": 0x323}
    breve = {"ê": None, "é": 0x301, "è": 0x300, "ú": 0x309, "ü": 0x303, "ë": 0x323}
    n = 0
    for table, shape in ((tone_cp, None), (circ, 0x302), (breve, 0x306)):
        for code, tone in table.items():
            for upper in (False, True):
                if shape is None:
                    parts = [(tone, "below" if tone == 0x323 else "base")]
                else:
                    parts = [(shape, "base")]
                    if tone == 0x323:
                        parts.append((tone, "below"))
                    elif tone:
                        side = shape == 0x302 and tone in (0x301, 0x300)
                        parts.append((tone, "side" if side else "top"))
                n += 1
                mapping[ord(code.upper() if upper else code)] = add_mark(f"vnimark{n}", parts, upper)
    for code, ch in {"ô": "ơ", "ö": "ư", "ñ": "đ", "Ñ": "Đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ",
                     "ò": "ị"}.items():
        mapping[ord(code)] = cmap[ord(ch)]
        if code not in "ñÑ":
            mapping[ord(code.upper())] = cmap[ord(ch.upper())]
    for tag in ("hdmx", "LTSH", "VDMX"):
        if tag in font:
            del font[tag]
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    font["maxp"].numGlyphs = len(order)
    _remap(font, mapping)
    _rename(font, family)
    _strip_hinting(font)
    font.save(dst)
    return dst


def build_fonts(out_dir):
    """Builds the legacy fonts into out_dir; returns {key: (pdf name, path)} for layout.register_fonts."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    src = "/usr/share/fonts/truetype/liberation2/LiberationSerif-"
    lite = {k: (f"LiberationSerif-{k}", build_lite_font(src + f, str(out / f"LiberationSerif-{k}.ttf")))
            for k, f in (("R", "Regular.ttf"), ("B", "Bold.ttf"), ("I", "Italic.ttf"), ("BI", "BoldItalic.ttf"))}
    return {
        **lite,
        "TV": ("VnTime", build_tcvn3_font(src + "Regular.ttf", str(out / "VnTime.ttf"), "VnTime")),
        "TVB": ("VnTimeB", build_tcvn3_font(src + "Bold.ttf", str(out / "VnTimeB.ttf"), "VnTime Bold")),
        "TVI": ("VnTimeI", build_tcvn3_font(src + "Italic.ttf", str(out / "VnTimeI.ttf"), "VnTime Italic")),
        "TVH": ("VnTimeH", build_tcvn3_font(src + "Bold.ttf", str(out / "VnTimeH.ttf"), "VnTimeH", heading=True)),
        "VN": ("VNI-Times", build_vni_font(src + "Regular.ttf", str(out / "VNI-Times.ttf"), "VNI-Times")),
        "VNB": ("VNI-TimesB", build_vni_font(src + "Bold.ttf", str(out / "VNI-TimesB.ttf"), "VNI-Times Bold")),
        "VNI": ("VNI-TimesI", build_vni_font(src + "Italic.ttf", str(out / "VNI-TimesI.ttf"), "VNI-Times Italic")),
    }
