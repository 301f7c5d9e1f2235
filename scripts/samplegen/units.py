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
