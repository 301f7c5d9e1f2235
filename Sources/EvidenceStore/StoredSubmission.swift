package import EvidenceModel
package import Foundation

/// A submission as the store holds it.
package struct StoredSubmission: Hashable, Sendable {
    package var submission: Submission
    package var manifestSHA256: String
    /// Relative path → sha256 of the intake's content-addressed copy.
    package var files: [String: String]
    /// Starts at 1 and grows by one at each change.
    package var revision: Int
    package var state: SubmissionState
    package var failureReason: String?
    package var createdAt: Date
    package var updatedAt: Date
    package var checkedAt: Date?

    package var id: String { submission.submission }
}
