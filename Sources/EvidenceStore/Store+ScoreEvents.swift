import EvidenceModel
import Foundation
import GRDB

/// Score events: when a decision or a later check changes a checked submission's accepted total,
/// the queue gets one event with the new totals. A first check is not a change (the totals are in
/// `GET /api/v1/scores`); re-recording an unchanged result or a decision that cuts nothing adds
/// none. Delivered like decisions: at least once, per consumer, until acked as "s<id>".
extension Store {
    /// Compares the submission's totals now with the last event's, else with `before` (read at the
    /// start of the same transaction), and records an event when they differ.
    static func noteScore(_ db: Database, submission id: String, before: UnitScores?, decisionId: Int64?, at date: Date) throws {
        guard let after = try scores(db, submission: id), after.state == .checked else { return }
        let last = try ScoreEventRecord.filter(ScoreEventRecord.Columns.submissionId == id)
            .order(ScoreEventRecord.Columns.id.desc).fetchOne(db)
        let previous: (claimed: Double, accepted: Double)
        if let last { previous = (last.claimed, last.accepted) }
        else if let before, before.state == .checked { previous = (before.claimed, before.accepted) }
        else { return }
        guard previous.claimed != after.claimed || previous.accepted != after.accepted else { return }
        var record = ScoreEventRecord(id: nil, submissionId: id, unitCode: after.unit.code, framework: after.framework,
                                      periodFrom: after.period.from, periodTo: after.period.to, claimed: after.claimed,
                                      accepted: after.accepted, decisionId: decisionId, createdAt: date)
        try record.insert(db)
    }

    /// Score events the consumer has not acked, oldest first.
    package func pullScoreEvents(consumer: String, limit: Int) throws -> [ScoreEvent] {
        let consumer = try Self.validConsumer(consumer)
        guard limit > 0 else { return [] }
        return try writer.read { db in
            try ScoreEventRecord.fetchAll(db, sql: """
                SELECT e.* FROM score_events e LEFT JOIN score_acks a ON a.scoreEventId = e.id AND a.consumer = ?
                WHERE a.scoreEventId IS NULL ORDER BY e.id LIMIT ?
                """, arguments: [consumer, limit]).map(\.event)
        }
    }

    /// Every score event of a submission, oldest first.
    package func scoreEvents(submission id: String) throws -> [ScoreEvent] {
        try writer.read { db in
            try ScoreEventRecord.filter(ScoreEventRecord.Columns.submissionId == id).order(ScoreEventRecord.Columns.id).fetchAll(db).map(\.event)
        }
    }

    static func ackScoreEvents(_ db: Database, consumer: String, ids: [Int64]) throws -> Int {
        let ids = Array(Set(ids)).sorted()
        guard !ids.isEmpty else { return 0 }
        let known = Set(try Int64.fetchAll(db, sql: "SELECT id FROM score_events WHERE id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ",")))",
                                           arguments: StatementArguments(ids)))
        let unknown = ids.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw StoreError.unknownScoreEvents(unknown) }
        let now = Date()
        var ended = 0
        for id in ids {
            try ScoreAckRecord(consumer: consumer, scoreEventId: id, ackedAt: now).insert(db, onConflict: .ignore)
            ended += db.changesCount
        }
        return ended
    }
}
