import Foundation
import EvidenceModel

/// Decree 30/2020/NĐ-CP (Phụ lục III) abbreviations of administrative document types, plus "CV"
/// for a công văn, which the decree writes without one.
public enum DocumentType {
    public static let decree30: [(abbreviation: String, name: String)] = [
        ("NQ", "Nghị quyết"), ("QĐ", "Quyết định"), ("CT", "Chỉ thị"), ("QC", "Quy chế"),
        ("QYĐ", "Quy định"), ("TC", "Thông cáo"), ("TB", "Thông báo"), ("HD", "Hướng dẫn"),
        ("CTr", "Chương trình"), ("KH", "Kế hoạch"), ("PA", "Phương án"), ("ĐA", "Đề án"),
        ("DA", "Dự án"), ("BC", "Báo cáo"), ("BB", "Biên bản"), ("TTr", "Tờ trình"),
        ("HĐ", "Hợp đồng"), ("CĐ", "Công điện"), ("BGN", "Bản ghi nhớ"), ("BTT", "Bản thỏa thuận"),
        ("GUQ", "Giấy ủy quyền"), ("GM", "Giấy mời"), ("GGT", "Giấy giới thiệu"), ("GNP", "Giấy nghỉ phép"),
        ("PG", "Phiếu gửi"), ("PC", "Phiếu chuyển"), ("PB", "Phiếu báo"), ("CV", "Công văn"),
    ]

    /// The canonical abbreviation for a spelling ("qđ", "QD" → "QĐ"); nil when unknown.
    /// 'ĐA' (đề án) and 'DA' (dự án) fold alike: the exact spelling wins, else the first.
    public static func canonical(_ abbreviation: String) -> String? {
        let trimmed = abbreviation.trimmingCharacters(in: .whitespaces)
        if let exact = decree30.first(where: { $0.abbreviation.uppercased() == trimmed.uppercased() }) {
            return exact.abbreviation
        }
        return decree30.first(where: { $0.abbreviation.folded == trimmed.folded })?.abbreviation
    }

    public static func name(of abbreviation: String) -> String? {
        guard let canonical = canonical(abbreviation) else { return nil }
        return decree30.first(where: { $0.abbreviation == canonical })?.name
    }
}
