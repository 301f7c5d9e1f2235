import Foundation
import EvidenceModel

/// The checks the PDF's digital signatures allow: integrity, changes after signing, the signing body
/// against the printed issuer, the printed date against the signing time, and a rule's demand for a
/// signed original.
extension DocumentInspector {
    mutating func checkSignatures(_ fields: DocumentFields?) {
        let signatures = document.digitalSignatures
        if rule.signed == .required, signatures.isEmpty {
            // An Office file is editable: by itself it cannot show that the document was issued.
            let what = document.format.isEditable
                ? "là tệp soạn thảo (\(document.format.rawValue.uppercased())), không chứng minh được văn bản đã được ký ban hành"
                : "không có chữ ký số (bản chụp, bản scan hoặc tệp chưa ký)"
            flag(.notDigitallySigned,
                 "Chỉ tiêu \(context.framework.displayCode(context.indicator)) yêu cầu bản gốc có chữ ký số; tệp \(file) \(what).",
                 expected: "Tệp PDF có chữ ký số của cơ quan ban hành",
                 found: document.format.isEditable ? "Tệp soạn thảo \(document.format.rawValue.uppercased()), không có chữ ký số" : "Không có chữ ký số")
        }
        // Forgery detection: never left out, whatever the rule.
        for signature in signatures where signature.isAltered {
            flags.append(Flag(reason: .signatureInvalid,
                              message: "Chữ ký số của \(Self.certificateName(signature)) không còn hợp lệ: nội dung tệp đã bị thay đổi sau khi ký.",
                              file: file, page: signature.page,
                              expected: "Chữ ký số hợp lệ, nội dung nguyên vẹn",
                              found: signature.status == .digestMismatch ? "Mã băm không khớp (tệp bị sửa sau khi ký)" : "Chữ ký số không khớp với chứng thư số"))
        }
        // Malformed or unsupported signatures are neither valid nor proof of tampering: a person looks.
        // (On a report rule nothing unread is flagged, unless the rule needs the signature.)
        if isDocumentRule || rule.signed == .required,
           signatures.contains(where: { [.decodingError, .unsupported].contains($0.status) }) { doubt(.signature) }
        let intact = signatures.filter { $0.status == .valid }
        if let changed = intact.first(where: { $0.modifiedAfterSigning == true }) {
            flags.append(Flag(reason: .modifiedAfterSigning,
                              message: "Tệp đã được sửa nội dung trang sau khi \(Self.certificateName(changed)) ký số (có bản cập nhật thêm vào sau chữ ký).",
                              file: file, page: changed.page,
                              expected: "Nội dung như lúc ký số", found: "Nội dung trang thay đổi sau chữ ký"))
        }
        guard let fields, !intact.isEmpty else { return }
        checkSigningBody(fields, signatures: intact)
        checkDateAgainstSigning(fields, signatures: intact)
    }

    /// A document signed only by another body's certificate was not issued by the body it names.
    /// The provincial gazette's signature (Công báo) publishes, it does not issue: it neither
    /// corroborates nor accuses. Only an organ's own certificate (a body as common name) accuses;
    /// people's certificates and organisations can only corroborate.
    mutating func checkSigningBody(_ fields: DocumentFields, signatures: [PDFSignature]) {
        guard let issuer = trusted(.issuer, fields.issuer) else { return }
        let issuing = signatures.filter { !Self.isGazette($0) }
        guard issuing.contains(where: { $0.signerName.map(Self.looksLikeBody) ?? false }) else { return }
        let bodies = [issuer] + [fields.parent].compactMap { $0 }
        let corroborated = issuing.flatMap(Self.bodyNames).contains { name in
            bodies.contains { body in
                Tolerant.sameBody(body, name) || Tolerant.bodyContains(body, name) || Tolerant.bodyContains(name, body)
            }
        }
        guard !corroborated else { return }
        let names = issuing.map(Self.certificateName).joined(separator: "; ")
        flag(.wrongIssuer,
             "Văn bản ghi cơ quan ban hành là \(issuer) nhưng được ký số bằng chứng thư số của \(names).",
             field: .issuer, expected: issuer, found: "Chứng thư số: \(names)")
    }

