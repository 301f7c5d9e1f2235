import Foundation
import EvidenceModel

/// Vietnamese wording of flags for appraisers, and the small formats they use.
enum FlagText {
    /// "3", "0,5": Vietnamese decimal comma.
    static func points(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text.replacingOccurrences(of: ".", with: ",")
    }

    /// The text as one sentence: a final full stop added unless it already ends one.
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return [".", "!", "?"].contains(trimmed.last) ? trimmed : trimmed + "."
    }

    /// "2024-02-15" → "15/02/2024"; anything else unchanged.
    static func date(_ iso: String) -> String {
        guard let date = ISODate(iso) else { return iso }
        return date.display
    }

    static func typeLabel(_ abbreviation: String, in framework: Framework) -> String {
        if let name = framework.documentTypeName(abbreviation) { return "\(name) (\(abbreviation))" }
        return abbreviation
    }

    static func typeList(_ abbreviations: [String], in framework: Framework) -> String {
        abbreviations.map { typeLabel($0, in: framework) }.joined(separator: ", ")
    }

    /// What an appraiser must read when the parser could not, in Vietnamese.
    static func name(_ point: ReviewPoint) -> String {
        switch point {
        case .wholeDocument: "các trường của văn bản"
        case .topic: "nội dung (chất lượng nhận dạng thấp)"
        case .field(let field): fieldName(field)
        }
    }

    static func fieldName(_ field: DocumentField) -> String {
        switch field {
        case .number: "số, ký hiệu"
        case .date: "ngày ban hành"
        case .type, .typeName: "loại văn bản"
        case .issuer: "cơ quan ban hành"
        case .parent: "cơ quan chủ quản"
        case .place: "địa danh"
        case .title: "trích yếu"
        case .signer, .signerName: "người ký"
        case .signerTitle: "chức vụ người ký"
        case .draft: "phần ký (bản chính hay dự thảo)"
        case .references: "căn cứ"
        case .secretary: "thư ký"
        }
    }
}
