#!/usr/bin/env python3
"""Test pages for reading turned and sealed scans (Tests/EvidenceExtractionTests/UprightPageTests).

    make_upright_pages.py DIR

Writes into DIR a half A4 page at 300 dpi, typed body and a signature block
('KT. CHỦ TỊCH' / 'PHÓ CHỦ TỊCH' / 'Trần Hoàng Tuấn'), in these forms:
  upright.png                      as printed
  turned-90.png, -180, -270        turned counter-clockwise by that much (a scan fed sideways)
  sealed-colour.png                a red seal stamped over the signer's title lines, in colour
  sealed-gray.png                  the same scan in black and white (the seal prints dark)
  exif-6.jpg                       stored on its side, EXIF orientation 6 (show turned 90° clockwise)
  rotate-90.pdf                    the page image stored on its side, /Rotate 90 shows it upright
  rotate-180.pdf                   stored upside down, /Rotate 180 shows it upright
  upside-down.pdf                  stored and shown upside down (a scan fed the wrong way)
"""
import math, sys
from pathlib import Path
from PIL import Image, ImageDraw, ImageFont

FONTS = "/usr/share/fonts/truetype/liberation2/"
W, H, DPI = 2480, 1754, 300

BODY = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;",
    "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 573/TTr-SNV,",
    "Ủy ban nhân dân tỉnh thông báo kết quả đánh giá chỉ số cải cách hành chính",
    "năm 2024 của các sở, ban, ngành và Ủy ban nhân dân các huyện, thành phố.",
    "Các cơ quan, đơn vị căn cứ kết quả này để khắc phục hạn chế, tồn tại.",
]


def font(name, size):
    return ImageFont.truetype(FONTS + name, size)


def page():
    im = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(im)
    regular, bold = font("LiberationSerif-Regular.ttf", 46), font("LiberationSerif-Bold.ttf", 52)
    d.text((W // 2, 150), "THÔNG BÁO", font=font("LiberationSerif-Bold.ttf", 60), fill="black", anchor="mm")
    y = 280
    for line in BODY:
        d.text((200, y), line, font=regular, fill="black")
        y += 78
    # The signature block, right half: authority, position, (signature), name.
    cx = 1750
    d.text((cx, 900), "KT. CHỦ TỊCH", font=bold, fill="black", anchor="mm")
    d.text((cx, 980), "PHÓ CHỦ TỊCH", font=bold, fill="black", anchor="mm")
    d.text((cx, 1330), "Trần Hoàng Tuấn", font=bold, fill="black", anchor="mm")
    d.text((200, 900), "Nơi nhận:", font=font("LiberationSerif-BoldItalic.ttf", 40), fill="black")
    for i, line in enumerate(["- Như trên;", "- Lưu: VT, NC."]):
        d.text((200, 960 + 55 * i), line, font=font("LiberationSerif-Regular.ttf", 36), fill="black")
    return im


def seal(im, colour):
    """A round seal as stamped: two rings, text around, a star, over the title lines."""
    d = ImageDraw.Draw(im)
    cx, cy, r = 1560, 1000, 230
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=colour, width=14)
    d.ellipse((cx - r + 70, cy - r + 70, cx + r - 70, cy + r - 70), outline=colour, width=8)
    letters = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI *"
    f = font("LiberationSans-Bold.ttf", 40)
    for i, ch in enumerate(letters):
        a = math.pi + 2 * math.pi * i / len(letters)
        glyph = Image.new("RGBA", (60, 60), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((30, 30), ch, font=f, fill=colour, anchor="mm")
        glyph = glyph.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
        x, y = cx + (r - 38) * math.cos(a), cy + (r - 38) * math.sin(a)
        im.paste(glyph, (int(x) - 30, int(y) - 30), glyph)
    star = [(cx + 70 * math.cos(math.pi / 2 + k * math.pi / 5) * (1 if k % 2 == 0 else 0.4),
             cy - 70 * math.sin(math.pi / 2 + k * math.pi / 5) * (1 if k % 2 == 0 else 0.4)) for k in range(10)]
    d.polygon(star, fill=colour)
    return im


def main(out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    upright = page()
    gray = upright.convert("L")
    gray.save(out / "upright.png", dpi=(DPI, DPI))
    for turn in (90, 180, 270):
        gray.rotate(turn, expand=True).save(out / f"turned-{turn}.png", dpi=(DPI, DPI))
    # Seal ink: a strong red, a little transparent so the print shows through where they cross.
    sealed = seal(upright.copy(), (225, 30, 45))
    sealed = Image.blend(sealed, Image.composite(upright, sealed, upright.convert("L").point(lambda v: 255 if v < 128 else 0)), 0.5)
    sealed.save(out / "sealed-colour.png", dpi=(DPI, DPI))
    sealed.convert("L").point(lambda v: 0 if v < 170 else 255).save(out / "sealed-gray.png", dpi=(DPI, DPI))
    exif = Image.Exif()
    exif[0x0112] = 6
    gray.rotate(90, expand=True).save(out / "exif-6.jpg", dpi=(DPI, DPI), quality=97, exif=exif.tobytes())
    sideways = gray.rotate(90, expand=True)
    (out / "rotate-90.pdf").write_bytes(pdf_with_image(sideways, rotate=90))
    (out / "rotate-180.pdf").write_bytes(pdf_with_image(gray.rotate(180), rotate=180))
    (out / "upside-down.pdf").write_bytes(pdf_with_image(gray.rotate(180), rotate=0))


def pdf_with_image(im, rotate):
    """One page the size of the grey image at 300 dpi, the image its only content, /Rotate set."""
    import io
    jpeg = io.BytesIO()
    im.save(jpeg, "JPEG", quality=97)
    jpeg = jpeg.getvalue()
    pw, ph = im.width * 72 / DPI, im.height * 72 / DPI
    content = f"q {pw:.2f} 0 0 {ph:.2f} 0 0 cm /Im0 Do Q".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pw:.2f} {ph:.2f}] /Rotate {rotate} "
        f"/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % (im.width, im.height, len(jpeg))
        + jpeg + b"\nendstream",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


if __name__ == "__main__":
    main(sys.argv[1])
