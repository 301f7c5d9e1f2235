package import EvidenceModel
import Foundation

/// The flag queue. Each named consumer ('scoring', 'appraisers', ...) reads independently.
///
/// Delivery is at least once and stateless: `pull` returns, in id order, what the consumer has not
/// acked, and keeps returning it on every pull until acked. A consumer that dies between pull and
/// ack gets the same flags again; a consumer must therefore ack what it handled before pulling the
/// next batch, and treat a flag id it has seen as a duplicate. (No visibility timeout: the CLI's
/// `queue pull` then `queue ack` needs no lease, and two workers of one consumer are not a use case.)
///
/// Supersession reaches consumers too: a flag a consumer acked and that a changed submission then
/// superseded is delivered once more with `supersededAt` set (a withdrawal), until acked again. A
/// flag superseded before the consumer acked it is simply no longer delivered. A unit's pre-check
/// is never delivered: it is the unit's own trial, not a submission to the council.
extension Store {
    package func pull(consumer: String, limit: Int = 100) throws -> [QueuedFlag] {
        let consumer = try Self.validConsumer(consumer)
        guard limit > 0 else { return [] }
        return try database.read { db in
            try Self.fetchQueued(db, """
                \(sql: Self.queuedSelect)
                LEFT JOIN queue_acks a ON a.flagId = f.id AND a.consumer = \(consumer)
                WHERE s.precheck = FALSE
                  AND ((f.supersededAt IS NULL AND a.flagId IS NULL)
                   OR (f.supersededAt IS NOT NULL AND a.flagId IS NOT NULL AND a.withdrawalAckedAt IS NULL))
                ORDER BY f.id
                LIMIT \(limit)
                """)
        }
    }

    /// How many deliveries `pull` has waiting for the consumer (flags and withdrawals).
    package func queueDepth(consumer: String) throws -> Int {
        let consumer = try Self.validConsumer(consumer)
        return try database.read { db in
            try db.count("""
                SELECT COUNT(*) FROM flags f JOIN submissions s ON s.id = f.submissionId
                LEFT JOIN queue_acks a ON a.flagId = f.id AND a.consumer = \(consumer)
                WHERE s.precheck = FALSE
                  AND ((f.supersededAt IS NULL AND a.flagId IS NULL)
                   OR (f.supersededAt IS NOT NULL AND a.flagId IS NOT NULL AND a.withdrawalAckedAt IS NULL))
                """)
        }
    }

    /// Acks what the consumer handled, in one transaction. Acking a current flag stops its delivery;
    /// acking a withdrawn one stops the withdrawal's. Acking twice is harmless. Ids the queue never
    /// issued are refused and nothing is acked. Returns how many deliveries this ack ended.
    @discardableResult
    package func ack(consumer: String, ids: [Int64]) throws -> Int {
        let consumer = try Self.validConsumer(consumer)
        let ids = Array(Set(ids)).sorted()
        guard !ids.isEmpty else { return 0 }
        return try database.write { db in try Self.ackFlags(db, consumer: consumer, ids: ids) }
    }

    static func ackFlags(_ db: any StoreConnection, consumer: String, ids: [Int64]) throws -> Int {
        let ids = Array(Set(ids)).sorted()
        guard !ids.isEmpty else { return 0 }
        let flags = try db.fetch("SELECT * FROM flags WHERE id IN \(list: ids)", as: FlagRecord.self)
        let known = Set(flags.compactMap(\.id))
        let unknown = ids.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw StoreError.unknownFlags(unknown) }

        let now = Date()
        var ended = 0
        for flag in flags {
            guard let id = flag.id else { continue }
            if var ack = try db.fetch("""
                SELECT * FROM queue_acks WHERE consumer = \(consumer) AND flagId = \(id)
                """, as: QueueAckRecord.self).first {
                // Already acked as a flag: this ack is for its withdrawal, if it has one.
                if flag.supersededAt != nil, ack.withdrawalAckedAt == nil {
                    ack.withdrawalAckedAt = now
                    try db.update(ack)
                    ended += 1
                }
            } else {
                // First ack. Of a flag that was superseded meanwhile, it is the flag's ack: the
                // consumer may have handled it as current, so its withdrawal is still delivered.
                try db.insert(QueueAckRecord(consumer: consumer, flagId: id, ackedAt: now, withdrawalAckedAt: nil))
                ended += 1
            }
        }
        return ended
    }

    /// Flags in id order, for `queue list` and `flags export --csv`: the current ones (of every
    /// submission, or one), or all including superseded ones. `after`, `reason` and `limit` page
    /// through them (`GET /api/v1/flags`) without reading the flags before the page.
    package func list(submission: String? = nil, includeSuperseded: Bool = false, after: Int64? = nil,
                      reason: FlagReason? = nil, limit: Int? = nil) throws -> [QueuedFlag] {
        try database.read { db in
            var conditions: [StoreSQL] = []
            if !includeSuperseded { conditions.append("f.supersededAt IS NULL") }
            if let submission {
                conditions.append("f.submissionId = \(submission)")
            } else {
                conditions.append("s.precheck = FALSE")  // a pre-check is listed only by its id
            }
            if let after { conditions.append("f.id > \(after)") }
            if let reason { conditions.append("f.reason = \(reason)") }
            let filter: StoreSQL = conditions.isEmpty ? "" : "WHERE \(sql: conditions.joined(separator: " AND "))"
            let page: StoreSQL = limit.map { " LIMIT \($0)" } ?? ""
            return try Self.fetchQueued(db, "\(sql: Self.queuedSelect) \(sql: filter) ORDER BY f.id\(sql: page)")
        }
    }

    static let queuedSelect = queuedSelect(from: "flags f")

    /// `from`: the flags table and its alias `f` (with an index hint where one is needed).
    static func queuedSelect(from flags: String) -> StoreSQL {
        """
        SELECT f.*, s.unitCode AS submissionUnitCode, s.unitName, s.unitLevel
        FROM \(raw: flags) JOIN submissions s ON s.id = f.submissionId
        """
    }

    static func fetchQueued(_ db: any StoreConnection, _ sql: StoreSQL) throws -> [QueuedFlag] {
        try db.fetch(sql).map { row in
            let record = try FlagRecord(row: row)
            let level: Submission.Level = row["unitLevel"] ?? .district
            return QueuedFlag(
                id: record.id ?? 0, submission: record.submissionId, revision: record.revision,
                                // The unit the flag was found for (v6 keeps it on the flag; older rows: the submission's).
                unit: Submission.Unit(code: row["unitCode"] ?? row["submissionUnitCode"] ?? "", name: try row.get("unitName"), level: level),
                claimIndex: record.claimIndex, indicator: record.indicator, score: record.score,
                flag: record.flag, createdAt: record.createdAt, supersededAt: record.supersededAt)
        }
    }

    static func validConsumer(_ name: String) throws -> String {
        guard !name.isEmpty, name.trimmingCharacters(in: .whitespacesAndNewlines) == name else {
            throw StoreError.invalidConsumer(name)
        }
        return name
    }
}
