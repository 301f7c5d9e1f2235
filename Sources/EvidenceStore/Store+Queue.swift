import EvidenceModel
import Foundation
import GRDB

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
        return try writer.read { db in
            try Self.fetchQueued(db, sql: """
                \(Self.queuedSelect)
                LEFT JOIN queue_acks a ON a.flagId = f.id AND a.consumer = ?
                WHERE s.precheck = 0
                  AND ((f.supersededAt IS NULL AND a.flagId IS NULL)
                   OR (f.supersededAt IS NOT NULL AND a.flagId IS NOT NULL AND a.withdrawalAckedAt IS NULL))
                ORDER BY f.id
                LIMIT ?
                """, arguments: [consumer, limit])
        }
    }

    /// How many deliveries `pull` has waiting for the consumer (flags and withdrawals).
    package func queueDepth(consumer: String) throws -> Int {
        let consumer = try Self.validConsumer(consumer)
        return try writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM flags f JOIN submissions s ON s.id = f.submissionId
                LEFT JOIN queue_acks a ON a.flagId = f.id AND a.consumer = ?
                WHERE s.precheck = 0
                  AND ((f.supersededAt IS NULL AND a.flagId IS NULL)
                   OR (f.supersededAt IS NOT NULL AND a.flagId IS NOT NULL AND a.withdrawalAckedAt IS NULL))
                """, arguments: [consumer]) ?? 0
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
        return try writer.write { db in try Self.ackFlags(db, consumer: consumer, ids: ids) }
    }

    static func ackFlags(_ db: Database, consumer: String, ids: [Int64]) throws -> Int {
        let ids = Array(Set(ids)).sorted()
        guard !ids.isEmpty else { return 0 }
        let flags = try FlagRecord.fetchAll(db, keys: ids)
        let known = Set(flags.compactMap(\.id))
        let unknown = ids.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw StoreError.unknownFlags(unknown) }

        let now = Date()
        var ended = 0
        for flag in flags {
            guard let id = flag.id else { continue }
            if var ack = try QueueAckRecord.fetchOne(db, key: ["consumer": consumer, "flagId": id]) {
                // Already acked as a flag: this ack is for its withdrawal, if it has one.
                if flag.supersededAt != nil, ack.withdrawalAckedAt == nil {
                    ack.withdrawalAckedAt = now
                    try ack.update(db)
                    ended += 1
                }
            } else {
                // First ack. Of a flag that was superseded meanwhile, it is the flag's ack: the
                // consumer may have handled it as current, so its withdrawal is still delivered.
                try QueueAckRecord(consumer: consumer, flagId: id, ackedAt: now, withdrawalAckedAt: nil).insert(db)
                ended += 1
            }
        }
        return ended
    }

    /// Flags in id order, for `queue list` and `flags export --csv`: the current ones (of every
    /// submission, or one), or all including superseded ones.
    package func list(submission: String? = nil, includeSuperseded: Bool = false) throws -> [QueuedFlag] {
        try writer.read { db in
            var conditions: [String] = []
            var arguments = StatementArguments()
            if !includeSuperseded { conditions.append("f.supersededAt IS NULL") }
            if let submission {
                conditions.append("f.submissionId = ?")
                _ = arguments.append(contentsOf: [submission])
            } else {
                conditions.append("s.precheck = 0")  // a pre-check is listed only by its id
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Self.fetchQueued(db, sql: "\(Self.queuedSelect) \(filter) ORDER BY f.id", arguments: arguments)
        }
    }

    static let queuedSelect = """
        SELECT f.*, s.unitCode AS submissionUnitCode, s.unitName, s.unitLevel
        FROM flags f JOIN submissions s ON s.id = f.submissionId
        """

    /// Rows are read from a cursor, not `Row.fetchAll`: a fetched row is a copy whose every
    /// `row["column"]` lower-cases each column name until it finds the one asked for (GRDB 7's
    /// `StatementCopyRowImpl`), and a flag's record reads some twenty columns by name. A cursor's row
    /// finds a name in its statement's index. (The profile of `GET /api/v1/flags` under load had
    /// `String.lowercased` there as one of its largest costs.)
    static func fetchQueued(_ db: Database, sql: String, arguments: StatementArguments) throws -> [QueuedFlag] {
        try Array(Row.fetchCursor(db, sql: sql, arguments: arguments).map { row in
            let record = try FlagRecord(row: row)
            let level = Submission.Level(rawValue: row["unitLevel"] ?? "") ?? .district
            return QueuedFlag(
                id: record.id ?? 0, submission: record.submissionId, revision: record.revision,
                                // The unit the flag was found for (v6 keeps it on the flag; older rows: the submission's).
                unit: Submission.Unit(code: (row["unitCode"] as String?) ?? (row["submissionUnitCode"] as String? ?? ""), name: row["unitName"], level: level),
                claimIndex: record.claimIndex, indicator: record.indicator, score: record.score,
                flag: record.flag, createdAt: record.createdAt, supersededAt: record.supersededAt)
        })
    }

    static func validConsumer(_ name: String) throws -> String {
        guard !name.isEmpty, name.trimmingCharacters(in: .whitespacesAndNewlines) == name else {
            throw StoreError.invalidConsumer(name)
        }
        return name
    }
}
