import EvidenceModel
import Foundation

/// Score events: when a decision or a later check changes a checked submission's accepted total,
/// the queue gets one event with the new totals. A first check is not a change (the totals are in
/// `GET /api/v1/scores`); re-recording an unchanged result or a decision that cuts nothing adds
/// none. Delivered like decisions: at least once, per consumer, until acked as "s<id>".
extension Store {
    /// Compares the submission's totals now with the last event's, else with `before` (read at the
    /// start of the same transaction), and records an event when they differ.
    static func noteScore(_ db: any StoreConnection, submission id: String, before: UnitScores?, decisionId: Int64?, at date: Date) throws {
        guard let after = try scores(db, submission: id), after.state == .checked else { return }
        let last = try db.fetch("SELECT * FROM score_events WHERE submissionId = \(id) ORDER BY id DESC LIMIT 1",
                                as: ScoreEventRecord.self).first
        let previous: (claimed: Double, accepted: Double)
        if let last { previous = (last.claimed, last.accepted) }
        else if let before, before.state == .checked { previous = (before.claimed, before.accepted) }
        else { return }
        guard previous.claimed != after.claimed || previous.accepted != after.accepted else { return }
        let record = ScoreEventRecord(id: nil, submissionId: id, unitCode: after.unit.code, framework: after.framework,
                                      periodFrom: after.period.from, periodTo: after.period.to, claimed: after.claimed,
                                      accepted: after.accepted, decisionId: decisionId, createdAt: date)
        try db.insert(record)
    }

    /// Score events the consumer has not acked, oldest first.
    package func pullScoreEvents(consumer: String, limit: Int) throws -> [ScoreEvent] {
        let consumer = try Self.validConsumer(consumer)
        guard limit > 0 else { return [] }
        return try database.read { db in
            try db.fetch("""
                SELECT e.* FROM score_events e LEFT JOIN score_acks a ON a.scoreEventId = e.id AND a.consumer = \(consumer)
                WHERE a.scoreEventId IS NULL ORDER BY e.id LIMIT \(limit)
                """, as: ScoreEventRecord.self).map(\.event)
        }
    }

    /// Every score event of a submission, oldest first.
    package func scoreEvents(submission id: String) throws -> [ScoreEvent] {
        try database.read { db in
            try db.fetch("SELECT * FROM score_events WHERE submissionId = \(id) ORDER BY id", as: ScoreEventRecord.self).map(\.event)
        }
    }

    static func ackScoreEvents(_ db: any StoreConnection, consumer: String, ids: [Int64]) throws -> Int {
        let ids = Array(Set(ids)).sorted()
        guard !ids.isEmpty else { return 0 }
        let known = Set(try db.values("SELECT id FROM score_events WHERE id IN \(list: ids)", as: Int64.self))
        let unknown = ids.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw StoreError.unknownScoreEvents(unknown) }
        let now = Date()
        var ended = 0
        for id in ids {
            ended += try db.execute("""
                INSERT INTO score_acks (consumer, scoreEventId, ackedAt) VALUES (\(consumer), \(id), \(now))
                ON CONFLICT DO NOTHING
                """)
        }
        return ended
    }
}
