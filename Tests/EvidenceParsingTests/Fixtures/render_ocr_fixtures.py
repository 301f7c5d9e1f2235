"""Renders Decree 30 documents to page images and OCRs them with tesseract (vie and eng), writing
name.txt + name.expected.json fixtures for the parsing corpus."""
import json, subprocess, sys, os
from PIL import Image, ImageDraw, ImageFont

OUT = sys.argv[1]
REG = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
W, H = 1654, 2339
f = lambda size, bold=False: ImageFont.truetype(BOLD if bold else REG, size)

DOCS = [
  dict(name="kh-trabong", parent=None, issuer=["ỦY BAN NHÂN DÂN", "HUYỆN TRÀ BỒNG"], number="178/KH-UBND",
       place="Trà Bồng", date=(27, 10, 2024), type=("KH", "Kế hoạch", "KẾ HOẠCH"),
       title=["Thực hiện đánh giá, xếp loại mức độ chuyển đổi số", "của các xã, thị trấn năm 2024"],
       cites=[("Quyết định số 625/QĐ-UBND ngày 17/9/2024 của UBND tỉnh Quảng Ngãi", "625/QĐ-UBND", "2024-09-17")],
       block=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], signer=("Nguyễn Văn Bình", "PHÓ CHỦ TỊCH", "KT")),
  dict(name="qd-haiduong", parent="UBND TỈNH HẢI DƯƠNG", issuer=["SỞ THÔNG TIN VÀ", "TRUYỀN THÔNG"], number="45/QĐ-STTTT",
       place="Hải Dương", date=(5, 3, 2024), type=("QĐ", "Quyết định", "QUYẾT ĐỊNH"),
       title=["Về việc thành lập Tổ công tác chuyển đổi số"],
       cites=[("Quyết định số 922/QĐ-BTTTT ngày 20 tháng 5 năm 2022 của Bộ Thông tin và Truyền thông", "922/QĐ-BTTTT", "2022-05-20")],
       block=["GIÁM ĐỐC"], signer=("Trần Thị Hương", "GIÁM ĐỐC", None)),
  dict(name="tb-hanoi", parent=None, issuer=["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"], number="542/TB-UBND",
       place="Hà Nội", date=(29, 3, 2024), type=("TB", "Thông báo", "THÔNG BÁO"),
       title=["Kết luận của Phó Chủ tịch UBND Thành phố", "tại cuộc họp về chuyển đổi số"],
       cites=[], block=["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"], signer=("Lê Minh Cường", "CHÁNH VĂN PHÒNG", "TL")),
  dict(name="bc-thoxuan", parent=None, issuer=["ỦY BAN NHÂN DÂN", "HUYỆN THỌ XUÂN"], number="93/BC-UBND",
       place="Thọ Xuân", date=(2, 11, 2021), type=("BC", "Báo cáo", "BÁO CÁO"),
       title=["Kết quả thực hiện chuyển đổi số năm 2021"],
       cites=[("Quyết định số 3716/QĐ-UBND ngày 23 tháng 9 năm 2021 của UBND tỉnh Thanh Hóa", "3716/QĐ-UBND", "2021-09-23"),
              ("Chỉ thị số 14/CT-TTg ngày 07/6/2019 của Thủ tướng Chính phủ", "14/CT-TTg", "2019-06-07")],
       block=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], signer=("Phạm Quốc Dũng", "CHỦ TỊCH", "TM")),
  dict(name="cv-quangngai", parent=None, issuer=["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"], number="2325/UBND-KGVX",
       place="Quảng Ngãi", date=(11, 10, 2024), type=("CV", "Công văn", None),
       title=["V/v triển khai đánh giá chỉ số", "chuyển đổi số năm 2024"],
       cites=[("Kế hoạch số 370/KH-UBND ngày 05/3/2024 của UBND tỉnh", "370/KH-UBND", "2024-03-05")],
       block=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], signer=("Võ Thanh Tùng", "PHÓ CHỦ TỊCH", "KT")),
  dict(name="ttr-nghean", parent="UBND TỈNH NGHỆ AN", issuer=["SỞ NỘI VỤ"], number="12/TTr-SNV",
       place="Nghệ An", date=(8, 1, 2024), type=("TTr", "Tờ trình", "TỜ TRÌNH"),
       title=["Đề nghị phê duyệt Đề án chuyển đổi số"],
       cites=[("Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ", "30/2020/NĐ-CP", "2020-03-05")],
       block=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], signer=("Đặng Văn Hùng", "PHÓ GIÁM ĐỐC", "KT")),
  dict(name="bb-binhminh", parent=None, issuer=["ỦY BAN NHÂN DÂN", "XÃ BÌNH MINH"], number="05/BB-UBND",
       place="Bình Minh", date=(3, 4, 2024), type=("BB", "Biên bản", "BIÊN BẢN"),
       title=["Họp Hội đồng thẩm định chỉ số chuyển đổi số"], cites=[], minutes=True,
       block=[], signer=("Hoàng Thị Lan", "CHỦ TRÌ", None), secretary="Bùi Văn Nam"),
  dict(name="kh-draft-blankdate", parent=None, issuer=["ỦY BAN NHÂN DÂN", "HUYỆN ĐỨC PHỔ"], number=None,
       place="Đức Phổ", date=None, type=("KH", "Kế hoạch", "KẾ HOẠCH"), draft=True,
       title=["Chuyển đổi số năm 2025"], cites=[("Quyết định số 625/QĐ-UBND ngày 17/9/2024", "625/QĐ-UBND", "2024-09-17")],
       block=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], signer=("Huỳnh Ngọc Sơn", "CHỦ TỊCH", "TM")),
  dict(name="qd-stamp-twopages", parent=None, issuer=["ỦY BAN NHÂN DÂN", "TỈNH THANH HÓA"], number="3716/QĐ-UBND",
       place="Thanh Hóa", date=(23, 9, 2021), type=("QĐ", "Quyết định", "QUYẾT ĐỊNH"), stamp=True, twopages=True,
       title=["Về việc ban hành Bộ chỉ số đánh giá chuyển đổi số", "của các cơ quan nhà nước tỉnh Thanh Hóa"],
       cites=[("Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ", "749/QĐ-TTg", "2020-06-03")],
       block=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], signer=("Đầu Thanh Tùng", "PHÓ CHỦ TỊCH", "KT")),
]

