import EvidenceModel

/// Words of bodies' names and signers' titles with their diacritics, to restore what OCR lost.
/// Entries are phrases: a phrase is restored only when the folded words match it whole, so an
/// ambiguous single word ('BAN', 'HOA', 'SO') is restored only inside a phrase that decides it.
enum AdministrativeVocabulary {
    static let phrases: [String] = [
        "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "ĐẢNG BỘ", "ĐẢNG CỘNG SẢN VIỆT NAM", "UBND", "HĐND", "ĐẢNG ỦY", "TỈNH ỦY", "THÀNH ỦY", "HUYỆN ỦY",
        "THỊ ỦY", "QUẬN ỦY", "MẶT TRẬN TỔ QUỐC", "THÀNH PHỐ", "HUYỆN", "TỈNH", "QUẬN", "THỊ XÃ", "THỊ TRẤN",
        "XÃ", "PHƯỜNG", "ĐẶC KHU", "SỞ", "BỘ", "CỤC", "CHI CỤC", "TỔNG CỤC", "VĂN PHÒNG", "PHÒNG", "BAN",
        "BAN CHỈ ĐẠO", "BAN QUẢN LÝ", "HỘI ĐỒNG", "TRUNG TÂM", "TỔ CÔNG TÁC", "TỔ", "CÔNG AN", "TRƯỜNG",
        "THÔNG TIN VÀ TRUYỀN THÔNG", "NỘI VỤ", "TÀI CHÍNH", "KẾ HOẠCH VÀ ĐẦU TƯ", "TƯ PHÁP", "XÂY DỰNG",
        "GIÁO DỤC VÀ ĐÀO TẠO", "Y TẾ", "CÔNG THƯƠNG", "NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN",
        "NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "TÀI NGUYÊN VÀ MÔI TRƯỜNG", "LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
        "LAO ĐỘNG THƯƠNG BINH VÀ XÃ HỘI", "VĂN HÓA", "VĂN HÓA VÀ THÔNG TIN", "VĂN HÓA, THỂ THAO VÀ DU LỊCH",
        "VĂN HÓA - THÔNG TIN", "KHOA HỌC VÀ CÔNG NGHỆ", "KHOA HỌC, CÔNG NGHỆ VÀ CHUYỂN ĐỔI SỐ",
        "GIAO THÔNG VẬN TẢI", "KINH TẾ", "KINH TẾ VÀ HẠ TẦNG", "KINH TẾ - HẠ TẦNG", "TÀI CHÍNH - KẾ HOẠCH",
        "CHUYỂN ĐỔI SỐ", "CẢI CÁCH HÀNH CHÍNH", "NHÂN DÂN", "ĐỒNG", "VÀ", "CỦA", "CẤP", "THÔNG TIN",
        "TRUYỀN THÔNG", "DU LỊCH", "THỂ THAO", "QUẢN LÝ", "ĐÔ THỊ", "DÂN TỘC", "THANH TRA", "HÀNH CHÍNH",
        "CÔNG", "DỊCH VỤ", "HỘI NÔNG DÂN", "HỘI LIÊN HIỆP PHỤ NỮ", "ĐOÀN THANH NIÊN", "BỘ CHỈ HUY QUÂN SỰ",
        "BỆNH VIỆN", "ĐÀI", "PHÁT THANH", "TRUYỀN HÌNH", "BẢO HIỂM XÃ HỘI", "KHO BẠC NHÀ NƯỚC", "NHÀ NƯỚC",
        "THẨM ĐỊNH", "ĐÁNH GIÁ", "CHỈ SỐ", "ĐIỀU HÀNH", "CHÍNH PHỦ", "THỦ TƯỚNG", "NGHỊ QUYẾT",
    ]

    /// Signers' titles, longest first so 'PHÓ CHỦ TỊCH' wins over 'CHỦ TỊCH'.
    static let titles: [String] = [
        "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "PHÓ CHÁNH VĂN PHÒNG", "PHÓ GIÁM ĐỐC", "PHÓ CHỦ TỊCH", "PHÓ TRƯỞNG PHÒNG",
        "PHÓ TRƯỞNG BAN", "PHÓ CHÁNH THANH TRA", "PHÓ CỤC TRƯỞNG", "PHÓ CHI CỤC TRƯỞNG", "PHÓ BÍ THƯ",
        "PHÓ THỦ TƯỚNG", "THỨ TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "PHÓ TỔNG CỤC TRƯỞNG", "PHÓ VIỆN TRƯỞNG",
        "CHÁNH VĂN PHÒNG", "CHÁNH THANH TRA", "GIÁM ĐỐC", "CHỦ TỊCH", "TRƯỞNG PHÒNG", "TRƯỞNG BAN",
        "CỤC TRƯỞNG", "CHI CỤC TRƯỞNG", "TỔNG CỤC TRƯỞNG", "BÍ THƯ", "BỘ TRƯỞNG", "THỦ TƯỚNG", "HIỆU TRƯỞNG",
        "VIỆN TRƯỞNG", "TỔ TRƯỞNG", "TỔ PHÓ", "CHỦ TRÌ", "CHỦ TỌA", "CHỦ TOẠ", "THƯ KÝ", "NGƯỜI GHI BIÊN BẢN",
        "THỦ TRƯỞNG", "TRƯỞNG CÔNG AN", "CHỈ HUY TRƯỞNG", "KẾ TOÁN TRƯỞNG", "PHÓ TRƯỞNG CÔNG AN",
    ]

