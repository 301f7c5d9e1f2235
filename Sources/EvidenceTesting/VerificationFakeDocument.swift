package import EvidenceModel

/// A made-up administrative document (Decree 30 layout) with the fields a parser would read from
/// it, for tests of the checker and the layers above it. Defaults describe a clean plan of
/// UBND huyện Trà Bồng; change one field to plant one problem.
package struct VerificationFakeDocument: Sendable, Hashable {
    package var file: String
    package var type: String? = "KH"
    package var number: String? = "45/KH-UBND"
    package var parent: String? = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"
    package var issuer: String? = "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG"
    package var place: String? = "Trà Bồng"
    package var date: String? = "2024-02-15"
    package var title: String? = "Phát triển Chính quyền số, ứng dụng công nghệ thông tin năm 2024"
    package var body: String = "Thực hiện chương trình chuyển đổi số quốc gia, Ủy ban nhân dân huyện ban hành kế hoạch phát triển chính quyền số, ứng dụng công nghệ thông tin trong cơ quan nhà nước năm 2024 như sau: mục đích, yêu cầu, nhiệm vụ, giải pháp, kinh phí và tổ chức thực hiện."
    package var signerName: String? = "Lê Văn Bình"
    package var signerTitle: String? = "CHỦ TỊCH"
    package var authority: String? = "TM"
    /// 'DỰ THẢO' printed on the first page.
    package var draftMark = false
    /// The parser found no signature block (DocumentFields.draft without 'DỰ THẢO').
    package var noSignatureBlock = false
    package var fieldConfidence: [DocumentField: Double] = [:]
    package var source: PageSource = .text
    package var ocrConfidence: Double?
    package var digitalSignature: DigitalSignature?
    /// The PDF's cryptographic signatures.
    package var digitalSignatures: [PDFSignature] = []

    package init(file: String) { self.file = file }

    /// Returns a copy with one change: `doc.with { $0.number = "46/KH-UBND" }`.
    package func with(_ change: (inout VerificationFakeDocument) -> Void) -> VerificationFakeDocument {
        var copy = self
        change(&copy)
        return copy
    }

    package var text: String {
        var lines: [String] = []
        if let parent { lines.append(parent + "    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") }
        if let issuer { lines.append(issuer + "    Độc lập - Tự do - Hạnh phúc") }
        if draftMark { lines.append("DỰ THẢO") }
        lines.append("Số: \(number ?? "")    \(place ?? ""), ngày \(date.map(Self.spoken) ?? "")")
        if let type { lines.append(Self.typeNames[type] ?? type) }
        if let title { lines.append(title) }
        lines.append(body)
        if !noSignatureBlock {
            if let authority { lines.append("\(authority). \(issuer ?? "")") }
            if let signerTitle { lines.append(signerTitle) }
            if let signerName { lines.append(signerName) }
        }
        return lines.joined(separator: "\n")
    }

    /// A stable stand-in for the file's sha256 (same text, same value).
    package var sha256: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var out = ""
        for round in 0..<4 {
            for byte in Array(text.utf8) + [UInt8(round)] {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            out += String(hash, radix: 16).leftPadded(to: 16)
        }
        return out
    }

    package var extracted: ExtractedDocument {
        ExtractedDocument(file: file, sha256: sha256, format: source == .ocr ? .png : .pdf, pages: 1,
                          perPage: [PageText(page: 1, source: source, confidence: source == .ocr ? (ocrConfidence ?? 0.9) : nil, text: text)],
                          digitalSignature: digitalSignature, digitalSignatures: digitalSignatures)
    }

    package var fields: DocumentFields {
        var locations: [DocumentField: DocumentFields.Location] = [:]
        for (key, line) in [(DocumentField.issuer, 2), (.number, 3), (.date, 3), (.type, 4), (.title, 5), (.signer, 8)] {
            locations[key] = DocumentFields.Location(page: 1, line: line)
        }
        let signer: DocumentFields.Signer? = noSignatureBlock || (signerName == nil && signerTitle == nil)
            ? nil : DocumentFields.Signer(name: signerName, title: signerTitle, authority: authority)
        return DocumentFields(type: type, typeName: type.flatMap { Self.typeNames[$0] }, number: number, issuer: issuer,
                              parent: parent, place: place, date: date, title: title, signer: signer,
                              draft: draftMark || noSignatureBlock, fieldConfidence: fieldConfidence, locations: locations)
    }

    static let typeNames = ["KH": "KẾ HOẠCH", "QĐ": "QUYẾT ĐỊNH", "BB": "BIÊN BẢN", "BC": "BÁO CÁO",
                            "TB": "THÔNG BÁO", "CT": "CHỈ THỊ", "NQ": "NGHỊ QUYẾT", "CV": "CÔNG VĂN"]

    static func spoken(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[2]) tháng \(parts[1]) năm \(parts[0])"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
