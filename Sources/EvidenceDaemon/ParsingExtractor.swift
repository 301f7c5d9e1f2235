public import EvidenceExtraction
public import EvidenceModel
import EvidenceParsing
public import Foundation

/// An extracted document with the fields parsed from it, word boxes already dropped.
public struct ParsedDocument: Codable, Sendable {
    public var document: ExtractedDocument
    public var fields: DocumentFields

    public init(document: ExtractedDocument, fields: DocumentFields) {
        self.document = document; self.fields = fields
    }

    /// Parses where the word boxes are, then drops them.
    public init(parsing document: ExtractedDocument) {
        self.init(document: document.withoutWordBoxes, fields: DocumentParser().parseDocuments(document.perPage))
    }
}

/// An extractor that parses too: a worker process parses next to the word boxes, and only the
/// lighter document crosses the pipe (JSON of word boxes was a fifth of the daemon's own time).
public protocol ParsingExtractor: DocumentExtracting {
    func extractAndParse(fileAt url: URL) async throws(ExtractionFailure) -> ParsedDocument
}

extension DocumentExtracting {
    /// Extracts, then parses here unless the extractor parses itself.
    func extractAndParse(fileAt url: URL) async throws(ExtractionFailure) -> ParsedDocument {
        if let parsing = self as? any ParsingExtractor { return try await parsing.extractAndParse(fileAt: url) }
        return ParsedDocument(parsing: try await extract(fileAt: url))
    }
}
