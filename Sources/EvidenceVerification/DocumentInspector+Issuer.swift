import Foundation
import EvidenceModel

/// `issuer` rules, with the unit's own bodies: a steering committee, a council or an office that
/// the framework (`unit_bodies`) or the submission (`unit.bodies`) names, issuing under the
/// unit's parent line or with the unit's locality in its name, is the unit; so is a document the
/// unit issued jointly with another body.
extension DocumentInspector {
    mutating func checkIssuer(_ fields: DocumentFields) {
        let unit = context.submission.unit.name
        let accepted: [String]
        switch rule.issuer {
        case .any: return
        case .assessedUnit: accepted = [unit]
        case .oneOf(let names): accepted = names.map { $0 == "self" ? unit : $0 }
        }
        guard let issuer = trusted(.issuer, fields.issuer) else {
            if isDocumentRule { doubt(.issuer) }
            return
        }
        let parent = trusted(.parent, fields.parent)
        let ok = accepted.contains { name in
            name == unit ? isUnit(issuer: issuer, parent: parent) : Tolerant.bodyContains(issuer, name)
        }
        guard !ok else { return }
        let expected = accepted.joined(separator: " hoặc ")
        let shown = parent.map { "\($0) / \(issuer)" } ?? issuer
        flag(.wrongIssuer, rule.issuer == .assessedUnit
             ? "Văn bản không do đơn vị được đánh giá ban hành: cơ quan ban hành là \(shown)."
             : "Cơ quan ban hành không phù hợp với chỉ tiêu \(context.framework.displayCode(context.indicator)): \(shown).",
             field: .issuer, expected: expected, found: issuer)
    }

    /// Whether a header is the assessed unit's: its own name, a joint header naming it, or one
    /// of its bodies.
    func isUnit(issuer: String, parent: String?) -> Bool {
        let unit = context.submission.unit.name
        if Tolerant.sameBody(issuer, unit) { return true }
        // Jointly issued ('UBND HUYỆN X - UBMTTQ VN HUYỆN X'): the unit is one of the issuers.
        if Tolerant.bodyContains(issuer, unit) { return true }
        let bodies = context.framework.unitBodies + (context.submission.unit.bodies ?? [])
        guard bodies.contains(where: { Tolerant.bodyContains(issuer, $0) }) else { return false }
        if let parent, Tolerant.sameBody(parent, unit) || Tolerant.bodyContains(parent, unit) { return true }
        // 'BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ HUYỆN TRÀ BỒNG': the unit's locality ends the body's name.
        if let locality = Tolerant.locality(of: unit) {
            let words = Tolerant.bodyWords(issuer)
            return words.count > locality.count && Array(words.suffix(locality.count)) == locality
        }
        return false
    }
}

extension Tolerant {
    /// The place part of a unit's name ('ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG' → HUYEN TRA BONG).
    static func locality(of unit: String) -> [String]? {
        let words = bodyWords(unit)
        let levels: Set<String> = ["TINH", "HUYEN", "XA", "PHUONG", "THI", "THANH", "QUAN"]
        guard let start = words.firstIndex(where: levels.contains), start + 1 < words.count else { return nil }
        return Array(words[start...])
    }
}
