package import EvidenceModel
package import Foundation

/// A unit's accepted total changed (or was first known, when its submission was checked): what
/// the scoring system reads from the queue, acked as "s<id>".
package struct ScoreEvent: Hashable, Sendable, Codable {
    package var id: Int64
    package var submission: String
    package var unitCode: String
    package var framework: String
    package var period: Submission.Period
    package var claimed: Double
    package var accepted: Double
    /// The decision that changed it; nil when a check of the submission did.
    package var decisionId: Int64?
    package var createdAt: Date

    private enum CodingKeys: String, CodingKey { case id, submission, unitCode, framework, period, claimed, accepted, decisionId, createdAt }

    /// Every key written, null when absent, as the other events.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(submission, forKey: .submission)
        try container.encode(unitCode, forKey: .unitCode)
        try container.encode(framework, forKey: .framework)
        try container.encode(period, forKey: .period)
        try container.encode(claimed, forKey: .claimed)
        try container.encode(accepted, forKey: .accepted)
        try container.encode(decisionId, forKey: .decisionId)
        try container.encode(createdAt, forKey: .createdAt)
    }
}
