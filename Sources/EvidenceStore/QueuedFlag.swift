package import EvidenceModel
package import Foundation

/// One flag as the queue delivers it: the flag and where it belongs.
package struct QueuedFlag: Hashable, Sendable, Codable {
    /// Increasing with every new flag: the queue's order, and what a consumer acks.
    package var id: Int64
    package var submission: String
    /// The submission's revision the flag was found in.
    package var revision: Int
    package var unit: Submission.Unit
    /// 0-based position of the claim in the submission.
    package var claimIndex: Int
    package var indicator: String
    package var score: Double
    package var flag: Flag
    package var createdAt: Date
    /// Set when a changed submission's later result replaced this flag. A consumer that had acked
    /// the flag receives it once more with this set (a withdrawal), and acks that too.
    package var supersededAt: Date?

    package init(id: Int64, submission: String, revision: Int, unit: Submission.Unit, claimIndex: Int,
                indicator: String, score: Double, flag: Flag, createdAt: Date, supersededAt: Date? = nil) {
        self.id = id; self.submission = submission; self.revision = revision; self.unit = unit
        self.claimIndex = claimIndex; self.indicator = indicator; self.score = score; self.flag = flag
        self.createdAt = createdAt; self.supersededAt = supersededAt
    }

    /// A withdrawal: the consumer had this flag and it no longer holds.
    package var isWithdrawn: Bool { supersededAt != nil }
}
