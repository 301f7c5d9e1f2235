package import EvidenceModel
package import Foundation

/// Work claimed by one node at a time, under a lease (see `Lease`).
///
/// Candidates are chosen in a read, then claimed in one write transaction that checks and marks
/// them together, so two nodes never claim the same row. On PostgreSQL that check is
/// `SELECT … FOR UPDATE SKIP LOCKED` (rows another transaction is marking are passed over, not
/// waited for); SQLite has one writer at a time, which gives the same guarantee. A row is
/// claimable when it waits, or when its lease has expired (its node was killed or cut off) or it
/// has none (left by a version without leases).
extension Store {
    /// Claims up to `limit` documents to extract: any whose extraction lease has expired, except
    /// this node's own (still in flight here when its heartbeat was late; the extraction pass gives
    /// back what it holds and is not extracting), then queued ones. They become `extracting` under
    /// `lease` (an attempt counted). Within the minute they arrived in, the largest file first: a
    /// long scan taken last would leave the other workers idle at the end of a batch. Across
    /// minutes, first come, first served, so a stream of large files never starves a small one.
    package func takeQueuedDocuments(limit: Int, lease: Lease = .unshared, now: Date = Date()) throws -> [String] {
        guard limit > 0 else { return [] }
        return try claim(limit: limit, choosing: { db, count in try Self.claimableDocuments(db, count: count, lease: lease, now: now) }) { db, candidates in
            let keys = try db.values("""
                SELECT sha256 FROM documents
                WHERE sha256 IN \(list: candidates) AND \(sql: Self.byKey(Self.claimableDocument(lease: lease, now: now)))
                \(raw: db.dialect.skipLocked(of: "documents"))
                """, as: String.self)
            let claimed = Array(candidates.filter(Set(keys).contains).prefix(limit))
            guard !claimed.isEmpty else { return [] }
            try db.execute("""
                UPDATE documents SET state = \(DocumentState.extracting), attempts = attempts + 1, updatedAt = \(now),
                    leaseNode = \(lease.node), leaseExpiresAt = \(lease.expiry(from: now))
                WHERE sha256 IN \(list: claimed)
                """)
            return claimed
        }
    }

    /// Claims up to `limit` submissions ready to be checked (waiting, every file read or failed)
    /// that no live lease holds, oldest first. Their state stays as it is: the lease is the claim.
    package func claimReadySubmissions(limit: Int = 1, lease: Lease, now: Date = Date()) throws -> [String] {
        guard limit > 0 else { return [] }
        let claimable: StoreSQL = """
            \(sql: Self.readyToCheck) AND (s.leaseNode IS NULL OR s.leaseExpiresAt IS NULL OR s.leaseExpiresAt < \(now))
            """
        return try claim(limit: limit, choosing: { db, count in
            try db.values("""
                SELECT s.id FROM submissions s WHERE \(sql: claimable) ORDER BY s.createdAt, s.id LIMIT \(count)
                """, as: String.self)
        }) { db, candidates in
            let ids = try db.values("""
                SELECT s.id FROM submissions s WHERE s.id IN \(list: candidates) AND \(sql: Self.byKey(claimable)) \(raw: db.dialect.skipLocked(of: "s"))
                """, as: String.self)
            let claimed = Array(candidates.filter(Set(ids).contains).prefix(limit))
            guard !claimed.isEmpty else { return [] }
            try db.execute("""
                UPDATE submissions SET leaseNode = \(lease.node), leaseExpiresAt = \(lease.expiry(from: now)) WHERE id IN \(list: claimed)
                """)
            return claimed
        }
    }

