/// The words government bodies' names are made of, folded (no diacritics, upper-case): the one list
/// parsing (a header's issuer, a bundle's next document) and verification (a certificate's body, two
/// bodies compared) read (issue 19). `AdministrativeVocabulary` in parsing keeps the same words with
/// their diacritics, for restoring what OCR lost.
package enum BodyWords {
    /// Organs, as their names begin: 'ỦY BAN NHÂN DÂN …', 'SỞ …', 'TRUNG TÂM …', 'TỈNH ỦY …'.
    package static let organs: [String] = [
        "UY BAN", "UBND", "HOI DONG", "HDND", "SO", "BO", "CUC", "CHI CUC", "TONG CUC", "VAN PHONG", "PHONG",
        "BAN", "BAN CHI DAO", "BAN QUAN LY", "TRUNG TAM", "TO", "CONG TY", "TRUONG", "DANG", "DOAN", "MAT TRAN",
        "BENH VIEN", "KHO BAC", "BAO HIEM", "DAI", "VIEN", "NGAN HANG", "TINH UY", "HUYEN UY", "THANH UY",
    ]

    /// Each organ's first word: a header line starting with one may name the issuer.
    package static let organFirstWords: Set<String> = Set(organs.compactMap { $0.split(separator: " ").first.map(String.init) })

    /// Organs of one word whose word is also a family name (Tô, Trương, Đặng, Đoàn, Đái): alone,
    /// the first word of a person's name as much as of a body's.
    package static let organsThatAreSurnames: Set<String> = ["TO", "TRUONG", "DANG", "DOAN", "DAI"]

    /// Localities, as a body's name ends with them ('UBND HUYỆN …'), abbreviations too.
    package static let localities: Set<String> = ["TINH", "THANH PHO", "HUYEN", "QUAN", "THI XA", "XA", "PHUONG", "THI TRAN", "TP", "TP."]

    /// Abbreviations written out, so 'UBND HUYỆN X' equals 'ỦY BAN NHÂN DÂN HUYỆN X'.
    package static let abbreviations: [String: [String]] = [
        "UBND": ["UY", "BAN", "NHAN", "DAN"],
        "HDND": ["HOI", "DONG", "NHAN", "DAN"],
        "UBMTTQ": ["UY", "BAN", "MAT", "TRAN", "TO", "QUOC"],
        "TP": ["THANH", "PHO"],
        "TX": ["THI", "XA"],
    ]

    /// Whether a folded line begins with an organ's name: a phrase or an abbreviation as written
    /// ('UBND' also glued to what follows, as OCR gives it), a single word followed by a space
    /// ('BAN ' but not 'BẢNG').
    package static func startsWithOrgan(_ line: String) -> Bool {
        organs.contains { organ in
            line.hasPrefix(organ) && (organ.contains(" ") || abbreviations[organ] != nil || line.dropFirst(organ.count).first == " ")
        }
    }
}
