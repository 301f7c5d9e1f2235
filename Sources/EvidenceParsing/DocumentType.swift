import EvidenceModel

/// The document types of Decree 30/2020/NĐ-CP, Appendix III: abbreviation and name.
struct DocumentType: Sendable {
    var code: String
    var name: String
    /// Skeleton of the folded upper-case name, for OCR-tolerant matching of the type line.
    var skeleton: String

    init(_ code: String, _ name: String) {
        self.code = code
        self.name = name
        self.skeleton = Skeleton.of(FastFold.key(name))
    }

    static let all: [DocumentType] = [
        .init("NQ", "Nghị quyết"), .init("QĐ", "Quyết định"), .init("CT", "Chỉ thị"),
        .init("QC", "Quy chế"), .init("QyĐ", "Quy định"), .init("TC", "Thông cáo"),
        .init("TB", "Thông báo"), .init("HD", "Hướng dẫn"), .init("CTr", "Chương trình"),
        .init("KH", "Kế hoạch"), .init("PA", "Phương án"), .init("ĐA", "Đề án"),
        .init("DA", "Dự án"), .init("BC", "Báo cáo"), .init("BB", "Biên bản"),
        .init("TTr", "Tờ trình"), .init("HĐ", "Hợp đồng"), .init("CĐ", "Công điện"),
        .init("BGN", "Bản ghi nhớ"), .init("BTT", "Bản thỏa thuận"), .init("GUQ", "Giấy ủy quyền"),
        .init("GM", "Giấy mời"), .init("GGT", "Giấy giới thiệu"), .init("GNP", "Giấy nghỉ phép"),
        .init("PG", "Phiếu gửi"), .init("PC", "Phiếu chuyển"), .init("PB", "Phiếu báo"),
    ]
    static let congVan = DocumentType("CV", "Công văn")

    private static let bySkeleton: [String: DocumentType] = {
        var map = [String: DocumentType]()
        for type in all { map[type.skeleton] = type }
        // Spellings seen in headers: 'Bản thoả thuận', 'Giấy uỷ quyền' fold the same; 'Quy chế' / 'Qui chế'.
        map[Skeleton.of("QUI CHE")] = all.first { $0.code == "QC" }
        map[Skeleton.of("QUI DINH")] = all.first { $0.code == "QyĐ" }
        return map
    }()
    private static let byCode: [String: DocumentType] = {
        var map = [String: DocumentType]()
        for type in all { map[FastFold.key(type.code)] = type }
        return map
    }()

    /// The type whose name is exactly this skeleton.
    static func named(skeleton: String) -> DocumentType? { bySkeleton[skeleton] }

    /// The type of a symbol part ('KH', 'QĐ'); folded comparison.
    static func coded(_ code: String) -> DocumentType? {
        let key = FastFold.key(code)
        if key == "QYD" { return all.first { $0.code == "QyĐ" } }
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
