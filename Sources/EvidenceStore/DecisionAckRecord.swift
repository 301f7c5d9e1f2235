import Foundation
import GRDB

/// A row of `decision_acks` (v6): one consumer has acked one decision event.
struct DecisionAckRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "decision_acks"

    var consumer: String
    var decisionId: Int64
    var ackedAt: Date
}
