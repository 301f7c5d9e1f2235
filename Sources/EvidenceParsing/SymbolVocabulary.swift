import EvidenceModel

/// Parts of a number's symbol ('QĐ', 'UBND', 'HĐCĐS', ...) as printed (`DocumentNumber.symbolParts`).
/// OCR turns 'Đ' into 'D', 'Ð', 'P' or 'b' (`OCRConfusion.table`, its restoring rows): a part is
/// restored only when its OCR skeleton meets exactly one entry, so nothing is invented.
enum SymbolVocabulary {
    static var parts: [String] { DocumentNumber.symbolParts }

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

    /// The restoring confusions of `OCRConfusion.table` merged: 'Qb', 'QD' and 'QÐ' are 'QD'.
    static func skeleton(_ part: String) -> String { OCRConfusion.restoringSkeleton(part) }

    /// The part as the vocabulary spells it; nil when unknown or ambiguous.
    static func restore(_ part: String) -> String? {
        if let known = exact[part.uppercased()] { return known }
        if let candidate = bySkeleton[skeleton(part)], let known = candidate { return known }
        return nil
    }
}
