import EvidenceModel
import Foundation

/// Decisions through the queue, with the flags' contract: at least once, stateless, per consumer.
/// `pullEvents` returns what the consumer has not acked — flag deliveries first (new flags and
/// withdrawals, as `pull`), then decision events in decision order — and returns them again on every
/// pull until acked. A decision's flag is always older than the decision, so a consumer that handles
/// a batch in order has seen the flag first. A revised decision is a new event; the consumer keeps
/// the latest per flag (highest decision id).
extension Store {
    package func pullEvents(consumer: String, limit: Int = 100,
                            kinds: Set<QueueEvent.Kind> = Set(QueueEvent.Kind.allCases)) throws -> [QueueEvent] {
        let consumer = try Self.validConsumer(consumer)
        guard limit > 0 else { return [] }
        var events: [QueueEvent] = []
        if kinds.contains(.flag) { events = try pull(consumer: consumer, limit: limit).map(QueueEvent.flag) }
        let room = limit - events.count
        guard room > 0 else { return events }
        guard kinds.contains(.decision) else {
            return kinds.contains(.score) ? events + (try pullScoreEvents(consumer: consumer, limit: room)).map(QueueEvent.score) : events
        }
        let decisions = try database.read { db in
            let records = try db.fetch("""
                SELECT d.* FROM flag_decisions d
                JOIN flags f ON f.id = d.flagId JOIN submissions s ON s.id = f.submissionId
                LEFT JOIN decision_acks a ON a.decisionId = d.id AND a.consumer = \(consumer)
                WHERE a.decisionId IS NULL AND s.precheck = FALSE
                ORDER BY d.id LIMIT \(room)
                """, as: FlagDecisionRecord.self)
            let ids = Array(Set(records.map(\.flagId))).sorted()
            let flags = ids.isEmpty ? [] : try Self.fetchQueued(db, "\(sql: Self.queuedSelect) WHERE f.id IN \(list: ids)")
            let byId = Dictionary(flags.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return records.compactMap { record -> DecisionEvent? in
                guard let flag = byId[record.flagId] else { return nil }
                return DecisionEvent(flagId: record.flagId, decision: record.decision, flag: flag)
            }
        }
        events += decisions.map(QueueEvent.decision)
        let left = limit - events.count
        guard kinds.contains(.score), left > 0 else { return events }
        return events + (try pullScoreEvents(consumer: consumer, limit: left)).map(QueueEvent.score)
    }

    /// Decision events waiting for the consumer.
    package func decisionQueueDepth(consumer: String) throws -> Int {
        let consumer = try Self.validConsumer(consumer)
        return try database.read { db in
            try db.count("""
                SELECT COUNT(*) FROM flag_decisions d
                LEFT JOIN decision_acks a ON a.decisionId = d.id AND a.consumer = \(consumer)
                WHERE a.decisionId IS NULL
                """)
        }
    }

    /// Acks flags (as `ack`), decision and score events in one transaction; unknown ids of any kind
    /// are refused and nothing is acked. Returns how many deliveries this ack ended.
    @discardableResult
    package func ack(consumer: String, _ acks: QueueAcks) throws -> Int {
        let consumer = try Self.validConsumer(consumer)
        let decisionIds = Array(Set(acks.decisions)).sorted()
        guard !decisionIds.isEmpty || !acks.scores.isEmpty else { return try ack(consumer: consumer, ids: acks.flags) }
        return try database.write { db in
            let known = Set(try db.values("SELECT id FROM flag_decisions WHERE id IN \(list: decisionIds)", as: Int64.self))
            let unknown = decisionIds.filter { !known.contains($0) }
            guard unknown.isEmpty else { throw StoreError.unknownDecisions(unknown) }
            // The flags' ack in the same transaction: a refused flag id undoes the decisions' too.
            let ended = try Self.ackFlags(db, consumer: consumer, ids: acks.flags)
                + Self.ackScoreEvents(db, consumer: consumer, ids: acks.scores)
            let now = Date()
            var endedDecisions = 0
            for id in decisionIds {
                endedDecisions += try db.execute("""
                    INSERT INTO decision_acks (consumer, decisionId, ackedAt) VALUES (\(consumer), \(id), \(now))
                    ON CONFLICT DO NOTHING
                    """)
            }
            return ended + endedDecisions
        }
    }
}
