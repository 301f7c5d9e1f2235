package import EvidenceModel
package import Foundation

/// A submission as lists show it: where it stands and how much of it is flagged.
package struct SubmissionSummary: Codable, Hashable, Sendable {
    package var id: String
    package var unit: Submission.Unit
    package var framework: String
    package var period: Submission.Period
    package var state: SubmissionState
    package var revision: Int
    package var precheck: Bool
    package var claims: Int
    /// Claims of the latest checked revision with at least one flag other than needs-review.
    package var flaggedClaims: Int
    package var flags: Int
    package var needsReview: Int
    package var failureReason: String?
    package var updatedAt: Date
    package var checkedAt: Date?
}

/// How far the reading of a submission's files has got.
package struct SubmissionProgress: Codable, Hashable, Sendable {
    package var files: Int
    /// Read (or failed: a failure is an answer too).
    package var filesDone: Int
    package var pagesRead: Int
}
