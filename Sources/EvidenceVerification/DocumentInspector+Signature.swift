import Foundation
import EvidenceModel

/// Draft and unsigned mean what they say: `draft` only on a printed 'DỰ THẢO' mark, never
/// because the number or day could not be read; `unsigned` only when there is neither a
/// signature block with a name nor a digital signature, and the parser is sure of it.
extension DocumentInspector {
    mutating func checkDraft(_ fields: DocumentFields) {
        if fields.draft {
            let sure = (fields.fieldConfidence[.draft] ?? 1) >= context.options.fieldConfidence
            if sure && Self.hasDraftMark(document.text) {
                flag(.draft, "Tài liệu là bản dự thảo, chưa phải văn bản đã ban hành.", field: .draft,
                     expected: "Văn bản đã ban hành", found: "Bản dự thảo")
                return
            }
            // A draft the parser inferred (blanks, no mark): the signature alone decides.
            if !sure { doubt(.draft) }
        }
        checkUnsigned(fields)
    }

    mutating func checkUnsigned(_ fields: DocumentFields) {
        guard isDocumentRule, fields.signer?.name == nil, document.digitalSignature == nil,
              document.digitalSignatures.isEmpty else { return }
        // On a scan a seal or a signature often hides the name from OCR: only a text layer proves
        // that the block holds no name.
        let signaturePage = fields.locations[.signer]?.page ?? lastPageWithText
        let scanned = document.perPage.first(where: { $0.page == signaturePage })?.source != .text
        // The parser found no block at all (its `draft` without a mark), or is sure the block has no name.
        let sure = fields.fieldConfidence[.signer] ?? (fields.draft ? 1 : 0)
        if !scanned, sure >= context.options.fieldConfidence {
            flag(.unsigned, "Văn bản không có chữ ký (không có họ tên người ký và không có chữ ký số).", field: .signer,
                 expected: "Văn bản đã ký ban hành", found: "Không có chữ ký")
        }
    }

    /// 'DỰ THẢO' printed as a mark: in capitals ('các dự thảo Nghị định' in a subject is not one).
    static func hasDraftMark(_ text: String) -> Bool {
        for line in text.split(whereSeparator: \.isNewline) {
            let plain = String(line)
            guard let range = plain.range(of: "THẢO") ?? plain.range(of: "THAO") else { continue }
            let before = plain[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            if before.hasSuffix("DỰ") || before.hasSuffix("DU") || before.folded.hasSuffix("DU") { return true }
        }
        return false
    }
}

extension DocumentInspector {
    /// Who signed: from the block when it was read for sure; for minutes, whose chair is named in
    /// the text ('Chủ trì cuộc họp: Ông ... - Chủ tịch UBND huyện'), from that line even when the
    /// two-block signature was not read for sure.
    func signerRole(_ fields: DocumentFields) -> SignerRole {
        let role = SignerRole.of(fields, text: document.text, trusted: trusted(.signer, fields.signer?.name ?? fields.signer?.title) != nil)
        guard role == .unknown else { return role }
        let minutes = fields.secretary != nil || trusted(.type, fields.type).flatMap(DocumentType.canonical) == "BB"
        guard minutes else { return role }
        return SignerRole.chair(in: document.text, shown: fields.signer?.name ?? "CHỦ TRÌ")
    }
}
