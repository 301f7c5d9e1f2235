package import Foundation

/// A document or submission that ended `failed`, for `evidenced status` and `evidenced retry ID`.
package struct FailedItem: Hashable, Sendable, Codable {
    package enum Kind: String, Hashable, Sendable, Codable { case document, submission }

    package var kind: Kind
    /// The sha256 of a document, the id of a submission.
    package var id: String
    /// A document's `ExtractionFailure.Code` raw value; nil for a submission.
    package var code: String?
    package var message: String
    package var attempts: Int
    package var failedAt: Date

    package init(kind: Kind, id: String, code: String?, message: String, attempts: Int, failedAt: Date) {
        self.kind = kind; self.id = id; self.code = code; self.message = message
        self.attempts = attempts; self.failedAt = failedAt
    }
}
