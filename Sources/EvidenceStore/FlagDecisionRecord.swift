import Foundation

/// A row of `flag_decisions` (v6): append-only, triggers refuse UPDATE and DELETE.
struct FlagDecisionRecord: StoreRecord {
    static let table = "flag_decisions"
    static let primaryKey = ["id"]

    var id: Int64?
    var flagId: Int64
    var decidedBy: String
    var decidedAt: Date
    var action: DecisionAction
    var supportedScore: Double?
    var answer: String?
    var comment: String?

    init(id: Int64?, flagId: Int64, decidedBy: String, decidedAt: Date, action: DecisionAction,
         supportedScore: Double?, answer: String?, comment: String?) {
        self.id = id; self.flagId = flagId; self.decidedBy = decidedBy; self.decidedAt = decidedAt
        self.action = action; self.supportedScore = supportedScore; self.answer = answer; self.comment = comment
    }

    init(row: StoreRow) throws {
        self.init(id: try row.get("id"), flagId: try row.get("flagId"), decidedBy: try row.get("decidedBy"),
                  decidedAt: try row.get("decidedAt"), action: try row.get("action"),
                  supportedScore: row["supportedScore"], answer: row["answer"], comment: row["comment"])
    }

    var columns: [(String, StoreValue)] {
        (id.map { [("id", $0.storeValue)] } ?? []) + [
            ("flagId", flagId.storeValue), ("decidedBy", decidedBy.storeValue), ("decidedAt", decidedAt.storeValue),
            ("action", action.storeValue), ("supportedScore", supportedScore.storeValue),
            ("answer", answer.storeValue), ("comment", comment.storeValue),
        ]
    }

    var decision: FlagDecision {
        FlagDecision(id: id ?? 0, flagId: flagId, decidedBy: decidedBy, decidedAt: decidedAt, action: action,
                     supportedScore: supportedScore, answer: answer, comment: comment)
    }
}