    /// Common family names, folded: a name in a merged line starts with one of them.
    static let surnames: Set<String> = [
        "NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "HUYNH", "PHAN", "VU", "VO", "DANG", "BUI", "DO", "HO", "NGO",
        "DUONG", "LY", "HA", "DINH", "DAO", "DOAN", "LUONG", "TRINH", "MAI", "CAO", "LAM", "TA", "VUONG",
        "TRUONG", "CHAU", "PHUNG", "THAI", "KIEU", "QUACH", "DAM", "LAI", "LUU", "KHUAT", "LUC", "NONG",
        "TANG", "THACH", "NINH", "TIEU", "TRIEU", "KHUONG", "NGHIEM", "PHI", "BACH", "BANH", "DIEP", "HUA",
        "KHONG", "KHUC", "LANG", "THIEU", "UONG", "GIAP", "LAU", "MAC", "VIEN",
]

    static let commonSurnames: Set<String> = ["NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "HUYNH", "PHAN", "VU", "VO",
                                              "DANG", "BUI", "DO", "HO", "NGO", "DUONG", "LY"]

    /// Name syllables with one usual spelling in names: restored when OCR lost the marks. An
    /// ambiguous one ('HAI': Hai, Hải) is not here and stays as read.
    static let nameSyllables: [String: String] = {
        var map = [String: String]()
        var ambiguous = Set<String>()
        for word in ["Nguyễn", "Trần", "Phạm", "Hoàng", "Huỳnh", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
                     "Dương", "Lý", "Đinh", "Đào", "Đoàn", "Lương", "Trịnh", "Tạ", "Vương", "Trương", "Châu",
                     "Phùng", "Kiều", "Hà", "Quách", "Đàm", "Lại", "Văn", "Thị", "Xuân", "Minh", "Quốc", "Hữu", "Đức",
                     "Thế", "Công", "Trọng", "Quang", "Thanh", "Tuấn", "Dũng", "Hùng", "Cường", "Thắng",
                     "Phương", "Hương", "Hường", "Nguyệt", "Tuyết", "Huệ", "Thúy", "Nhung", "Trung", "Hiếu",
                     "Nghĩa", "Phúc", "Lộc", "Thịnh", "Vinh", "Khánh", "Trường", "Thủy", "Huyền", "Quyết",
                     "Khoa", "Việt", "Đông", "Kiên", "Tiến", "Thuận", "Hưng", "Quyền", "Thiện", "Chiến", "Anh",
                     "Tùng", "Long", "Sơn", "Phong", "Bình", "Hiền", "Tâm", "Thảo", "Trang", "Ngọc",
                     "Kim", "Lan", "Hồng", "Diệu", "Mỹ", "Thu", "Hạnh", "Mạnh", "Hiệp", "Hoài",
                     "Đạt", "Tài", "Thành", "Trí", "Nhân", "Triều", "Đăng", "Bảo", "Duy", "Toàn"] {
            let key = FastFold.key(word)
            // Two spellings under one key ('Hùng', 'Hưng'): ambiguous, so neither is restored.
            if let existing = map[key], existing != word { ambiguous.insert(key) }
            map[key] = word
        }
        for key in ambiguous { map.removeValue(forKey: key) }
        return map
    }()

    private static let phraseEntries: [(keys: [String], words: [Substring])] = {
        phrases.map { phrase in
            let words = phrase.split(separator: " ")
            return (words.map { Skeleton.of(FastFold.key($0)) }, words)
        }.sorted { $0.keys.count > $1.keys.count }
    }()
    /// Phrases by their first word's skeleton, longest first.
    private static let byFirstWord: [String: [(keys: [String], words: [Substring])]] =
        Dictionary(grouping: phraseEntries, by: { $0.keys[0] })

    /// Restores the diacritics of upper-case body words. Returns the words and how many of them
    /// could not be restored though they carry no diacritics (place names, unknown words).
    static func restoreUpper(_ words: [Substring]) -> (words: [String], unknown: Int) {
        // Skeletons, so 'HOI PONG' (Đ read 'P') still meets 'HỘI ĐỒNG'.
        let keys = words.map { Skeleton.of(FastFold.key($0.trimmingCharacters(in: [",", ";", "."]))) }
        var out = [String]()
        var unknown = 0
        var index = 0
        while index < words.count {
            var matched = false
            if let candidates = byFirstWord[keys[index]] {
                for entry in candidates where entry.keys.count <= words.count - index {
                    if keys[index..<index + entry.keys.count].elementsEqual(entry.keys) {
                        out.append(contentsOf: entry.words.map(String.init))
                        // Keep the punctuation that followed the last word.
                        if let last = words[index + entry.keys.count - 1].last, [",", ";"].contains(last) {
                            out[out.count - 1].append(last)
                        }
                        index += entry.keys.count
                        matched = true
                        break
                    }
                }
            }
            if !matched {
                let word = words[index]
                if let place = PlaceVocabulary.restore(words[index...], skeletons: keys[index...]) {
                    out.append(contentsOf: place.words)
                    index += place.count
                    continue
                }
                if word.allSatisfy({ $0.isASCII }) && word.contains(where: \.isLetter) { unknown += 1 }
                out.append(String(word).uppercased())
                index += 1
            }
        }
        return (out, unknown)
    }
}
