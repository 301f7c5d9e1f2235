"""The (fictitious) people of the real units the samples speak for. All names are invented."""

PROVINCE = "Quảng Ngãi"

UNITS = {
    "TRABONG": {
        "code": "H-TRABONG", "district": "Trà Bồng", "place": "Trà Bồng",
        "issuer": "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG", "lines": ["ỦY BAN NHÂN DÂN", "HUYỆN TRÀ BỒNG"],
        "chair": "Đinh Công Thạnh", "deputy": "Võ Thị Ngọc Hà", "secretary": "Nguyễn Thị Mỹ Duyên",
        "office_head": "Trần Minh Tâm", "culture_head": "Hồ Văn Lực",
        "communes": "Trà Phú, Trà Bình, Trà Giang, Trà Tân, Trà Sơn, Trà Thủy",
    },
    "SONTAY": {
        "code": "H-SONTAY", "district": "Sơn Tây", "place": "Sơn Tây",
        "issuer": "ỦY BAN NHÂN DÂN HUYỆN SƠN TÂY", "lines": ["ỦY BAN NHÂN DÂN", "HUYỆN SƠN TÂY"],
        "chair": "Đinh Văn Lâm", "deputy": "Trần Quốc Việt", "secretary": "Phạm Thị Thu Hiền",
        "office_head": "Lê Văn Cường", "culture_head": "Đinh Thị Hoa",
        "communes": "Sơn Dung, Sơn Mùa, Sơn Liên, Sơn Tân, Sơn Màu",
    },
    "SONHA": {
        "code": "H-SONHA", "district": "Sơn Hà", "place": "Sơn Hà",
        "issuer": "ỦY BAN NHÂN DÂN HUYỆN SƠN HÀ", "lines": ["ỦY BAN NHÂN DÂN", "HUYỆN SƠN HÀ"],
        "chair": "Phạm Văn Sở", "deputy": "Lê Hữu Nghĩa", "secretary": "Đinh Thị Kiều Oanh",
        "office_head": "Nguyễn Văn Khánh", "culture_head": "Trương Thị Mai",
        "communes": "Sơn Thành, Sơn Hạ, Sơn Nham, Sơn Giang, Sơn Linh",
    },
    "BATO": {
        "code": "H-BATO", "district": "Ba Tơ", "place": "Ba Tơ",
        "issuer": "ỦY BAN NHÂN DÂN HUYỆN BA TƠ", "lines": ["ỦY BAN NHÂN DÂN", "HUYỆN BA TƠ"],
        "chair": "Phạm Thanh Tùng", "deputy": "Đinh Thị Hồng Nhung", "secretary": "Võ Minh Trí",
        "office_head": "Huỳnh Văn Phước", "culture_head": "Phạm Thị Lệ",
        "communes": "Ba Động, Ba Thành, Ba Vì, Ba Tiêu, Ba Xa",
    },
}

# Units of the verdicts corpus (issue 11): more real districts (and a town) of Quảng Ngãi.
def _district(code, name, place, chair, deputy, secretary, office_head, culture_head, kind="HUYỆN"):
    return {
        "code": code, "district": name, "place": place,
        "issuer": f"ỦY BAN NHÂN DÂN {kind} {name.upper()}", "lines": ["ỦY BAN NHÂN DÂN", f"{kind} {name.upper()}"],
        "chair": chair, "deputy": deputy, "secretary": secretary, "office_head": office_head,
        "culture_head": culture_head, "communes": "các xã, thị trấn",
    }


UNITS.update({
    "NGHIAHANH": _district("H-NGHIAHANH", "Nghĩa Hành", "Nghĩa Hành", "Tạ Hồng Thuận", "Lê Thị Bích Lực",
                           "Nguyễn Văn Lực", "Phan Thanh Bình", "Võ Thị Thu Trang"),
    "MODUC": _district("H-MODUC", "Mộ Đức", "Mộ Đức", "Trương Công Hiếu", "Nguyễn Thị Kim Oanh",
                       "Lê Văn Sang", "Đỗ Minh Quân", "Huỳnh Thị Nga"),
    "BINHSON": _district("H-BINHSON", "Bình Sơn", "Bình Sơn", "Võ Văn Đức", "Phạm Quốc Hưng",
                         "Trần Thị Mỹ Lệ", "Nguyễn Tấn Lộc", "Đặng Thị Hạnh"),
    "SONTINH": _district("H-SONTINH", "Sơn Tịnh", "Sơn Tịnh", "Lê Minh Tuấn", "Phạm Thị Hồng Vân",
                         "Bùi Thị Ngọc Ánh", "Trịnh Văn Tài", "Lê Văn Khoa"),
    "TUNGHIA": _district("H-TUNGHIA", "Tư Nghĩa", "Tư Nghĩa", "Huỳnh Văn Thạnh", "Nguyễn Đình Khôi",
                         "Võ Thị Mỹ Hạnh", "Phạm Văn Thành", "Trần Thị Diệu"),
    "MINHLONG": _district("H-MINHLONG", "Minh Long", "Minh Long", "Đinh Văn Hội", "Phạm Thị Thúy",
                          "Đinh Thị Mai", "Lê Văn Phúc", "Đinh Văn Xuân"),
    "LYSON": _district("H-LYSON", "Lý Sơn", "Lý Sơn", "Phạm Thị Hương", "Võ Văn Thi",
                       "Nguyễn Thị Hồng Nhi", "Trần Văn Nam", "Lê Thị Sương"),
    "DUCPHO": _district("TX-DUCPHO", "Đức Phổ", "Đức Phổ", "Nguyễn Tấn Mận", "Trần Công Phúc",
                        "Phạm Thị Thanh Tâm", "Lê Quang Huy", "Võ Thị Kim Liên", kind="THỊ XÃ"),
})
