public import EvidenceModel
public import Foundation

/// A submission as the store holds it.
public struct StoredSubmission: Hashable, Sendable {
    public var submission: Submission
    public var manifestSHA256: String
    /// Relative path → sha256 of the intake's content-addressed copy.
    public var files: [String: String]
    /// Starts at 1 and grows by one at each change.
    public var revision: Int
    public var state: SubmissionState
    public var failureReason: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var checkedAt: Date?

    public var id: String { submission.submission }
}
