import Foundation
import GRDB

/// A row of `flag_decisions` (v6): append-only, triggers refuse UPDATE and DELETE.
struct FlagDecisionRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "flag_decisions"

    var id: Int64?
    var flagId: Int64
    var decidedBy: String
    var decidedAt: Date
    var action: DecisionAction
    var supportedScore: Double?
    var answer: String?
    var comment: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var decision: FlagDecision {
        FlagDecision(id: id ?? 0, flagId: flagId, decidedBy: decidedBy, decidedAt: decidedAt, action: action,
                     supportedScore: supportedScore, answer: answer, comment: comment)
    }
}
