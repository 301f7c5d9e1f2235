package import EvidenceModel
package import Foundation

/// Work claimed by one node at a time, under a lease (see `Lease`).
///
/// A claim is one write transaction: the rows are chosen and marked together, so two nodes never
/// claim the same row. On PostgreSQL the choice is `SELECT … FOR UPDATE SKIP LOCKED` (rows another
/// transaction is marking are passed over, not waited for); SQLite has one writer at a time, which
/// gives the same guarantee. A row is claimable when it waits, or when its lease has expired (its
/// node was killed or cut off) or it has none (left by a version without leases).
extension Store {
    /// Claims up to `limit` documents to extract: queued ones, and any whose extraction lease has
    /// expired, except this node's own (still in flight here when its heartbeat was late; the
    /// extraction pass gives back what it holds and is not extracting). They become `extracting`
    /// under `lease` (an attempt counted). Within the minute they
    /// arrived in, the largest file first: a long scan taken last would leave the other workers idle
    /// at the end of a batch. Across minutes, first come, first served, so a stream of large files
    /// never starves a small one.
    package func takeQueuedDocuments(limit: Int, lease: Lease = .unshared, now: Date = Date()) throws -> [String] {
        guard limit > 0 else { return [] }
        return try database.write { db in
            let keys = try db.values("""
                SELECT sha256 FROM documents
                WHERE state = \(DocumentState.queued)
                   OR (state = \(DocumentState.extracting) AND (leaseExpiresAt IS NULL OR leaseExpiresAt < \(now))
                       AND COALESCE(leaseNode, '') <> \(lease.node))
                ORDER BY \(raw: db.dialect.minute(of: "createdAt")), bytes DESC NULLS LAST, createdAt, sha256
                LIMIT \(limit) \(raw: db.dialect.skipLocked(of: "documents"))
                """, as: String.self)
            guard !keys.isEmpty else { return [] }
            try db.execute("""
                UPDATE documents SET state = \(DocumentState.extracting), attempts = attempts + 1, updatedAt = \(now),
                    leaseNode = \(lease.node), leaseExpiresAt = \(lease.expiry(from: now))
                WHERE sha256 IN \(list: keys)
                """)
            return keys
        }
    }

    /// Claims up to `limit` submissions ready to be checked (waiting, every file read or failed)
    /// that no live lease holds, oldest first. Their state stays as it is: the lease is the claim.
    package func claimReadySubmissions(limit: Int = 1, lease: Lease, now: Date = Date()) throws -> [String] {
        guard limit > 0 else { return [] }
        return try database.write { db in
            let ids = try db.values("""
                SELECT s.id FROM submissions s
                WHERE \(sql: Self.readyToCheck)
                  AND (s.leaseNode IS NULL OR s.leaseExpiresAt IS NULL OR s.leaseExpiresAt < \(now))
                ORDER BY s.createdAt, s.id
                LIMIT \(limit) \(raw: db.dialect.skipLocked(of: "s"))
                """, as: String.self)
            guard !ids.isEmpty else { return [] }
            try db.execute("""
                UPDATE submissions SET leaseNode = \(lease.node), leaseExpiresAt = \(lease.expiry(from: now)) WHERE id IN \(list: ids)
                """)
            return ids
        }
    }

    /// The states of a submission not yet checked (nor failed); bound, never spelled.
    static let waitingToBeChecked: [SubmissionState] = [.queued, .extracting]

    /// `s` (a submission) waits to be checked and every file it names is extracted or failed.
    static var readyToCheck: StoreSQL {
        let unread: [DocumentState] = [.queued, .extracting]
        return """
            s.state IN \(list: waitingToBeChecked)
              AND NOT EXISTS (
                SELECT 1 FROM submission_files f JOIN documents d ON d.sha256 = f.sha256
                WHERE f.submissionId = s.id AND d.state IN \(list: unread))
            """
    }

    /// Records a check's result (see `recordResult(_:revision:)`) if this node still holds the
    /// submission's lease, ending it in the same transaction; `StoreError.leaseLost` otherwise
    /// (its lease expired and another node claimed it: that node's result stands).
    @discardableResult
    package func recordResult(_ result: SubmissionResult, revision: Int?, lease: Lease, now: Date = Date()) throws -> [Int64] {
        try database.write { db in
            try Self.endLease(db, submission: result.submission, lease: lease)
            return try Self.recordResult(db, result, revision: revision, at: now)
        }
    }

    /// Gives a claimed submission back unchecked (a stale result, a failed pass): any node may claim
    /// it again. Nothing happens when the lease is no longer this node's.
    package func releaseSubmission(id: String, lease: Lease) throws {
        try database.write { db in _ = try? Self.endLease(db, submission: id, lease: lease) }
    }

    /// Ends this node's lease on a document it is finishing; `StoreError.leaseLost` when another node
    /// holds it now or it is no longer being extracted.
    static func endLease(_ db: any StoreConnection, document sha256: String, lease: Lease) throws {
        let ended = try db.execute("""
            UPDATE documents SET leaseNode = NULL, leaseExpiresAt = NULL
            WHERE sha256 = \(sha256) AND leaseNode = \(lease.node) AND state = \(DocumentState.extracting)
            """)
        guard ended > 0 else { throw StoreError.leaseLost(item: sha256, node: lease.node) }
    }

    static func endLease(_ db: any StoreConnection, submission id: String, lease: Lease) throws {
        let ended = try db.execute("""
            UPDATE submissions SET leaseNode = NULL, leaseExpiresAt = NULL WHERE id = \(id) AND leaseNode = \(lease.node)
            """)
        guard ended > 0 else { throw StoreError.leaseLost(item: id, node: lease.node) }
    }

    /// Documents `node` holds in `extracting` go back to `queued`, its submissions' leases end.
    /// At a node's start (what a crashed run of this node or of this machine left) and clean stop.
    @discardableResult
    package func releaseLeases(node: String, now: Date = Date()) throws -> Resumed {
        try database.write { db in
            let documents = try Self.requeueDocuments(db, node: node, at: now)
            let submissions = try db.execute("""
                UPDATE submissions SET leaseNode = NULL, leaseExpiresAt = NULL WHERE leaseNode = \(node)
                """)
            return Resumed(documents: documents, submissions: submissions)
        }
    }

    /// Documents left `extracting` under this node's lease while it has none in flight (a save or a
    /// state change that failed): back to `queued`. Returns how many; a read first, so an idle pass
    /// writes nothing.
    @discardableResult
    package func requeueStrandedDocuments(node: String, now: Date = Date()) throws -> Int {
        let held = try database.read { db in
            try db.count("SELECT COUNT(*) FROM documents WHERE leaseNode = \(node) AND state = \(DocumentState.extracting)")
        }
        guard held > 0 else { return 0 }
        return try database.write { db in try Self.requeueDocuments(db, node: node, at: now) }
    }

    private static func requeueDocuments(_ db: any StoreConnection, node: String, at now: Date) throws -> Int {
        try db.execute("""
            UPDATE documents SET state = \(DocumentState.queued), leaseNode = NULL, leaseExpiresAt = NULL, updatedAt = \(now)
            WHERE leaseNode = \(node) AND state = \(DocumentState.extracting)
            """)
    }
}
