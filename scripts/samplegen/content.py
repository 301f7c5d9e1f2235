"""The documents: wording modelled on the real plans in shared/seeds (Decree 30/2020/NĐ-CP layout).

Each builder returns a dict that layout.layout() draws and whose 'fields' are the ground truth
a parser must read (samples/expected/*.json).
"""
from .units import UNITS, PROVINCE

TYPE_NAMES = {"KH": "Kế hoạch", "QĐ": "Quyết định", "BB": "Biên bản", "BC": "Báo cáo",
              "TB": "Thông báo", "CV": "Công văn"}
TYPE_WORDS = {"KH": "KẾ HOẠCH", "QĐ": "QUYẾT ĐỊNH", "BB": "BIÊN BẢN", "BC": "BÁO CÁO", "TB": "THÔNG BÁO"}


def sig(unit, style):
    u = UNITS[unit]
    return {
        "deputy": {"lines": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "name": u["deputy"]},
        "head_tm": {"lines": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "name": u["chair"]},
        "head": {"lines": ["CHỦ TỊCH"], "name": u["chair"]},
        "kt_only": {"lines": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "name": u["deputy"]},
        "tl": {"lines": ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"], "name": u["office_head"]},
        "unsigned": {"lines": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "name": None},
    }[style]


def signer_fields(s):
    if s is None:
        return None
    if "secretary" in s:
        return {"name": s["name"], "title": "CHỦ TRÌ", "authority": None}
    authority = None
    for prefix in ("KT", "TL", "TUQ", "TM"):
        if any(line.startswith(prefix + ".") for line in s["lines"]):
            authority = prefix
            break
    return {"name": s["name"], "title": s["lines"][-1], "authority": authority}


def dmy(date):
    y, m, d = date
    return f"{d}/{m}/{y}"


def iso(date):
    return None if date is None else "%04d-%02d-%02d" % date


def doc(kind, unit, number, date, title, subject_lines, body, signature, recipients, **extra):
    u = UNITS[unit]
    d = {
        "kind": kind, "unit": unit, "type_word": TYPE_WORDS.get(kind),
        "parent": extra.pop("parent", None),
        "issuer_lines": extra.pop("issuer_lines", u["lines"]),
        "number_printed": extra.pop("number_printed", f"Số: {number}"),
        "place": extra.pop("place", u["place"]), "date": date,
        "subject_lines": subject_lines, "body": body, "signature": signature, "recipients": recipients,
    }
    d.update(extra)
    issuer = d.pop("issuer", None) or " ".join(d["issuer_lines"])
    d["fields"] = {
        "type": kind, "typeName": TYPE_NAMES[kind],
        "number": None if d.get("draft") and number.startswith("/") else number,
        "issuer": issuer, "parent": d["parent"], "place": d["place"], "date": iso(date),
        "title": title, "signer": signer_fields(signature) if signature else None,
        "draft": bool(d.get("draft")),
    }
    if d["fields"]["signer"] and d["fields"]["signer"]["name"] is None and not signature.get("lines"):
        d["fields"]["signer"] = None
    return d


RECIP_KH = ["- Sở Thông tin và Truyền thông (b/c);", "- TT Huyện ủy, TT HĐND huyện (b/c);",
            "- CT, các PCT UBND huyện;", "- Các cơ quan, đơn vị thuộc huyện;",
            "- UBND các xã, thị trấn;", "- Lưu: VT, VHTT."]


# ---------------------------------------------------------------- Trà Bồng KH 178 (the real seed)

def kh_178():
    body = [
        "Căn cứ Quyết định số 625/QĐ-UBND ngày 17/9/2024 của UBND tỉnh về Ban hành Kế hoạch đánh giá "
        "Chuyển đổi số tỉnh Quảng Ngãi; Công văn số 2325/STTTT ngày 11/10/2024 của Sở Thông tin và "
        "Truyền thông về triển khai đánh giá chuyển đổi số các cơ quan nhà nước cấp xã năm 2024;",
        "UBND huyện Trà Bồng ban hành Kế hoạch thực hiện đánh giá, xếp loại mức độ chuyển đổi số "
        "(viết tắt là chỉ số DTI) của các xã, thị trấn trên địa bàn huyện Trà Bồng năm 2024. Cụ thể như sau:",
        {"text": "**I. MỤC ĐÍCH, YÊU CẦU**", "indent": 28},
        {"text": "**1. Mục đích**"},
        "- Thực hiện đánh giá, xếp loại mức độ chuyển đổi số của các xã theo Bộ chỉ số đánh giá chuyển "
        "đổi số tại Quyết định số 625/QĐ-UBND ngày 17/9/2024 của UBND tỉnh Quảng Ngãi để giúp cho các xã "
        "thấy được vai trò, vị trí chuyển đổi số của đơn vị mình; những điểm mạnh cần phát huy, những điểm "
        "yếu cần khắc phục và giúp cho lãnh đạo các cấp, các ngành thấy được bức tranh toàn cảnh về chuyển "
        "đổi số của các cơ quan, đơn vị trên địa bàn huyện để có giải pháp tổ chức, thực hiện phù hợp trong năm 2025.",
        "- Sử dụng kết quả đánh giá xếp loại mức độ chuyển đổi số để làm cơ sở đánh giá xếp loại mức độ "
        "hoàn thành nhiệm vụ của các cơ quan, đơn vị.",
        {"text": "**2. Yêu cầu**"},
        "- Việc đánh giá, xếp loại mức độ chuyển đổi số của các xã, thị trấn phải đảm bảo thực hiện chính "
        "xác, khách quan, công bằng, đánh giá đúng thực trạng mức độ chuyển đổi số của các đơn vị.",
        "- Các xã, thị trấn được đánh giá phải nâng cao tinh thần trách nhiệm trong việc báo cáo, cung cấp "
        "số liệu một cách đầy đủ, trung thực, chính xác, kịp thời nhằm phản ánh đúng thực tại chuyển đổi số "
        "của đơn vị mình. Số liệu cung cấp phải có đầy đủ tài liệu kiểm chứng để chứng minh tính chính xác "
        "của số liệu.",
        {"text": "**II. NỘI DUNG**"},
        {"text": "**1. Thành lập Hội đồng đánh giá, thẩm định chỉ số DTI**"},
        "Phòng Văn hóa và Thông tin tham mưu Chủ tịch UBND huyện thành lập Hội đồng đánh giá, thẩm định "
        "chỉ số DTI của các xã, thị trấn trên địa bàn huyện năm 2024 và phân công nhiệm vụ cụ thể cho các "
        "thành viên và các cơ quan, đơn vị liên quan.",
        {"text": "**2. Thời gian tổ chức đánh giá, chấm điểm chỉ số DTI**"},
        "- Hệ thống Phần mềm đánh giá chuyển đổi số cho các cơ quan nhà nước tỉnh Quảng Ngãi chính thức mở "
        "để các cơ quan, địa phương tự đánh giá trên hệ thống: bắt đầu từ ngày 21/10/2024 đến hết ngày "
        "31/10/2024 (10 ngày).",
        "- Từ ngày 31/10/2024 đến ngày 10/11/2024: Hội đồng đánh giá, xác định Chỉ số chuyển đổi số (cấp "
        "huyện) tổ chức thẩm định kết quả tự đánh giá của các đơn vị, địa phương.",
        "- Từ ngày 10/11/2024 đến ngày 15/11/2024: Mở hệ thống để UBND các xã, thị trấn rà soát, bổ sung "
        "và giải trình.",
        "- Từ ngày 15/11/2024: Hội đồng thẩm định kết quả rà soát, giải trình của các đơn vị, địa phương và "
        "trình UBND huyện công bố kết quả xếp hạng trước ngày 30/11/2024.",
        {"text": "**3. Nội dung đánh giá**"},
        "- Các đơn vị, địa phương tự đánh giá trực tiếp trên Phần mềm đánh giá chuyển đổi số cho các cơ "
        "quan nhà nước tỉnh Quảng Ngãi (các tiêu chí đánh giá theo Quyết định số 625/QĐ-UBND ngày 17/9/2024 "
        "của UBND tỉnh Quảng Ngãi).",
        "- Nội dung, phạm vi đánh giá: Kết quả công tác chuyển đổi số tại cơ quan, địa phương được triển "
        "khai từ ngày 01/01/2024 đến thời điểm đánh giá.",
        {"text": "**III. TỔ CHỨC THỰC HIỆN**"},
        {"text": "**1. Phòng Văn hóa và Thông tin**"},
        "- Theo dõi, đôn đốc các xã, thị trấn triển khai thực hiện Kế hoạch này; hướng dẫn, hỗ trợ các "
        "xã, thị trấn trong quá trình đánh giá trên Hệ thống đánh giá chỉ số DTI.",
        "- Phối hợp với các thành viên Hội đồng thực hiện công tác rà soát, thẩm định, xác minh các số "
        "liệu, tài liệu kiểm chứng của các xã, thị trấn; trình Chủ tịch UBND huyện công bố kết quả.",
        {"text": "**2. UBND các xã, thị trấn**"},
        "Phân công cán bộ, công chức tham gia quá trình tự đánh giá, chấm điểm và nhập dữ liệu kết quả tự "
        "đánh giá, chấm điểm chỉ số DTI kèm theo tài liệu kiểm chứng vào Hệ thống chấm điểm chỉ số DTI tại "
        "địa chỉ https://dti.quangngai.gov.vn.",
        "Trên đây là Kế hoạch thực hiện đánh giá, xếp loại mức độ chuyển đổi số của các xã, thị trấn trên "
        "địa bàn huyện Trà Bồng năm 2024. Trong quá trình triển khai thực hiện, nếu có khó khăn, vướng "
        "mắc, các đơn vị, địa phương kịp thời báo cáo, đề xuất UBND huyện (qua Phòng Văn hóa và Thông tin) "
        "để xem xét, hướng dẫn thực hiện./.",
    ]
    title = ("Thực hiện đánh giá, xếp loại mức độ chuyển đổi số của các xã, thị trấn "
             "trên địa bàn huyện Trà Bồng năm 2024")
    return doc("KH", "TRABONG", "178/KH-UBND", (2024, 10, 27), title,
               ["Thực hiện đánh giá, xếp loại mức độ chuyển đổi số của các xã, thị trấn",
                "trên địa bàn huyện Trà Bồng năm 2024"], body, sig("TRABONG", "deputy"),
               ["- Sở TT&TT tỉnh Quảng Ngãi (b/c);", "- CT, các PCT UBND huyện;",
                "- Các cơ quan, đơn vị: VH&TT, Nội vụ, TC-KH;", "- Công an huyện;",
                "- Chi cục Thống kê huyện;", "- UBND các xã, thị trấn;", "- Lưu: VT."],
               number_printed="Số: 178 /KH-UBND",
               references=[{"number": "625/QĐ-UBND", "date": "2024-09-17"},
                           {"number": "2325/STTTT", "date": "2024-10-11"}])


# ---------------------------------------------------------------- annual IT / digital plans (KH)

def kh_annual(unit, number, date, style, *, year=2024, topic="cntt", pages_hint=2, draft=False,
              number_printed=None, date_printed=None, parent=None, issuer_lines=None, issuer=None,
              signature=None, recipients=None, trailing_blank=False):
    u = UNITS[unit]
    d = u["district"]
    if topic == "cntt":
        subject = [f"Ứng dụng công nghệ thông tin, phát triển chính quyền số và bảo đảm",
                   f"an toàn thông tin mạng huyện {d} năm {year}"]
    elif topic == "cds":
        subject = [f"Chuyển đổi số huyện {d} năm {year}"]
    else:
        subject = [f"Chuyển đổi số, phát triển chính quyền số huyện {d}", "giai đoạn 2024 - 2025"]
    title = " ".join(subject)
    body = [
        f"Căn cứ Nghị định số 47/2020/NĐ-CP ngày 09/4/2020 của Chính phủ về quản lý, kết nối và chia "
        f"sẻ dữ liệu số của cơ quan nhà nước;",
        f"Căn cứ Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ phê duyệt Chiến lược "
        f"phát triển Chính phủ điện tử hướng tới Chính phủ số giai đoạn 2021 - 2025;",
        f"Căn cứ Kế hoạch số 57/KH-UBND ngày 05/4/2023 của UBND tỉnh Quảng Ngãi về chuyển đổi số tỉnh "
        f"Quảng Ngãi năm {year};",
        f"UBND huyện {d} ban hành Kế hoạch {title[0].lower() + title[1:]}, cụ thể như sau:",
        {"text": "**I. MỤC ĐÍCH, YÊU CẦU**"},
        f"- Đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của các cơ quan nhà nước trên địa bàn "
        f"huyện, nâng cao hiệu lực, hiệu quả quản lý nhà nước, phục vụ người dân và doanh nghiệp ngày càng tốt hơn.",
        f"- Phát triển chính quyền số, kinh tế số và xã hội số; bảo đảm an toàn thông tin mạng; phấn đấu "
        f"nâng cao thứ hạng chỉ số chuyển đổi số (DTI) của huyện {d} năm {year}.",
        "- Các nhiệm vụ phải cụ thể, có lộ trình, gắn trách nhiệm của người đứng đầu cơ quan, đơn vị; "
        "bố trí nguồn lực phù hợp với khả năng cân đối ngân sách của huyện.",
        {"text": "**II. CHỈ TIÊU CHỦ YẾU**"},
        "- 100% văn bản trao đổi giữa các cơ quan hành chính nhà nước (trừ văn bản mật) được thực hiện "
        "dưới dạng điện tử, có chữ ký số; 100% cán bộ, công chức được cấp tài khoản thư điện tử công vụ.",
        "- Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến đạt trên 50%; 100% kết quả giải quyết thủ "
        "tục hành chính còn hiệu lực được số hóa theo quy định.",
        "- 100% hệ thống thông tin của huyện được phê duyệt hồ sơ đề xuất cấp độ an toàn thông tin.",
        {"text": "**III. NHIỆM VỤ, GIẢI PHÁP**"},
        "1. Hoàn thiện môi trường pháp lý; kiện toàn Tổ công tác chuyển đổi số của huyện; tuyên truyền, "
        "nâng cao nhận thức về chuyển đổi số cho cán bộ, công chức và người dân.",
        "2. Phát triển hạ tầng số: nâng cấp mạng LAN, kết nối mạng truyền số liệu chuyên dùng đến 100% "
        "xã, thị trấn; trang bị thiết bị cho Bộ phận một cửa các cấp.",
        "3. Phát triển chính quyền số: vận hành hiệu quả hệ thống quản lý văn bản và điều hành, Hệ thống "
        "thông tin giải quyết thủ tục hành chính của tỉnh; cập nhật thường xuyên Cổng thông tin điện tử huyện.",
        "4. Bảo đảm an toàn thông tin mạng theo mô hình 4 lớp; cài đặt phần mềm phòng, chống mã độc cho "
        "100% máy tính của các cơ quan, đơn vị.",
        {"text": "**IV. KINH PHÍ THỰC HIỆN**"},
        "Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách huyện năm "
        f"{year} và các nguồn hợp pháp khác theo quy định.",
        {"text": "**V. TỔ CHỨC THỰC HIỆN**"},
        "1. Phòng Văn hóa và Thông tin chủ trì, phối hợp với các cơ quan, đơn vị triển khai Kế hoạch; "
        "tổng hợp, báo cáo kết quả thực hiện về UBND huyện trước ngày 15/12 hằng năm.",
        "2. Phòng Tài chính - Kế hoạch tham mưu bố trí kinh phí thực hiện các nhiệm vụ của Kế hoạch.",
        "3. Các cơ quan, đơn vị và UBND các xã, thị trấn căn cứ Kế hoạch này tổ chức triển khai thực hiện "
        "có hiệu quả; định kỳ báo cáo kết quả về Phòng Văn hóa và Thông tin để tổng hợp.",
        f"Trên đây là Kế hoạch {title[0].lower() + title[1:]}. Yêu cầu các cơ quan, đơn vị, địa phương "
        "nghiêm túc triển khai thực hiện./.",
    ]
    if pages_hint < 2:
        body = body[:4] + body[8:12] + body[-1:]
    s = signature if signature is not None else sig(unit, style)
    return doc("KH", unit, number, date, title, subject, body, s, recipients or RECIP_KH,
               draft=draft, number_printed=number_printed or f"Số: {number}",
               date_printed=date_printed, parent=parent, issuer_lines=issuer_lines or u["lines"],
               issuer=issuer, trailing_blank=trailing_blank)


# ---------------------------------------------------------------- QĐ thành lập Tổ công tác

def qd_to_cong_tac(unit, number, date, style="head", with_members=True, size=13.0):
    u = UNITS[unit]
    d = u["district"]
    title = f"Về việc thành lập Tổ công tác chuyển đổi số huyện {d}"
    body = [
        {"text": "__Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, "
                 "bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương "
                 "ngày 22 tháng 11 năm 2019;__"},
        {"text": "__Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt "
                 "Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử;__"},
        {"text": f"__Theo đề nghị của Trưởng phòng Văn hóa và Thông tin huyện.__"},
        {"text": "**QUYẾT ĐỊNH:**", "align": "center"},
        f"**Điều 1.** Thành lập Tổ công tác chuyển đổi số huyện {d} (sau đây gọi tắt là Tổ công tác) "
        f"do đồng chí {u['chair']}, Chủ tịch UBND huyện làm Tổ trưởng; thành phần gồm các thành viên "
        "có tên tại Phụ lục kèm theo Quyết định này." if with_members else
        f"**Điều 1.** Thành lập Tổ công tác chuyển đổi số huyện {d} do đồng chí {u['chair']}, "
        "Chủ tịch UBND huyện làm Tổ trưởng; Trưởng phòng Văn hóa và Thông tin làm Tổ phó thường trực.",
        "**Điều 2.** Tổ công tác có nhiệm vụ tham mưu UBND huyện chỉ đạo, điều phối các hoạt động chuyển "
        "đổi số trên địa bàn huyện; theo dõi, đôn đốc, kiểm tra việc thực hiện các nhiệm vụ chuyển đổi số; "
        "tổng hợp, báo cáo định kỳ kết quả thực hiện. Tổ trưởng phân công nhiệm vụ cụ thể cho các thành viên.",
        "**Điều 3.** Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND huyện, "
        "Trưởng phòng Văn hóa và Thông tin, Thủ trưởng các cơ quan, đơn vị liên quan và các ông, bà có tên "
        "tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
    ]
    n, y, m, dd = number, date[0], date[1], date[2]
    appendix = []
    if with_members:
        members = [
            f"1. Ông {u['chair']}, Chủ tịch UBND huyện - Tổ trưởng;",
            f"2. Ông {u['culture_head']}, Trưởng phòng Văn hóa và Thông tin - Tổ phó thường trực;",
            f"3. Ông {u['office_head']}, Chánh Văn phòng HĐND và UBND huyện - Thành viên;",
            "4. Bà Nguyễn Thị Thanh Thúy, Trưởng phòng Nội vụ - Thành viên;",
            "5. Ông Lê Quang Vinh, Trưởng phòng Tài chính - Kế hoạch - Thành viên;",
            "6. Ông Phạm Đức Hiếu, Phó Trưởng Công an huyện - Thành viên;",
            "7. Bà Trần Thị Ngọc Ánh, Chuyên viên Phòng Văn hóa và Thông tin - Thành viên, Thư ký.",
        ]
        appendix = [[
            {"text": "**Phụ lục**", "align": "center", "gap": 0},
            {"text": "**DANH SÁCH THÀNH VIÊN TỔ CÔNG TÁC CHUYỂN ĐỔI SỐ**", "align": "center", "gap": 0},
            {"text": f"__(Kèm theo Quyết định số {n} ngày {dd:02d}/{m:02d}/{y} của Chủ tịch UBND huyện {d})__",
             "align": "center", "gap": 14},
        ] + members]
    return doc("QĐ", unit, number, date, title, [f"Về việc thành lập Tổ công tác", f"chuyển đổi số huyện {d}"],
               body, sig(unit, style), ["- Như Điều 3;", "- CT, các PCT UBND huyện;", "- Lưu: VT, VHTT."],
               preamble=f"CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN {d.upper()}", appendix=appendix, size=size)


def qd_thi_dua(unit, number, date):
    u = UNITS[unit]
    d = u["district"]
    title = f"Về việc phát động phong trào thi đua chuyển đổi số huyện {d} năm 2024"
    body = [
        {"text": "__Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;__"},
        {"text": "__Căn cứ Quyết định số 505/QĐ-TTg ngày 22/4/2022 của Thủ tướng Chính phủ về Ngày "
                 "Chuyển đổi số quốc gia;__"},
        {"text": "__Theo đề nghị của Trưởng phòng Nội vụ huyện.__"},
        {"text": "**QUYẾT ĐỊNH:**", "align": "center"},
        f"**Điều 1.** Phát động phong trào thi đua chuyển đổi số trong toàn huyện {d} năm 2024 với chủ "
        "đề “Chuyển đổi số vì người dân, doanh nghiệp”; lựa chọn, vinh danh, khen thưởng các tập thể, cá "
        "nhân điển hình tiên tiến về chuyển đổi số.",
        "**Điều 2.** Phòng Nội vụ chủ trì, phối hợp với Phòng Văn hóa và Thông tin hướng dẫn, theo dõi, "
        "tổng hợp kết quả phong trào thi đua, đề xuất khen thưởng vào dịp tổng kết năm.",
        "**Điều 3.** Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND huyện, "
        "Trưởng phòng Nội vụ, Thủ trưởng các cơ quan, đơn vị và Chủ tịch UBND các xã, thị trấn chịu "
        "trách nhiệm thi hành Quyết định này./.",
    ]
    return doc("QĐ", unit, number, date, title,
               ["Về việc phát động phong trào thi đua", f"chuyển đổi số huyện {d} năm 2024"], body,
               sig(unit, "head"), ["- Như Điều 3;", "- Ban TĐKT tỉnh (b/c);", "- Lưu: VT, NV."],
               preamble=f"CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN {d.upper()}", size=13.0)


# ---------------------------------------------------------------- Biên bản họp

def bb_hop(unit, number, date, hour="14 giờ 00", topic="công tác chuyển đổi số quý II năm 2024",
           extra_paras=0):
    u = UNITS[unit]
    d = u["district"]
    y, m, dd = date
    title = f"Cuộc họp về {topic}"
    body = [
        f"Vào lúc {hour}, ngày {dd:02d}/{m:02d}/{y}, tại Phòng họp UBND huyện {d}, UBND huyện tổ chức "
        f"cuộc họp chuyên đề về {topic}.",
        {"text": "**I. THÀNH PHẦN**"},
        f"- Chủ trì cuộc họp: Ông {u['chair']} - Chủ tịch UBND huyện.",
        f"- Thành viên Tổ công tác chuyển đổi số huyện; lãnh đạo Văn phòng HĐND và UBND huyện, các "
        "phòng: Văn hóa và Thông tin, Nội vụ, Tài chính - Kế hoạch; Chủ tịch UBND các xã, thị trấn.",
        f"- Thư ký: Bà {u['secretary']} - Chuyên viên Văn phòng HĐND và UBND huyện.",
        {"text": "**II. NỘI DUNG**"},
        "1. Trưởng phòng Văn hóa và Thông tin báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số; tình "
        "hình tự đánh giá các chỉ số DTI của huyện; những tồn tại, hạn chế và đề xuất giải pháp.",
        "2. Các đại biểu thảo luận về tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến, việc số hóa kết "
        "quả giải quyết thủ tục hành chính và việc sử dụng chữ ký số trong trao đổi văn bản.",
        {"text": "**III. KẾT LUẬN CỦA CHỦ TRÌ**"},
        f"Chủ tịch UBND huyện {u['chair']} kết luận: giao Phòng Văn hóa và Thông tin hướng dẫn các xã, "
        "thị trấn hoàn thiện tài liệu kiểm chứng; giao Văn phòng HĐND và UBND huyện theo dõi tỷ lệ hồ sơ "
        "trực tuyến hằng tháng; các cơ quan, đơn vị hoàn thành nhiệm vụ được giao đúng thời hạn.",
    ]
    for i in range(extra_paras):
        body.append("Các đại biểu thống nhất đề nghị tăng cường tuyên truyền, hướng dẫn người dân sử dụng "
                    "dịch vụ công trực tuyến, thanh toán trực tuyến; bố trí cán bộ hỗ trợ tại Bộ phận "
                    "một cửa của huyện và các xã, thị trấn.")
    body.append("Cuộc họp kết thúc vào lúc 16 giờ 30 cùng ngày. Biên bản đã được thông qua trước các thành "
                "viên dự họp và thống nhất nội dung./.")
    s = {"lines": [], "name": u["chair"], "secretary": u["secretary"]}
    return doc("BB", unit, number, date, title, [title], body, s, [], size=13.5)


# ---------------------------------------------------------------- Công văn, Thông báo, Báo cáo

def cv(unit, number, date, vv_lines, title, greeting, body, style="deputy", recipients=None, **extra):
    b = [{"text": f"Kính gửi: {greeting}", "align": "center", "gap": 10}] + body
    return doc("CV", unit, number, date, title, [], b, sig(unit, style),
               recipients or ["- Như trên;", "- CT, các PCT UBND huyện;", "- Lưu: VT, VHTT."],
               vv_lines=vv_lines, **extra)


def cv_2391():
    body = [
        "Thực hiện Kế hoạch số 178/KH-UBND ngày 27/10/2024 của UBND huyện về thực hiện đánh giá, xếp "
        "loại mức độ chuyển đổi số của các xã, thị trấn trên địa bàn huyện Trà Bồng năm 2024, UBND "
        "huyện yêu cầu Chủ tịch UBND các xã, thị trấn thực hiện một số nội dung sau:",
        "1. Phân công công chức phụ trách, hoàn thành việc tự đánh giá, chấm điểm và nhập dữ liệu kèm "
        "theo tài liệu kiểm chứng trên Hệ thống đánh giá chuyển đổi số trước ngày 31/10/2024.",
        "2. Tài liệu kiểm chứng phải là văn bản đã được ký ban hành (không sử dụng dự thảo), có số, ký "
        "hiệu, ngày ban hành rõ ràng và thuộc thời gian đánh giá từ ngày 01/01/2024.",
        "3. Chủ tịch UBND các xã, thị trấn chịu trách nhiệm trước Chủ tịch UBND huyện về tính chính xác "
        "của số liệu tự đánh giá của đơn vị mình.",
        "Trong quá trình thực hiện, nếu có vướng mắc, liên hệ Phòng Văn hóa và Thông tin huyện để được "
        "hướng dẫn./.",
    ]
    return cv("TRABONG", "2391/UBND-VHTT", (2024, 10, 28),
              ["V/v triển khai tự đánh giá chỉ số", "chuyển đổi số cấp xã năm 2024"],
              "V/v triển khai tự đánh giá chỉ số chuyển đổi số cấp xã năm 2024",
              "Ủy ban nhân dân các xã, thị trấn", body,
              references=[{"number": "178/KH-UBND", "date": "2024-10-27"}])


def cv_605_sonha():
    body = [
        "Thực hiện Kế hoạch chuyển đổi số huyện Sơn Hà năm 2024, UBND huyện đề nghị các cơ quan, đơn vị "
        "rà soát, giới thiệu cán bộ tham gia kiện toàn Tổ công tác chuyển đổi số của huyện.",
        "Văn bản giới thiệu gửi về Phòng Văn hóa và Thông tin trước ngày 20/4/2024 để tổng hợp, tham mưu "
        "Chủ tịch UBND huyện ban hành quyết định kiện toàn Tổ công tác./.",
    ]
    return cv("SONHA", "605/UBND-VHTT", (2024, 4, 8),
              ["V/v giới thiệu thành viên kiện toàn", "Tổ công tác chuyển đổi số huyện"],
              "V/v giới thiệu thành viên kiện toàn Tổ công tác chuyển đổi số huyện",
              "Các cơ quan, đơn vị thuộc huyện", body)


def tb_96():
    u = UNITS["TRABONG"]
    title = (f"Kết luận của Chủ tịch UBND huyện {u['chair']} tại cuộc họp về công tác chuyển đổi số "
             "6 tháng đầu năm 2024")
    body = [
        f"Ngày 28/6/2024, Chủ tịch UBND huyện {u['chair']} chủ trì cuộc họp nghe báo cáo kết quả thực hiện "
        "công tác chuyển đổi số 6 tháng đầu năm 2024. Tham dự cuộc họp có thành viên Tổ công tác chuyển "
        "đổi số huyện, lãnh đạo các phòng, ban chuyên môn và Chủ tịch UBND các xã, thị trấn. Sau khi nghe "
        "báo cáo và ý kiến của các đại biểu, Chủ tịch UBND huyện kết luận như sau:",
        {"text": "**1. Đánh giá chung**"},
        "Trong 6 tháng đầu năm 2024, các cơ quan, đơn vị đã triển khai các nhiệm vụ chuyển đổi số theo "
        "Kế hoạch của UBND huyện; tỷ lệ văn bản điện tử có chữ ký số đạt 98%; hệ thống quản lý văn bản và "
        "điều hành được sử dụng thường xuyên. Tuy nhiên, tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến "
        "còn thấp; việc số hóa kết quả giải quyết thủ tục hành chính ở một số xã còn chậm; hạ tầng mạng "
        "tại các xã vùng cao chưa ổn định.",
        {"text": "**2. Nhiệm vụ trọng tâm 6 tháng cuối năm 2024**"},
        "a) Phòng Văn hóa và Thông tin: tham mưu UBND huyện ban hành Kế hoạch đánh giá chỉ số chuyển đổi "
        "số cấp xã năm 2024; hướng dẫn các xã chuẩn bị tài liệu kiểm chứng; theo dõi, đôn đốc tiến độ.",
        "b) Văn phòng HĐND và UBND huyện: theo dõi tỷ lệ hồ sơ trực tuyến của huyện và các xã, báo cáo "
        "Chủ tịch UBND huyện hằng tháng; bảo đảm 100% văn bản đi được ký số.",
        "c) Phòng Tài chính - Kế hoạch: cân đối, bố trí kinh phí nâng cấp hạ tầng mạng, trang thiết bị "
        "cho Bộ phận một cửa các xã vùng cao trong năm 2024.",
        "d) UBND các xã, thị trấn: kiện toàn Tổ công nghệ số cộng đồng; đẩy mạnh tuyên truyền, hướng dẫn "
        "người dân sử dụng dịch vụ công trực tuyến và thanh toán không dùng tiền mặt.",
        "Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị, địa phương biết, thực hiện./.",
    ]
    return doc("TB", "TRABONG", "96/TB-UBND", (2024, 7, 2), title,
               [f"Kết luận của Chủ tịch UBND huyện {u['chair']} tại cuộc họp",
                "về công tác chuyển đổi số 6 tháng đầu năm 2024"], body, sig("TRABONG", "tl"),
               ["- CT, các PCT UBND huyện;", "- Các phòng, ban thuộc huyện;", "- UBND các xã, thị trấn;",
                "- Lưu: VT."])


def bc_215():
    u = UNITS["TRABONG"]
    title = "Kết quả tự đánh giá chỉ số chuyển đổi số huyện Trà Bồng năm 2024"
    body = [
        "Thực hiện Công văn số 2325/STTTT ngày 11/10/2024 của Sở Thông tin và Truyền thông, UBND huyện "
        "Trà Bồng báo cáo kết quả tự đánh giá chỉ số chuyển đổi số (DTI) năm 2024 như sau:",
        {"text": "**1. Kết quả tự đánh giá**"},
        "Tổng điểm tự đánh giá của huyện là 812,5/1000 điểm, trong đó: Chính quyền số đạt 421 điểm; "
        "Kinh tế số đạt 203,5 điểm; Xã hội số đạt 188 điểm. Tài liệu kiểm chứng đã được cập nhật đầy đủ "
        "trên Hệ thống đánh giá chuyển đổi số của tỉnh.",
        {"text": "**2. Khó khăn, vướng mắc**"},
        "Hạ tầng viễn thông tại một số xã vùng cao chưa đồng bộ; nguồn nhân lực công nghệ thông tin ở cấp "
        "xã còn thiếu; kinh phí cho chuyển đổi số còn hạn chế.",
        {"text": "**3. Đề xuất, kiến nghị**"},
        "Đề nghị Sở Thông tin và Truyền thông tiếp tục hỗ trợ đào tạo kỹ năng số cho cán bộ, công chức "
        "cấp xã và hướng dẫn cập nhật tài liệu kiểm chứng trên Hệ thống./.",
    ]
    return doc("BC", "TRABONG", "215/BC-UBND", (2024, 11, 5), title,
               ["Kết quả tự đánh giá chỉ số chuyển đổi số", "huyện Trà Bồng năm 2024"], body,
               sig("TRABONG", "head_tm"),
               ["- Sở TT&TT tỉnh Quảng Ngãi;", "- CT, các PCT UBND huyện;", "- Lưu: VT, VHTT."],
               size=13.0)


def bc_text_2023():
    """The already-OCRed text upload: a Báo cáo of 2023 as an OCR engine with Vietnamese gave it."""
    u = UNITS["TRABONG"]
    lines = [
        "ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "HUYỆN TRÀ BỒNG                   Độc lập - Tự do - Hạnh phúc",
        "",
        "Số: 312/BC-UBND              Trà Bồng, ngày 08 tháng 12 năm 2023",
        "",
        "BÁO CÁO",
        "Kết quả thực hiện chuyển đổi số huyện Trà Bồng năm 2023",
        "",
        "Thực hiện Kế hoạch số 57/KH-UBND ngày 05/4/2023 của UBND tỉnh Quảng Ngãi về chuyển đổi số",
        "tỉnh Quảng Ngãi năm 2023, UBND huyện Trà Bồng báo cáo kết quả thực hiện như sau:",
        "",
        "I. KẾT QUẢ THỰC HIỆN",
        "1. Chuyển đổi nhận thức: UBND huyện đã tổ chức 03 hội nghị quán triệt về chuyển đổi số cho",
        "cán bộ chủ chốt của huyện và các xã, thị trấn; 100% xã có Tổ công nghệ số cộng đồng.",
        "2. Hạ tầng số: 100% phòng, ban có mạng LAN; 100% máy tính kết nối Internet.",
        "3. Chính quyền số: 97% văn bản đi được ký số; tỷ lệ hồ sơ trực tuyến đạt 41,2%.",
        "",
        "II. TỒN TẠI, HẠN CHẾ",
        "Tỷ lệ thanh toán trực tuyến còn thấp; hạ tầng mạng ở các xã vùng cao chưa ổn định.",
        "",
        "III. PHƯƠNG HƯỚNG NĂM 2024",
        "Tiếp tục thực hiện các nhiệm vụ chuyển đổi số; phấn đấu nâng hạng chỉ số DTI của huyện./.",
        "",
        "Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN",
        "- Sở TT&TT (b/c);                                    CHỦ TỊCH",
        "- CT, các PCT UBND huyện;",
        "- Lưu: VT.",
        f"                                                {u['chair']}",
    ]
    fields = {"type": "BC", "typeName": "Báo cáo", "number": "312/BC-UBND",
              "issuer": "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG", "parent": None, "place": "Trà Bồng",
              "date": "2023-12-08", "title": "Kết quả thực hiện chuyển đổi số huyện Trà Bồng năm 2023",
              "signer": {"name": u["chair"], "title": "CHỦ TỊCH", "authority": "TM"}, "draft": False}
    return "\n".join(lines) + "\n", fields


# ---------------------------------------------------------------- legacy-encoded (old) documents

def qd_tcvn3():
    """A 2016 decision typed in .VnTime: every capital with a tone mark is avoided (VN3 lacks them)."""
    u = UNITS["TRABONG"]
    title = "Về việc ban hành Quy chế quản lý, sử dụng hệ thống thư điện tử công vụ huyện Trà Bồng"
    body = [
        {"text": "__Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;__"},
        {"text": "__Căn cứ Luật Công nghệ thông tin ngày 29 tháng 6 năm 2006;__"},
        {"text": "__Căn cứ Quyết định số 2150/QĐ-UBND ngày 12/5/2016 của Uỷ ban nhân dân tỉnh Quảng Ngãi "
                 "về việc ban hành Quy chế quản lý hệ thống thư điện tử;__"},
        {"text": "__Xét đề nghị của Trưởng phòng Văn hoá và Thông tin huyện,__"},
        {"text": "**QUYẾT ĐỊNH:**", "align": "center"},
        "**Điều 1.** Ban hành kèm theo Quyết định này Quy chế quản lý, sử dụng hệ thống thư điện tử công "
        "vụ huyện Trà Bồng.",
        "**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND huyện, "
        "Trưởng phòng Văn hoá và Thông tin, Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm "
        "thi hành Quyết định này./.",
    ]
    s = {"lines": ["TM. UỶ BAN NHÂN DÂN", "CHỦ TỊCH"], "name": "Đinh Văn Ba"}
    d = doc("QĐ", "TRABONG", "1385/QĐ-UBND", (2016, 8, 15), title,
            ["Về việc ban hành Quy chế quản lý, sử dụng hệ thống", "thư điện tử công vụ huyện Trà Bồng"],
            body, s, ["- Như Điều 2;", "- Lưu: VT."], issuer_lines=["UỶ BAN NHÂN DÂN", "HUYỆN TRÀ BỒNG"],
            issuer="ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG",
            preamble="UỶ BAN NHÂN DÂN HUYỆN TRÀ BỒNG", size=13.5)
    return d


def cv_vni():
    u = UNITS["TRABONG"]
    body = [
        "Thực hiện chỉ đạo của Uỷ ban nhân dân tỉnh về ứng dụng công nghệ thông tin trong hoạt động của "
        "cơ quan nhà nước năm 2012, Uỷ ban nhân dân huyện Trà Bồng đề nghị các cơ quan, đơn vị thực hiện "
        "một số nội dung sau:",
        "1. Sử dụng hộp thư điện tử công vụ để trao đổi văn bản, tài liệu trong công việc; không sử dụng "
        "hộp thư cá nhân để gửi văn bản của cơ quan.",
        "2. Báo cáo kết quả ứng dụng công nghệ thông tin 6 tháng đầu năm 2012 về Phòng Văn hoá và Thông tin "
        "trước ngày 15/6/2012 để tổng hợp./.",
    ]
    d = cv("TRABONG", "415/UBND-VX", (2012, 5, 21),
           ["V/v đẩy mạnh sử dụng hộp thư", "điện tử công vụ"],
           "V/v đẩy mạnh sử dụng hộp thư điện tử công vụ",
           "Các cơ quan, đơn vị thuộc huyện", body, style="deputy",
           issuer_lines=["UỶ BAN NHÂN DÂN", "HUYỆN TRÀ BỒNG"], issuer="ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG")
    d["signature"] = {"lines": ["TM. UỶ BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "name": "Hồ Văn Niên"}
    d["fields"]["signer"] = signer_fields(d["signature"])
    return d
