public import EvidenceModel
public import Foundation

/// A document as the store holds it: its state and, once parsed, everything extraction and parsing
/// learned, so the same content is never extracted twice.
public struct StoredDocument: Hashable, Sendable {
    public var sha256: String
    public var state: DocumentState
    /// Nil until extracted.
    public var extracted: ExtractedDocument?
    /// Nil until parsed, or when the parser found no administrative document.
    public var fields: DocumentFields?
    /// Set when the state is `failed`.
    public var failure: ExtractionFailure?
    /// How many times a worker took it (the count starts again at a `retry`).
    public var attempts: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(sha256: String, state: DocumentState, extracted: ExtractedDocument? = nil,
                fields: DocumentFields? = nil, failure: ExtractionFailure? = nil, attempts: Int = 0,
                createdAt: Date, updatedAt: Date) {
        self.sha256 = sha256; self.state = state; self.extracted = extracted; self.fields = fields
        self.failure = failure; self.attempts = attempts; self.createdAt = createdAt; self.updatedAt = updatedAt
    }
}
