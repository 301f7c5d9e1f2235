import Foundation
import EvidenceModel

/// Whether a document was signed by the head of the issuing unit.
enum SignerRole: Equatable {
    case head
    /// A deputy ('KT.', 'PHÓ ...') or someone signing for the head ('TL.', 'TUQ.'); the text shows how.
    case deputy(String)
    case unknown

    static func of(_ fields: DocumentFields, text: String, trusted: Bool) -> SignerRole {
        guard trusted, let signer = fields.signer else { return .unknown }
        let title = signer.title ?? ""
        let shown = [signer.authority.map { $0 + "." }, signer.title, signer.name].compactMap { $0 }.joined(separator: " ")
        if let authority = signer.authority?.folded, ["KT", "TL", "TUQ"].contains(authority) { return .deputy(shown) }
        let words = Tolerant.words(title)
        if words.first == "PHO" { return .deputy(shown) }
        // Minutes are signed by whoever chaired ('CHỦ TRÌ'): the attendance lines say who that was.
        if words.starts(with: ["CHU", "TRI"]) || words.starts(with: ["CHU", "TOA"]) {
            return chair(in: text, shown: shown)
        }
        return words.isEmpty ? .unknown : .head
    }

    static func chair(in text: String, shown: String) -> SignerRole {
        for line in text.split(whereSeparator: \.isNewline) {
            let words = Tolerant.searchable(String(line))
            guard words.contains("CHU TRI") || words.contains("CHU TOA") else { continue }
            if words.contains("PHO CHU TICH") || words.contains("PHO GIAM DOC") || words.contains("PHO TRUONG") {
                return .deputy(shown + " (" + String(line).trimmingCharacters(in: .whitespaces) + ")")
            }
            if words.contains("CHU TICH") || words.contains("GIAM DOC") || words.contains("TRUONG PHONG") { return .head }
        }
        return .unknown
    }
}
