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

    /// Names of the fields an appraiser must read when the parser could not.
    static let fieldNames: [String: String] = [
        "number": "số, ký hiệu", "date": "ngày ban hành", "type": "loại văn bản", "issuer": "cơ quan ban hành",
        "signer": "người ký", "draft": "phần ký (bản chính hay dự thảo)", "topic": "nội dung (chất lượng nhận dạng thấp)",
        "fields": "các trường của văn bản", "signature": "chữ ký số (không kiểm tra được)",
    ]
}
