package import EvidenceModel
package import Foundation

/// A document as the store holds it: its state and, once parsed, everything extraction and parsing
/// learned, so the same content is never extracted twice.
package struct StoredDocument: Hashable, Sendable {
    package var sha256: String
    package var state: DocumentState
    /// Nil until extracted.
    package var extracted: ExtractedDocument?
    /// Nil until parsed, or when the parser found no administrative document.
    package var fields: DocumentFields?
    /// Set when the state is `failed`.
    package var failure: ExtractionFailure?
    /// How many times a worker took it (the count starts again at a `retry`).
    package var attempts: Int
    package var createdAt: Date
    package var updatedAt: Date

    package init(sha256: String, state: DocumentState, extracted: ExtractedDocument? = nil,
                fields: DocumentFields? = nil, failure: ExtractionFailure? = nil, attempts: Int = 0,
                createdAt: Date, updatedAt: Date) {
        self.sha256 = sha256; self.state = state; self.extracted = extracted; self.fields = fields
        self.failure = failure; self.attempts = attempts; self.createdAt = createdAt; self.updatedAt = updatedAt
    }
}
