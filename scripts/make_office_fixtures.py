#!/usr/bin/env python3
"""Office documents for the tests, made at test time: python3 make_office_fixtures.py DIR

A Kế hoạch of a district People's Committee as Word (.docx) and OpenDocument (.odt) write it (the
header a two-cell table, a page break, the signature block a table), a workbook (.xlsx, .ods), and
bad ones: a .docx that is a ZIP of something else, a truncated .docx, a ZIP bomb posing as .docx,
a password-protected Office file (an OLE2 container with an EncryptedPackage stream).
"""
import os, sys, zipfile
from xml.sax.saxutils import escape

out = sys.argv[1]
os.makedirs(out, exist_ok=True)

HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "HUYỆN TRÀ BỒNG", "Số: 45/KH-UBND"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Trà Bồng, ngày 15 tháng 02 năm 2024"]
TITLE = ["KẾ HOẠCH", "Ứng dụng công nghệ thông tin, chuyển đổi số năm 2024"]
BODY = ["Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;",
        "Ủy ban nhân dân huyện ban hành Kế hoạch ứng dụng công nghệ thông tin, chuyển đổi số năm 2024."]
PAGE2 = ["I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao hiệu quả chuyển đổi số, chính quyền số trên địa bàn huyện."]
SIGN_LEFT = ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
SIGN_RIGHT = ["CHỦ TỊCH", "Lê Văn Bình"]


def w_par(text, page_break=False):
    brk = '<w:r><w:br w:type="page"/></w:r>' if page_break else ""
    return f'<w:p>{brk}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def w_table(left, right):
    cell = lambda lines: "<w:tc>" + "".join(w_par(t) for t in lines) + "</w:tc>"
    return f"<w:tbl><w:tr>{cell(left)}{cell(right)}</w:tr></w:tbl>"


def docx(path, body_xml):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                   + body_xml + "</w:body></w:document>")


word = (w_table(HEADER_LEFT, HEADER_RIGHT) + "".join(w_par(t) for t in TITLE + BODY)
        + w_par(PAGE2[0], page_break=True) + w_par(PAGE2[1]) + w_table(SIGN_LEFT, SIGN_RIGHT))
docx(os.path.join(out, "kh-45.docx"), word)


def o_par(text):
    # Runs of spaces as OpenDocument writes them: <text:s text:c="N"/>.
    return "<text:p>" + escape(text).replace("  ", ' <text:s text:c="1"/>') + "</text:p>"


def o_table(left, right):
    cell = lambda lines: "<table:table-cell>" + "".join(o_par(t) for t in lines) + "</table:table-cell>"
    return f"<table:table><table:table-row>{cell(left)}{cell(right)}</table:table-row></table:table>"


def opendocument(path, mimetype, body):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), mimetype)  # stored first, uncompressed, as the standard says
        z.writestr("content.xml", '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
                   'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                   'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
                   'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body>'
                   + body + "</office:body></office:document-content>")


opendocument(os.path.join(out, "kh-45.odt"), "application/vnd.oasis.opendocument.text",
             "<office:text>" + o_table(HEADER_LEFT, HEADER_RIGHT) + "".join(o_par(t) for t in TITLE + BODY + PAGE2)
             + o_table(SIGN_LEFT, SIGN_RIGHT) + "</office:text>")

ROWS = [["STT", "Chỉ tiêu", "Điểm tự chấm"], ["1", "Ứng dụng công nghệ thông tin", "3"], ["2", "Chuyển đổi số", "2,5"]]
with zipfile.ZipFile(os.path.join(out, "diem.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
    strings = sorted({c for r in ROWS for c in r if not c.replace(",", "").isdigit()})
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("xl/workbook.xml", "<workbook/>")
    z.writestr("xl/sharedStrings.xml", "<sst>" + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
    cells = lambda r: "".join(f'<c t="s"><v>{strings.index(c)}</v></c>' if c in strings else f"<c><v>{c}</v></c>" for c in r)
    z.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + "".join(f"<row>{cells(r)}</row>" for r in ROWS)
               + "</sheetData></worksheet>")
    z.writestr("xl/worksheets/sheet2.xml", '<worksheet><sheetData><row><c t="inlineStr"><is><t>Tờ 2</t></is></c></row></sheetData></worksheet>')

opendocument(os.path.join(out, "diem.ods"), "application/vnd.oasis.opendocument.spreadsheet",
             "<office:spreadsheet><table:table>" + "".join(
                 "<table:table-row>" + "".join(f"<table:table-cell><text:p>{escape(c)}</text:p></table:table-cell>" for c in r)
                 + "</table:table-row>" for r in ROWS) + "</table:table></office:spreadsheet>")

# Bad ones.
with zipfile.ZipFile(os.path.join(out, "photos.docx"), "w") as z:
    z.writestr("IMG_0001.txt", "not a document")
data = open(os.path.join(out, "kh-45.docx"), "rb").read()
open(os.path.join(out, "truncated.docx"), "wb").write(data[: len(data) // 2])
with zipfile.ZipFile(os.path.join(out, "bomb.docx"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("word/document.xml", b"<w:document>" + b" " * (80 << 20) + b"</w:document>")
ole = bytearray(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(504))
ole += "EncryptedPackage".encode("utf-16-le") + bytes(4096)
open(os.path.join(out, "protected.docx"), "wb").write(bytes(ole))
open(os.path.join(out, "garbage.doc"), "wb").write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(range(256)) * 40)
