package import EvidenceModel
package import Foundation

/// Pages done out of the total, reported while a file is extracted.
package typealias ExtractionProgress = @Sendable (_ done: Int, _ total: Int) -> Void

/// Turns an evidence file into its pages' text. The real one is `Extractor`; tests of the layers
/// above use the stubs in EvidenceTesting.
package protocol DocumentExtracting: Sendable {
    func extract(fileAt url: URL, progress: ExtractionProgress?) async throws(ExtractionFailure) -> ExtractedDocument
}

extension DocumentExtracting {
    package func extract(fileAt url: URL) async throws(ExtractionFailure) -> ExtractedDocument {
        try await extract(fileAt: url, progress: nil)
    }
}
