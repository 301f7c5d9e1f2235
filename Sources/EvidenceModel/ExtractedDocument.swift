/// Everything extraction learned about one evidence file.
public struct ExtractedDocument: Codable, Hashable, Sendable {
    public var file: String
    public var sha256: String
    /// The sniffed kind of file.
    public var format: FileFormat
    public var pages: Int
    public var perPage: [PageText]
    public var digitalSignature: DigitalSignature?
    public var warnings: [String]

    public init(file: String, sha256: String, format: FileFormat, pages: Int, perPage: [PageText],
                digitalSignature: DigitalSignature? = nil, warnings: [String] = []) {
        self.file = file; self.sha256 = sha256; self.format = format; self.pages = pages
        self.perPage = perPage; self.digitalSignature = digitalSignature; self.warnings = warnings
    }

    /// All pages' text, a form feed between pages.
    public var text: String { perPage.map(\.text).joined(separator: "\u{0C}") }
}

/// File kinds evidenced reads, sniffed from the bytes.
public enum FileFormat: String, Codable, Sendable, CaseIterable {
    case pdf, png, jpeg, tiff, text
    /// Office documents: Word (OOXML and the legacy binary format), OpenDocument text, spreadsheets.
    case docx, doc, odt, xlsx, ods

    /// An editable file: nothing in it proves it was issued (no signature, no seal), so a rule that
    /// needs a signed original cannot be met by it alone.
    public var isEditable: Bool {
        switch self {
        case .docx, .doc, .odt, .xlsx, .ods, .text: true
        case .pdf, .png, .jpeg, .tiff: false
        }
    }
}