    /// A claim in two steps, so that the search for work never holds the write lock that every
    /// node's writes wait for (PostgreSQL's, SQLite's single writer): the candidates are chosen in a
    /// read transaction (a snapshot, beside the writes), then claimed by key in a write that checks
    /// each is still claimable (and, on PostgreSQL, skips rows another claim is marking). Other
    /// nodes choosing at once see the same first candidates and may take them all in between: the
    /// choice is made again with four times as many, up to `claimRounds` times, before the caller
    /// is told there is nothing (it polls again later). `choosing` is given how many to choose.
    private func claim(limit: Int, choosing: (any StoreConnection, Int) throws -> [String],
                       claiming: (any StoreConnection, [String]) throws -> [String]) throws -> [String] {
        var count = 2 * limit + 8
        for _ in 0..<Self.claimRounds {
            let candidates = try database.read { db in try choosing(db, count) }
            guard !candidates.isEmpty else { return [] }
            let claimed = try database.write { db in try claiming(db, candidates) }
            if !claimed.isEmpty { return claimed }
            count = min(4 * count, Self.mostCandidates)
        }
        return []
    }

    /// Rounds of a claim against other nodes' claims, and the most candidates one round chooses:
    /// 10, 40, 160, 640, 2,000 for one document, so a hundred nodes claiming at once still find
    /// work (a round that finds nothing claimable at all ends the claim at once).
    static let claimRounds = 5
    static let mostCandidates = 2_000

    /// `condition` as a term no index serves, so the rows are looked up by their keys and the
    /// condition tested on each. Written plainly, SQLite serves `state = ? OR …` from the index on
    /// state, reading every queued document to re-check ten (12 ms a claim with 30,000 queued).
    private static func byKey(_ condition: StoreSQL) -> StoreSQL {
        "(CASE WHEN \(sql: condition) THEN 1 ELSE 0 END) = 1"
    }

    /// A document this node may claim: queued, or extracting under another node's expired lease (or
    /// none: left by a version without leases).
    private static func claimableDocument(lease: Lease, now: Date) -> StoreSQL {
        """
        (state = \(DocumentState.queued)
         OR (state = \(DocumentState.extracting) AND (leaseExpiresAt IS NULL OR leaseExpiresAt < \(now))
             AND COALESCE(leaseNode, '') <> \(lease.node)))
        """
    }

    /// Up to `count` documents to claim, in claim order: the expired leases (few: one per worker of
    /// a node that died), then the queued ones minute by minute, each minute's largest first. Every
    /// step walks the index on (state, createdAt) from the oldest, so its cost does not grow with
    /// the backlog (a sort of every queued document did, and it ran under the write lock).
    private static func claimableDocuments(_ db: any StoreConnection, count: Int, lease: Lease, now: Date) throws -> [String] {
        var chosen = try db.values("""
            SELECT sha256 FROM documents
            WHERE state = \(DocumentState.extracting) AND (leaseExpiresAt IS NULL OR leaseExpiresAt < \(now))
              AND COALESCE(leaseNode, '') <> \(lease.node)
            ORDER BY createdAt, sha256 LIMIT \(count)
            """, as: String.self)
        var from: Date?
        // A few minutes at most: a minute holds as many documents as arrived in it, and a claim
        // asks for a few (its idle workers).
        for _ in 0..<8 where chosen.count < count {
            let after: StoreSQL = from.map { "AND createdAt >= \($0)" } ?? ""
            guard let oldest = try db.fetch("""
                SELECT createdAt FROM documents WHERE state = \(DocumentState.queued) \(sql: after) ORDER BY createdAt LIMIT 1
                """).first.map({ try $0.get("createdAt") as Date }) else { break }
            let minute = Date(timeIntervalSince1970: (oldest.timeIntervalSince1970 / 60).rounded(.down) * 60)
            let next = minute.addingTimeInterval(60)
            chosen += try db.values("""
                SELECT sha256 FROM documents
                WHERE state = \(DocumentState.queued) AND createdAt >= \(minute) AND createdAt < \(next)
                ORDER BY bytes DESC NULLS LAST, createdAt, sha256 LIMIT \(count - chosen.count)
                """, as: String.self)
            from = next
        }
        // Beyond a few minutes of sparse arrivals, the rest in arrival order.
        if chosen.count < count, let from {
            chosen += try db.values("""
                SELECT sha256 FROM documents WHERE state = \(DocumentState.queued) AND createdAt >= \(from)
                ORDER BY createdAt, sha256 LIMIT \(count - chosen.count)
                """, as: String.self)
        }
        return chosen
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
