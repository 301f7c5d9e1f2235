import EvidenceModel
package import Foundation

/// The appraisers' decisions on flags: an append-only trail, the latest row per flag current.
extension Store {
    /// Records a decision (a revision when the flag has one already) and returns it. Refused, with
    /// nothing written: an unknown or superseded flag, a blank user, `dismiss` without a comment,
    /// `answer` without an answer or on a flag that is not `needs-review`, a supported score on
    /// anything but `confirm` or outside 0 up to the claimed score.
    @discardableResult
    package func decide(flagId: Int64, by user: String, action: DecisionAction, supportedScore: Double? = nil,
                        answer: String? = nil, comment: String? = nil, at date: Date = Date()) throws -> FlagDecision {
        let user = user.trimmingCharacters(in: .whitespacesAndNewlines)
        let comment = Self.blankToNil(comment), answer = Self.blankToNil(answer)
        guard !user.isEmpty else { throw StoreError.invalidDecision("who decided is required") }
        return try database.write { db in
            guard let flag = try db.record(FlagRecord.self, key: flagId) else { throw StoreError.unknownFlags([flagId]) }
            guard flag.supersededAt == nil else {
                throw StoreError.invalidDecision("flag \(flagId) was superseded by a later check of its submission")
            }
            if try db.value("SELECT precheck FROM submissions WHERE id = \(flag.submissionId)", as: Bool.self) == true {
                throw StoreError.invalidDecision("flag \(flagId) belongs to a unit's pre-check: nothing for the council to decide")
            }
            switch action {
            case .confirm:
                if let score = supportedScore {
                    guard score.isFinite, score >= 0, score <= flag.score else {
                        throw StoreError.invalidDecision("the supported score must be between 0 and the claimed \(flag.score)")
                    }
                }
                guard answer == nil else { throw StoreError.invalidDecision("only an 'answer' decision carries an answer") }
            case .dismiss:
                guard comment != nil else { throw StoreError.invalidDecision("dismissing a flag requires a comment saying why") }
                guard supportedScore == nil else { throw StoreError.invalidDecision("only 'confirm' carries a supported score") }
                guard answer == nil else { throw StoreError.invalidDecision("only an 'answer' decision carries an answer") }
            case .answer:
                guard flag.reason == .needsReview else {
                    throw StoreError.invalidDecision("flag \(flagId) is '\(flag.reason.rawValue)': only 'needs-review' flags are answered")
                }
                guard answer != nil else { throw StoreError.invalidDecision("an 'answer' decision requires the answer") }
                guard supportedScore == nil else { throw StoreError.invalidDecision("only 'confirm' carries a supported score") }
            }
            let before = try Self.scores(db, submission: flag.submissionId)
            var record = FlagDecisionRecord(id: nil, flagId: flagId, decidedBy: user, decidedAt: date, action: action,
                                            supportedScore: action == .confirm ? supportedScore : nil, answer: answer, comment: comment)
            record.id = try db.insertReturningID(record)
            try Self.noteScore(db, submission: flag.submissionId, before: before, decisionId: record.id, at: date)
            // As stored (dates to the millisecond), so it equals what the trail reads back.
            return try db.record(FlagDecisionRecord.self, key: record.id)?.decision ?? record.decision
        }
    }

    /// Every decision on the flag, oldest first (the audit trail).
    package func decisions(flagId: Int64) throws -> [FlagDecision] {
        try database.read { db in
            try db.fetch("SELECT * FROM flag_decisions WHERE flagId = \(flagId) ORDER BY id", as: FlagDecisionRecord.self)
                .map(\.decision)
        }
    }

    /// The current (latest) decision of each flag that has one.
    package func currentDecisions(flagIds: [Int64]) throws -> [Int64: FlagDecision] {
        guard !flagIds.isEmpty else { return [:] }
        return try database.read { db in try Self.currentDecisions(db, flagIds: flagIds) }
    }

    static func currentDecisions(_ db: any StoreConnection, flagIds: [Int64]) throws -> [Int64: FlagDecision] {
        var out: [Int64: FlagDecision] = [:]
        // Chunks stay under SQLite's bound-parameter limit.
        for start in stride(from: 0, to: flagIds.count, by: 500) {
            let chunk = Array(flagIds[start..<min(flagIds.count, start + 500)])
            let records = try db.fetch("""
                SELECT d.* FROM flags f JOIN flag_decisions d ON d.id = f.decisionId WHERE f.id IN \(list: chunk)
                """, as: FlagDecisionRecord.self)
            for record in records { out[record.flagId] = record.decision }
        }
        return out
    }

    /// One flag (current or superseded) with its submission and unit; nil when there is none.
    package func flag(id: Int64) throws -> QueuedFlag? {
        try database.read { db in
            try Self.fetchQueued(db, "\(sql: Self.queuedSelect) WHERE f.id = \(id)").first
        }
    }

    /// Every decision in id order, for `flags export --csv --trail`.
    package func allDecisions() throws -> [FlagDecision] {
        try database.read { db in
            try db.fetch("SELECT * FROM flag_decisions ORDER BY id", as: FlagDecisionRecord.self).map(\.decision)
        }
    }

    static func blankToNil(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
