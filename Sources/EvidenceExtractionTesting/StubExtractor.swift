public import EvidenceExtraction
public import EvidenceModel
public import Foundation

/// An extractor that returns canned documents by file name, for tests of the layers above
/// extraction; unknown files fail as not found, like the real one.
public struct StubExtractor: DocumentExtracting {
    public var documents: [String: Result<ExtractedDocument, ExtractionFailure>]

    public init(documents: [String: Result<ExtractedDocument, ExtractionFailure>]) { self.documents = documents }

    public func extract(fileAt url: URL, progress: ExtractionProgress?) async throws(ExtractionFailure) -> ExtractedDocument {
        guard let outcome = documents[url.lastPathComponent] else {
            throw ExtractionFailure(.notFound, "No file at \(url.path).")
        }
        progress?(1, 1)
        return try outcome.get()
    }

    /// A one-page text document with the given text.
    public static func document(_ name: String, text: String, sha256: String? = nil) -> ExtractedDocument {
        ExtractedDocument(file: name, sha256: sha256 ?? String(repeating: "0", count: 64), format: .text, pages: 1,
                          perPage: [PageText(page: 1, source: .text, text: text)])
    }
}
