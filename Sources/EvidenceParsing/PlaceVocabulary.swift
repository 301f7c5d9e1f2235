import EvidenceModel

/// Names of provinces and centrally-run cities, to restore diacritics in issuers and places.
/// District and commune names are too many and too ambiguous without marks: they stay as read.
enum PlaceVocabulary {
    static let names: [String] = [
        "Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "An Giang", "Bà Rịa - Vũng Tàu",
        "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước",
        "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp",
        "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang", "Hòa Bình", "Hưng Yên",
        "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An",
        "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam",
        "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình",
        "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long",
        "Vĩnh Phúc", "Yên Bái",
    ]

    private static let entries: [(keys: [String], words: [String])] = {
        names.map { name in
            let words = name.split(separator: " ").map(String.init)
            return (words.map { Skeleton.of(FastFold.key($0)) }, words)
        }.sorted { $0.keys.count > $1.keys.count }
    }()

    /// The longest place name the words start with (folded comparison), upper-cased, and how many words
    /// it took.
    static func restore(_ words: ArraySlice<Substring>, skeletons: ArraySlice<String>) -> (words: [String], count: Int)? {
        guard let first = skeletons.first, firstSkeletons.contains(first),
              let (entry, count) = matchSkeletons(Array(skeletons.prefix(4))) else {
            return nil
        }
        var restored = entry.map { $0.uppercased() }
        if let last = words[words.startIndex + count - 1].last, [",", ";"].contains(last) { restored[restored.count - 1].append(last) }
        return (restored, count)
    }

    /// The place name spelt by exactly these keys, in title case.
    static func name(forKeys keys: [String]) -> String? {
        guard let (entry, count) = match(keys), count == keys.count else { return nil }
        return entry.joined(separator: " ")
    }

    private static let firstSkeletons: Set<String> = Set(entries.compactMap(\.keys.first))

    private static func match(_ keys: [String]) -> ([String], Int)? {
        matchSkeletons(keys.map { Skeleton.of($0) })
    }

    /// Entries by their first word's skeleton, longest first.
    private static let byFirst: [String: [(keys: [String], words: [String])]] =
        Dictionary(grouping: entries, by: { $0.keys[0] })

    private static func matchSkeletons(_ keys: [String]) -> ([String], Int)? {
        guard let first = keys.first, let candidates = byFirst[first] else { return nil }
        for entry in candidates where entry.keys.count <= keys.count {
            if keys[0..<entry.keys.count].elementsEqual(entry.keys) { return (entry.words, entry.keys.count) }
        }
        return nil
    }
}
