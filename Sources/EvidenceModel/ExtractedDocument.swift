/// Everything extraction learned about one evidence file.
package struct ExtractedDocument: Codable, Hashable, Sendable {
    package var file: String
    package var sha256: String
    /// The sniffed kind of file.
    package var format: FileFormat
    package var pages: Int
    package var perPage: [PageText]
    /// The visible signature stamp ('Ký bởi: ...'): printed text, or the first cryptographic
    /// signature's signer when the file prints none.
    package var digitalSignature: DigitalSignature?
    /// The PDF's cryptographic signatures, in signing order; empty for unsigned files and other formats.
    package var digitalSignatures: [PDFSignature]
    package var warnings: [String]

    package init(file: String, sha256: String, format: FileFormat, pages: Int, perPage: [PageText],
                digitalSignature: DigitalSignature? = nil, digitalSignatures: [PDFSignature] = [],
                warnings: [String] = []) {
        self.file = file; self.sha256 = sha256; self.format = format; self.pages = pages
        self.perPage = perPage; self.digitalSignature = digitalSignature
        self.digitalSignatures = digitalSignatures; self.warnings = warnings
    }

    private enum CodingKeys: String, CodingKey {
        case file, sha256, format, pages, perPage, digitalSignature, digitalSignatures, warnings
    }

    /// Documents stored before signatures were read decode with none.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        sha256 = try container.decode(String.self, forKey: .sha256)
        format = try container.decode(FileFormat.self, forKey: .format)
        pages = try container.decode(Int.self, forKey: .pages)
        perPage = try container.decode([PageText].self, forKey: .perPage)
        digitalSignature = try container.decodeIfPresent(DigitalSignature.self, forKey: .digitalSignature)
        digitalSignatures = try container.decodeIfPresent([PDFSignature].self, forKey: .digitalSignatures) ?? []
        warnings = try container.decode([String].self, forKey: .warnings)
    }

    /// All pages' text, a form feed between pages.
    package var text: String { perPage.map(\.text).joined(separator: "\u{0C}") }
}

/// File kinds evidenced reads, sniffed from the bytes.
package enum FileFormat: String, Codable, Sendable, CaseIterable {
    case pdf, png, jpeg, tiff, text
    /// HEIC/HEIF photos (iPhones), decoded through libheif.
    case heic
    /// Office documents: Word (OOXML and the legacy binary format), OpenDocument text, spreadsheets.
    case docx, doc, odt, xlsx, ods

    /// An editable file: nothing in it proves it was issued (no signature, no seal), so a rule that
    /// needs a signed original cannot be met by it alone.
    package var isEditable: Bool {
        switch self {
        case .docx, .doc, .odt, .xlsx, .ods, .text: true
        case .pdf, .png, .jpeg, .tiff, .heic: false
        }
    }
}
