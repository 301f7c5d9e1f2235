package import Foundation

/// The daemons sharing the store (`nodes`): each registers at start, says it is alive at every
/// heartbeat (renewing its leases in the same transaction), and leaves at a clean stop.
extension Store {
    /// A node that stopped saying it is alive this long ago is forgotten (its leases expired long
    /// before; its row only kept it in `evidenced status` for the operator to see).
    static let forgetNodesAfter: TimeInterval = 86_400

    /// Records the node (again, after a restart under a configured id) as alive now.
    package func registerNode(_ node: NodeInfo, now: Date = Date()) throws {
        try database.write { db in try db.save(NodeRecord(node: node, heartbeatAt: now)) }
    }

    /// The node is alive: its heartbeat is recorded and every lease it still holds is renewed to
    /// `now` plus its lease length, in one transaction. A lease another node has taken over is not
    /// this node's any more and stays as it is. Returns how many leases were renewed.
    @discardableResult
    package func heartbeat(_ node: NodeInfo, now: Date = Date()) throws -> Int {
        try database.write { db in
            // Saved whole: a row removed meanwhile (a forgetful operator) comes back.
            try db.save(NodeRecord(node: node, heartbeatAt: now))
            try db.execute("DELETE FROM nodes WHERE heartbeatAt < \(now.addingTimeInterval(-Self.forgetNodesAfter))")
            let until = node.lease.expiry(from: now)
            let documents = try db.execute("""
                UPDATE documents SET leaseExpiresAt = \(until) WHERE leaseNode = \(node.id) AND state = \(DocumentState.extracting)
                """)
            let submissions = try db.execute("""
                UPDATE submissions SET leaseExpiresAt = \(until) WHERE leaseNode = \(node.id) AND state IN \(list: Self.waitingToBeChecked)
                """)
            return documents + submissions
        }
    }

    /// A clean stop: what the node still holds is given back and its row removed, in one transaction.
    @discardableResult
    package func removeNode(id: String, now: Date = Date()) throws -> Resumed {
        let released = try releaseLeases(node: id, now: now)
        _ = try database.write { db in try db.execute("DELETE FROM nodes WHERE id = \(id)") }
        return released
    }

    /// Earlier runs on this machine (`host`) that are gone (`isRunning` says their pid is not
    /// alive), and `id` itself when a configured id restarts: their leases are released and their
    /// rows removed, so a restarted daemon takes its predecessor's work at once instead of after
    /// the leases expire. Nodes of other machines are never touched: only their leases' expiry
    /// says they are gone. Returns what was released.
    package func recoverEarlierRuns(of id: String, host: String, isRunning: (Int) -> Bool, now: Date = Date()) throws -> Resumed {
        let gone = try database.read { db in
            try db.fetch("SELECT * FROM nodes WHERE host = \(host) OR id = \(id)", as: NodeRecord.self)
        }.map(\.node).filter { $0.id == id || !isRunning($0.pid) }.map(\.id)
        var total = Resumed(documents: 0, submissions: 0)
        // A configured id's own leases are released even when its row was already gone.
        for node in Set(gone + [id]).sorted() {
            let released = try removeNode(id: node, now: now)
            total.documents += released.documents
            total.submissions += released.submissions
        }
        return total
    }

    /// Every registered node with the leases it holds, by id.
    package func nodes(now: Date = Date()) throws -> [NodeStatus] {
        try database.read { db in
            try db.fetch("""
                SELECT n.*,
                  (SELECT COUNT(*) FROM documents d WHERE d.leaseNode = n.id AND d.state = \(DocumentState.extracting)) AS documentLeases,
                  (SELECT COUNT(*) FROM submissions s WHERE s.leaseNode = n.id AND s.state IN \(list: Self.waitingToBeChecked)) AS submissionLeases
                FROM nodes n ORDER BY n.id
                """).map { row in
                let record = try NodeRecord(row: row)
                return NodeStatus(node: record.node, heartbeatAt: record.heartbeatAt, documentLeases: try row.get("documentLeases"),
                                  submissionLeases: try row.get("submissionLeases"),
                                  stale: record.heartbeatAt.addingTimeInterval(record.node.leaseSeconds) < now)
            }
        }
    }

    /// Leases held on work still waiting, by any node, registered or not: none once every node
    /// has stopped cleanly.
    package func heldLeases() throws -> Int {
        try database.read { db in
            try db.count("SELECT COUNT(*) FROM documents WHERE leaseNode IS NOT NULL AND state = \(DocumentState.extracting)")
                + db.count("SELECT COUNT(*) FROM submissions WHERE leaseNode IS NOT NULL AND state IN \(list: Self.waitingToBeChecked)")
        }
    }
}
