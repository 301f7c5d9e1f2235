import Foundation
import EvidenceModel

/// Vietnamese wording of flags for appraisers, and the small formats they use.
enum FlagText {
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
        case .signature: "chữ ký số (không kiểm tra được)"
        case .field(let field): field.vietnameseName
        }
    }
}
