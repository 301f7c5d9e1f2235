import EvidenceModel

/// Parts of a number's symbol ('QĐ', 'UBND', 'HĐCĐS', ...) as printed. OCR turns 'Đ' into 'D', 'P' or
/// 'b': a part is restored only when its OCR skeleton meets exactly one entry here, so nothing is
/// invented.
enum SymbolVocabulary {
    static let parts: [String] = DocumentType.decree30.map(\.code) + [
        // Legal documents cited in 'Căn cứ' lines: decrees, circulars, joint circulars, laws.
        "NĐ", "TT", "TTLT", "L",
        // Bodies and offices.
        "UBND", "HĐND", "TU", "HU", "ĐU", "BCĐ", "HĐCĐS", "BCĐCĐS", "CĐS", "VP", "VPUB", "VPCP", "VPQH",
        "TTg", "CP", "BTTTT", "STTTT", "BNV", "SNV", "BTC", "STC", "BKHĐT", "SKHĐT", "BCA", "BQP",
        "BGDĐT", "SGDĐT", "BYT", "SYT", "BTP", "STP", "BXD", "SXD", "BCT", "SCT", "BNNPTNT", "SNNPTNT",
        "BTNMT", "STNMT", "BLĐTBXH", "SLĐTBXH", "BVHTTDL", "SVHTTDL", "BKHCN", "SKHCN", "BGTVT", "SGTVT",
        "BNG", "TTCP", "KTNN", "NHNN", "BHXH", "CNTT", "CCHC", "QLDN", "TCCB", "TCCV", "VX", "KT", "KTTH",
        "NC", "TH", "VHTT", "VHXH", "TCKH", "KTHT", "NV", "TP", "TNMT", "LĐTBXH", "GDĐT", "YT", "VHTTDL",
        "VHTTTT", "VHTTTTDL", "TTTT", "TTr", "TCT", "CAT", "CAH", "MTTQ", "HND", "HPN", "ĐTN", "LĐLĐ",
        "QLVB", "BCĐCCHC", "ĐB", "ĐBQH", "THA", "TA", "VKS", "TCT", "CTN", "TTHC", "KSTT", "PCTT",
    ]

    /// Skeleton (D, Đ, P and lower-case b merged) → the one entry with it, or nil when ambiguous.
    private static let bySkeleton: [String: String?] = {
        var map = [String: String?]()
        for part in parts {
            let key = skeleton(part)
            if let existing = map[key], existing != part { map[key] = .some(nil) } else { map[key] = part }
        }
        return map
    }()
    private static let exact: [String: String] = {
        var map = [String: String]()
        for part in parts { map[part.uppercased()] = part }
        return map
    }()

    static func skeleton(_ part: String) -> String {
        var out = ""
        for character in part {
            switch character {
            case "Đ", "đ", "Ð", "D", "P", "b": out.append("D")
            case "0": out.append("O")
            default: out.append(Character(character.uppercased()))
            }
        }
        return out
    }

    /// The part as the vocabulary spells it; nil when unknown or ambiguous.
    static func restore(_ part: String) -> String? {
        if let known = exact[part.uppercased()] { return known }
        if let candidate = bySkeleton[skeleton(part)], let known = candidate { return known }
        return nil
    }
}
