package import EvidenceExtraction
package import EvidenceModel
package import Foundation

/// Extracts each file once and answers again from memory: suites that check the same sample files
/// in several tests pay the OCR once (the sample corpus took minutes per test without it).
package actor MemoizingExtractor: DocumentExtracting {
    private let base: any DocumentExtracting
    private var done: [String: Result<ExtractedDocument, ExtractionFailure>] = [:]

    package init(_ base: any DocumentExtracting) { self.base = base }

    package func extract(fileAt url: URL, progress: ExtractionProgress?) async throws(ExtractionFailure) -> ExtractedDocument {
        let key = url.standardizedFileURL.path
        if let known = done[key] { return try known.get() }
        let result: Result<ExtractedDocument, ExtractionFailure>
        do { result = .success(try await base.extract(fileAt: url, progress: progress)) } catch { result = .failure(error) }
        done[key] = result
        return try result.get()
    }
}
