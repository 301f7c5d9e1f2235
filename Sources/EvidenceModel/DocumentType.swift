import Foundation

/// An administrative document type: its abbreviation in a number's symbol and its name.
/// The one table of them (Decree 30/2020/NĐ-CP, Appendix III, plus the công văn).
package struct DocumentType: Hashable, Sendable {
    /// As Decree 30 writes it: "QĐ", "QyĐ", "TTr"; "CV" for a công văn, which has none there.
    package let code: String
    /// With diacritics: "Quyết định".
    package let name: String

    package init(_ code: String, _ name: String) { self.code = code; self.name = name }

    /// The types of Decree 30, Appendix III, in its order.
    package static let decree30: [DocumentType] = [
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
    /// A công văn: an official letter, numbered with the issuer's symbol only ('575/UBND-KTTH').
    package static let congVan = DocumentType("CV", "Công văn")
    package static let all = decree30 + [congVan]

    /// The canonical code for a spelling ("qđ", "QD", "QYĐ" → "QĐ", "QyĐ"); nil when unknown.
    /// 'ĐA' (đề án) and 'DA' (dự án) fold alike: the exact spelling wins, else the first.
    package static func canonical(_ abbreviation: String) -> String? {
        let trimmed = abbreviation.trimmingCharacters(in: .whitespaces)
        if let exact = all.first(where: { $0.code.uppercased() == trimmed.uppercased() }) { return exact.code }
        return all.first(where: { $0.code.folded == trimmed.folded })?.code
    }

    /// The name of a type given by any spelling of its code.
    package static func name(of abbreviation: String) -> String? {
        guard let code = canonical(abbreviation) else { return nil }
        return all.first(where: { $0.code == code })?.name
    }
}
