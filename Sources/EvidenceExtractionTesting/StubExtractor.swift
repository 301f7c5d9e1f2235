package import EvidenceExtraction
package import EvidenceModel
package import Foundation

/// An extractor that returns canned documents by file name, for tests of the layers above
/// extraction; unknown files fail as not found, like the real one.
package struct StubExtractor: DocumentExtracting {
    package var documents: [String: Result<ExtractedDocument, ExtractionFailure>]

    package init(documents: [String: Result<ExtractedDocument, ExtractionFailure>]) { self.documents = documents }

    package func extract(fileAt url: URL, progress: ExtractionProgress?) async throws(ExtractionFailure) -> ExtractedDocument {
        guard let outcome = documents[url.lastPathComponent] else {
            throw ExtractionFailure(.notFound, "No file at \(url.path).")
        }
        progress?(1, 1)
        return try outcome.get()
    }

    /// A one-page text document with the given text.
    package static func document(_ name: String, text: String, sha256: String? = nil) -> ExtractedDocument {
        ExtractedDocument(file: name, sha256: sha256 ?? String(repeating: "0", count: 64), format: .text, pages: 1,
                          perPage: [PageText(page: 1, source: .text, text: text)])
    }
}
