import EvidenceModel
import Foundation
import GRDB

/// A row of `score_events` (v9): a submission's totals after a check or a decision changed them.
struct ScoreEventRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "score_events"

    var id: Int64?
    var submissionId: String
    var unitCode: String
    var framework: String
    var periodFrom: String
    var periodTo: String
    var claimed: Double
    var accepted: Double
    /// The decision that changed it; nil for a check of the submission.
    var decisionId: Int64?
    var createdAt: Date

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let submissionId = Column(CodingKeys.submissionId)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var event: ScoreEvent {
        ScoreEvent(id: id ?? 0, submission: submissionId, unitCode: unitCode, framework: framework,
                   period: .init(from: periodFrom, to: periodTo), claimed: claimed, accepted: accepted,
                   decisionId: decisionId, createdAt: createdAt)
    }
}

/// A row of `score_acks` (v9): a consumer handled a score event.
struct ScoreAckRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "score_acks"
    var consumer: String
    var scoreEventId: Int64
    var ackedAt: Date
}