def centered(d, text, cx, y, font):
    w = d.textlength(text, font=font)
    d.text((cx - w / 2, y), text, font=font, fill=0)

def render(doc):
    img = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(img)
    pages = [img]
    L, R, y = 430, 1150, 120
    if doc.get("draft"):
        d.text((120, 48), "DỰ THẢO", font=f(32, True), fill=0)
        y = 150
    if doc.get("stamp"):
        d.rectangle((90, 20, 420, 150), outline=0, width=2)
        d.text((110, 28), "CÔNG VĂN ĐẾN", font=f(26, True), fill=0)
        d.text((110, 68), "Số: 2352", font=f(26), fill=0)
        d.text((110, 105), "Ngày: 25/9/2021", font=f(26), fill=0)
        y = 190
    left = ([doc["parent"]] if doc["parent"] else []) + doc["issuer"]
    ly = y
    for i, line in enumerate(left):
        centered(d, line, L, ly, f(30, bold=(line in doc["issuer"]))); ly += 42
    d.line((L - 90, ly + 2, L + 90, ly + 2), fill=0, width=2)
    centered(d, "Số: " + (doc["number"] or "       /KH-UBND"), L, ly + 20, f(30)); numberY = ly + 20
    centered(d, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", R, y, f(30, True))
    centered(d, "Độc lập - Tự do - Hạnh phúc", R, y + 42, f(30, True))
    day, month, year = doc["date"] or (None, None, None)
    d.line((R - 170, y + 86, R + 170, y + 86), fill=0, width=2)
    centered(d, f"{doc['place']}, ngày {day} tháng {month} năm {year}" if day else f"{doc['place']}, ngày      tháng 10 năm 2024", R, numberY, f(29))
    y = numberY + 60
    if doc["type"][2] is None:
        for line in doc["title"]:
            centered(d, line, L, y, f(27)); y += 38
        y += 30
        centered(d, "Kính gửi: Các sở, ban, ngành tỉnh", W / 2, y, f(30)); y += 80
    else:
        y += 50
        centered(d, doc["type"][2], W / 2, y, f(34, True)); y += 50
        for line in doc["title"]:
            centered(d, line, W / 2, y, f(30, True)); y += 44
        y += 50
    body = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"]
    body += ["Căn cứ " + c[0] + ";" for c in doc["cites"]]
    body += ["Để triển khai có hiệu quả công tác chuyển đổi số, đề nghị các cơ quan,",
             "đơn vị thực hiện các nhiệm vụ sau đây trước ngày 30/11/2024:",
             "1. Tổ chức tự đánh giá, chấm điểm chỉ số chuyển đổi số.",
             "2. Báo cáo kết quả về Sở Thông tin và Truyền thông đúng thời hạn./."]
    for line in body:
        # long citations wrap
        words, cur = line.split(), ""
        for w in words:
            if d.textlength(cur + " " + w, font=f(30)) > 1350:
                d.text((150, y), cur, font=f(30), fill=0); y += 46; cur = w
            else:
                cur = (cur + " " + w).strip()
        d.text((150, y), cur, font=f(30), fill=0); y += 46
    y += 50
    if doc.get("twopages"):
        d.text((W / 2 - 10, H - 100), "1", font=f(26), fill=0)
        img = Image.new("L", (W, H), 255); d = ImageDraw.Draw(img); pages.append(img); y = 150
        d.text((150, y), "Điều 3. Quyết định này có hiệu lực kể từ ngày ký./.", font=f(30), fill=0); y += 100
    if doc.get("minutes"):
        d.text((150, y), "Cuộc họp kết thúc lúc 11 giờ cùng ngày./.", font=f(30), fill=0); y += 90
        centered(d, "THƯ KÝ", L, y, f(30, True)); centered(d, "CHỦ TRÌ", R, y, f(30, True))
        centered(d, doc["secretary"], L, y + 200, f(30, True)); centered(d, doc["signer"][0], R, y + 200, f(30, True))
        return pages
    recipients = ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    for i, line in enumerate(recipients):
        d.text((150, y + i * 36), line, font=f(24, i == 0), fill=0)
    by = y
    for line in doc["block"]:
        centered(d, line, R, by, f(30, True)); by += 42
    centered(d, doc["signer"][0], R, by + 200, f(30, True))
    if doc.get("twopages"):
        pages.append(Image.new("L", (W, H), 255))
        receipt = Image.new("L", (W, H), 255); rd = ImageDraw.Draw(receipt)
        centered(rd, "PHIẾU GỬI", W / 2, 150, f(34, True))
        rd.text((150, 260), "Người nhận ký tên: ...............................", font=f(30), fill=0)
        rd.text((150, 320), "Ngày ... tháng ... năm ...", font=f(30), fill=0)
        pages.append(receipt)
    return pages

def degrade(img, seed, poor=False):
    import random
    from PIL import ImageFilter
    random.seed(seed)
    scale = 4 if poor else 5
    small = img.rotate(1.3 if poor else 0.6, fillcolor=255, resample=Image.BICUBIC).resize((W * scale // 12, H * scale // 12), Image.BILINEAR)
    img = small.resize((W, H), Image.BILINEAR).filter(ImageFilter.GaussianBlur(1.0 if poor else 0.7))
    px = img.load()
    for _ in range(30000 if poor else 9000):
        x, yy = random.randrange(W), random.randrange(H)
        px[x, yy] = random.choice((0, 255))
    return img

os.makedirs(OUT, exist_ok=True)
for doc in DOCS:
    pages = render(doc)
    name, title, authority = doc["signer"]
    expected = {
        "_note": "Rendered from the values below (DejaVu Serif, 200 dpi A4) and OCRed with tesseract; see render_ocr_fixtures.py.",
        "type": doc["type"][0], "typeName": doc["type"][1], "number": doc["number"],
        "issuer": " ".join(doc["issuer"]), "parent": doc["parent"], "place": doc["place"],
        "date": "%04d-%02d-%02d" % (doc["date"][2], doc["date"][1], doc["date"][0]) if doc["date"] else None,
        "title": " ".join(doc["title"]).removeprefix("V/v "),
        "signer": {"name": name, "title": title, "authority": authority}, "draft": bool(doc.get("draft")),
        "references": [{"number": c[1], "date": c[2]} for c in doc["cites"]],
    }
    for quality in ("clean", "scan", "poor"):
        paths = []
        for number, page in enumerate(pages):
            path = f"/tmp/ocrfix/{doc['name']}-{quality}-{number}.png"
            (page if quality == "clean" else degrade(page, number + len(doc["name"]), poor=quality == "poor")).save(path)
            paths.append(path)
        for lang in ("vie", "eng"):
            texts = [subprocess.run(["tesseract", path, "-", "-l", lang], capture_output=True, text=True).stdout for path in paths]
            stem = f"{OUT}/ocr-{lang}-{quality}-{doc['name']}"
            open(stem + ".txt", "w").write("\f".join(texts))
            open(stem + ".expected.json", "w").write(json.dumps(expected, ensure_ascii=False, indent=2) + "\n")
    print(doc["name"])
