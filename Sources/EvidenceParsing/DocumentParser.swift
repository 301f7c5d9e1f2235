package import EvidenceModel

/// Reads the Decree 30 fields of a Vietnamese administrative document from its extracted text.
/// Pure and allocation-light: it reads only the header, the type and title lines, the preamble's
/// citations and the signature block.
package struct DocumentParser: Sendable {
    package init() {}

    /// Pages as extraction gives them: text plus, when available, line boxes.
    package func parse(_ pages: [PageText]) -> DocumentFields {
        var reading = Reading(lines: Self.lines(of: pages))
        for page in pages where page.source == .ocr {
            if let confidence = page.confidence { reading.pageConfidence[page.page] = confidence }
        }
        reading.run()
        return reading.fields
    }

    /// Convenience: one page per form feed (\u{0C}).
    package func parse(text: String) -> DocumentFields {
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).enumerated().map { index, page in
            PageText(page: index + 1, source: .text, text: String(page))
        }
        return parse(pages)
    }
}

/// The state of one parse: the lines and what has been read so far.
struct Reading {
    let lines: [ParsedLine]
    var fields = DocumentFields()

    /// Index of the first line of the header, and of the first line after it.
    var headerStart = 0
    var headerEnd = 0
    var columns = HeaderColumns()
    /// Lines that belong to a stamp (incoming mail, digital signature): never fields.
    var stampLines = Set<Int>()
    var numberLine: Int?
    var numberResult: NumberReading.Result?
    var typeLine: Int?
    /// Index of the line after the title: the body starts here.
    var bodyStart = 0
    /// Index of the signature block's first line ('Nơi nhận' or the title), where the body ends.
    var signatureStart: Int?
    /// Index of the first line of a document attached after this one (or the line count).
    var documentEnd = 0
    /// The 'Nơi nhận' line beside the signature block, once found.
    var recipientsAnchor: Int?
    /// No block was read, but the OCR found a picture where it should be (a seal, a signature).
    var signatureImage = false
    /// The issuer's header words came without diacritics: the English model read the document.
    var poorDiacritics = false
    var issuerLocality: [String] = []

    let cache: TokenCache

    init(lines: [ParsedLine]) {
        self.lines = lines
        self.cache = TokenCache(count: lines.count)
    }

    mutating func run() {
        readHeader()
        readTypeAndTitle()
        readSigner()
        readDraft()
        readReferences()
        readAttachedCitations()
        normalise()
    }

    /// Mean OCR confidence by page: a field read from a poorly recognised page is trusted no more than
    /// the page (a misread digit looks like any other).
    var pageConfidence: [Int: Double] = [:]

    mutating func set(_ field: DocumentField, confidence: Double, at line: ParsedLine?) {
        set(field, confidence: confidence, place: line?.location)
    }

    /// As above, with a place narrower than the line (the tokens that hold the value, or where it should be).
    mutating func set(_ field: DocumentField, confidence: Double, place location: DocumentFields.Location?) {
        let cap = location.flatMap { pageConfidence[$0.page] } ?? 1
        fields.fieldConfidence[field] = min(confidence, max(0, min(1, cap)))
        if let location { fields.locations[field] = location }
    }

    /// Every output string in NFC: input may come decomposed.
    mutating func normalise() {
        func nfc(_ text: String?) -> String? { text.map(\.nfc) }
        fields.typeName = nfc(fields.typeName)
        fields.number = nfc(fields.number)
        fields.issuer = nfc(fields.issuer)
        fields.parent = nfc(fields.parent)
        fields.place = nfc(fields.place)
        fields.title = nfc(fields.title)
        if var signer = fields.signer {
            signer.name = nfc(signer.name)
            signer.title = nfc(signer.title)
            fields.signer = signer
        }
        fields.references = fields.references.map { .init(number: $0.number.nfc, date: $0.date) }
    }
}
