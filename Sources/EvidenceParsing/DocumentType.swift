import EvidenceModel

/// The parser's lookups of the Decree 30 types (the table is `EvidenceModel.DocumentType`): by the
/// OCR skeleton of a type line and by a symbol part.
extension DocumentType {
    /// Skeleton of the folded upper-case name, for OCR-tolerant matching of the type line.
    var skeleton: String { Skeleton.of(FastFold.key(name)) }

    private static let bySkeleton: [String: DocumentType] = {
        var map = [String: DocumentType]()
        for type in decree30 { map[type.skeleton] = type }
        // Spellings seen in headers: 'Bản thoả thuận', 'Giấy uỷ quyền' fold the same; 'Quy chế' / 'Qui chế'.
        map[Skeleton.of("QUI CHE")] = decree30.first { $0.code == "QC" }
        map[Skeleton.of("QUI DINH")] = decree30.first { $0.code == "QyĐ" }
        return map
    }()
    private static let byCode: [String: DocumentType] = {
        var map = [String: DocumentType]()
        for type in decree30 { map[FastFold.key(type.code)] = type }
        return map
    }()

    /// The type whose name is exactly this skeleton.
    static func named(skeleton: String) -> DocumentType? { bySkeleton[skeleton] }

    /// The type of a symbol part ('KH', 'QĐ'); folded comparison.
    static func coded(_ code: String) -> DocumentType? {
        let key = FastFold.key(code)
        if key == "QYD" { return decree30.first { $0.code == "QyĐ" } }
        return byCode[key]
    }

    /// The longest name among the first tokens of a line, as a count of tokens.
    static func prefix(of skeletons: [String]) -> (DocumentType, Int)? {
        for count in stride(from: min(4, skeletons.count), through: 2, by: -1) {
            if let type = bySkeleton[skeletons[0..<count].joined(separator: " ")] { return (type, count) }
        }
        return nil
    }
}