    /// The provincial gazette centre ('Trung tâm Công báo và Tin học'), which signs what it publishes.
    static func isGazette(_ signature: PDFSignature) -> Bool {
        let words = " " + Tolerant.words(signature.signerName ?? "").joined(separator: " ") + " "
        return words.contains(" CONG BAO ")
    }

    /// The signing time is an upper bound of the printed date (it is usually one to three days later).
    mutating func checkDateAgainstSigning(_ fields: DocumentFields, signatures: [PDFSignature]) {
        guard let printed = trusted(.date, fields.date).flatMap(ISODate.init) else { return }
        let signed = signatures.compactMap { $0.signingTime.flatMap(Self.latestLocalDate) }.min()
        guard let signed, printed > signed else { return }
        flag(.dateAfterSigning,
             "Ngày ban hành ghi trên văn bản (\(printed.display)) muộn hơn ngày ký số đầu tiên (\(signed.display)).",
             field: .date, expected: "Không muộn hơn \(signed.display)", found: printed.display)
    }

    /// The signature's certificate as people read it: 'Trung tâm Công báo và Tin học (Ủy ban nhân dân tỉnh …)'.
    static func certificateName(_ signature: PDFSignature) -> String {
        let name = signature.signerName ?? signature.organization ?? "người ký không rõ"
        guard let organization = signature.organization, organization != name else { return name }
        return "\(name) (\(organization))"
    }

    /// The bodies a certificate names: its common name when that is a body, and its organisation and
    /// unit. Bare places ('O=Tỉnh Quảng Ngãi', written in every certificate of a province) and
    /// people's names are left out: they cannot tell one body from another.
    static func bodyNames(_ signature: PDFSignature) -> [String] {
        [signature.signerName, signature.organization, signature.organizationalUnit].compactMap { $0 }.filter(looksLikeBody)
    }

    /// `BodyWords.organs` of several words, and the abbreviations: anywhere in the name.
    private static let organPhrases = BodyWords.organs.filter { $0.contains(" ") || BodyWords.abbreviations[$0] != nil }
    /// The other organs, of one word: only first ('Sở …'), and not those that are family names too.
    private static let organFirstWords = Set(BodyWords.organs.filter { !organPhrases.contains($0) })
        .subtracting(BodyWords.organsThatAreSurnames)

    /// An organ's name ('Ủy ban …', 'Sở …', 'Trung tâm …'), not a person's and not a bare place. Single
    /// words like 'Văn' or 'Phong' are people's names too, so only phrases, or an organ word first, count.
    static func looksLikeBody(_ name: String) -> Bool {
        let words = Tolerant.words(name)
        guard let first = words.first else { return false }
        let joined = " " + words.joined(separator: " ") + " "
        return organFirstWords.contains(first) || organPhrases.contains { joined.contains(" \($0) ") }
    }

    /// The latest calendar date the signing instant can be anywhere it was signed: the written
    /// offset's date, or for UTC the date at UTC+14, so the bound is never too early.
    static func latestLocalDate(_ time: String) -> ISODate? {
        guard time.count >= 19 else { return nil }
        if time.hasSuffix("Z") {
            guard let seconds = isoSeconds(time) else { return nil }
            let shifted = seconds + 14 * 3600
            return ISODate(dayString(shifted))
        }
        return ISODate(String(time.prefix(10)))
    }

    private static func isoSeconds(_ time: String) -> Int? {
        let digits = time.prefix(19).split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
        guard digits.count == 6 else { return nil }
        return CivilDay.days(year: digits[0], month: digits[1], day: digits[2]) * 86_400 + digits[3] * 3600 + digits[4] * 60 + digits[5]
    }

    private static func dayString(_ seconds: Int) -> String {
        let (year, month, day) = CivilDay.date(days: Int((Double(seconds) / 86_400).rounded(.down)))
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
