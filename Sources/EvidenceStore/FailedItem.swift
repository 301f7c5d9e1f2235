public import Foundation

/// A document or submission that ended `failed`, for `evidenced status` and `evidenced retry ID`.
public struct FailedItem: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable { case document, submission }

    public var kind: Kind
    /// The sha256 of a document, the id of a submission.
    public var id: String
    /// A document's `ExtractionFailure.Code` raw value; nil for a submission.
    public var code: String?
    public var message: String
    public var attempts: Int
    public var failedAt: Date

    public init(kind: Kind, id: String, code: String?, message: String, attempts: Int, failedAt: Date) {
        self.kind = kind; self.id = id; self.code = code; self.message = message
        self.attempts = attempts; self.failedAt = failedAt
    }
}
