import Foundation
import EvidenceModel

/// A row of `score_events` (v9): a submission's totals after a check or a decision changed them.
struct ScoreEventRecord: StoreRecord {
    static let table = "score_events"
    static let primaryKey = ["id"]

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

    init(id: Int64?, submissionId: String, unitCode: String, framework: String, periodFrom: String, periodTo: String,
         claimed: Double, accepted: Double, decisionId: Int64?, createdAt: Date) {
        self.id = id; self.submissionId = submissionId; self.unitCode = unitCode; self.framework = framework
        self.periodFrom = periodFrom; self.periodTo = periodTo; self.claimed = claimed; self.accepted = accepted
        self.decisionId = decisionId; self.createdAt = createdAt
    }

    init(row: StoreRow) throws {
        self.init(id: try row.get("id"), submissionId: try row.get("submissionId"), unitCode: try row.get("unitCode"),
                  framework: try row.get("framework"), periodFrom: try row.get("periodFrom"), periodTo: try row.get("periodTo"),
                  claimed: try row.get("claimed"), accepted: try row.get("accepted"), decisionId: row["decisionId"],
                  createdAt: try row.get("createdAt"))
    }

    var columns: [(String, StoreValue)] {
        (id.map { [("id", $0.storeValue)] } ?? []) + [
            ("submissionId", submissionId.storeValue), ("unitCode", unitCode.storeValue), ("framework", framework.storeValue),
            ("periodFrom", periodFrom.storeValue), ("periodTo", periodTo.storeValue), ("claimed", claimed.storeValue),
            ("accepted", accepted.storeValue), ("decisionId", decisionId.storeValue), ("createdAt", createdAt.storeValue),
        ]
    }

    var event: ScoreEvent {
        ScoreEvent(id: id ?? 0, submission: submissionId, unitCode: unitCode, framework: framework,
                   period: .init(from: periodFrom, to: periodTo), claimed: claimed, accepted: accepted,
                   decisionId: decisionId, createdAt: createdAt)
    }
}
