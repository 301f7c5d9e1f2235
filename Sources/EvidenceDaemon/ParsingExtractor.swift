package import EvidenceExtraction
package import EvidenceModel
import EvidenceParsing
import EvidenceService
import EvidenceVerification
package import Foundation

/// An extracted document with the fields parsed from it, word boxes already dropped.
package struct ParsedDocument: Codable, Sendable {
    package var document: ExtractedDocument
    package var fields: DocumentFields

    package init(document: ExtractedDocument, fields: DocumentFields) {
        self.document = document; self.fields = fields
    }

    /// Parses where the word boxes are, then drops them.
    package init(parsing document: ExtractedDocument) {
        self.init(document: document.withoutWordBoxes, fields: DocumentParser().parseDocuments(document.perPage))
    }

    /// Parses, reads again the hand-filled blanks the parser abstained on, then drops the word boxes.
    package static func parsing(_ document: ExtractedDocument, fileAt url: URL) async -> ParsedDocument {
        ParsedDocument(document: document.withoutWordBoxes, fields: await fields(of: document, fileAt: url))
    }

    /// The document's fields, hand-filled figures given where their readings settle them
    /// (`HandwritingReading`, `DocumentFields.settlingHandwriting`). The readings run tesseract on
    /// the blanks' crops: on a thread of their own, and only for documents that have such blanks.
    package static func fields(of document: ExtractedDocument, fileAt url: URL) async -> DocumentFields {
        let parsed = DocumentParser().parseDocuments(document.perPage)
        guard parsed.hasHandwrittenBlanks else { return parsed }
        let read = await DedicatedThread.run {
            HandwritingReading.reading(parsed, of: document, fileAt: url, maxMegapixels: ExtractionLimits().maxMegapixels)
        }
        return read.settlingHandwriting(signedBy: SigningBound.latestDay(document.digitalSignatures)?.description)
    }
}

/// An extractor that parses too: a worker process parses next to the word boxes, and only the
/// lighter document crosses the pipe (JSON of word boxes was a fifth of the daemon's own time).
package protocol ParsingExtractor: DocumentExtracting {
    func extractAndParse(fileAt url: URL) async throws(ExtractionFailure) -> ParsedDocument
}

extension DocumentExtracting {
    /// Extracts, then parses here unless the extractor parses itself.
    func extractAndParse(fileAt url: URL) async throws(ExtractionFailure) -> ParsedDocument {
        if let parsing = self as? any ParsingExtractor { return try await parsing.extractAndParse(fileAt: url) }
        return await ParsedDocument.parsing(try await extract(fileAt: url), fileAt: url)
    }
}
