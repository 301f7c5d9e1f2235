package import Foundation

/// What a daemon says of itself when it joins the store: `evidenced status` lists it.
package struct NodeInfo: Sendable, Hashable, Codable {
    /// `daemon.node_id`, else host name, pid and a random suffix (unique across restarts).
    package var id: String
    package var host: String
    package var pid: Int
    /// `evidenced run --role`: all, intake, extract or check.
    package var role: String
    /// Its lease length: a heartbeat older than this means its leases have expired.
    package var leaseSeconds: Double
    package var startedAt: Date

    package init(id: String, host: String, pid: Int, role: String, leaseSeconds: Double, startedAt: Date) {
        self.id = id; self.host = host; self.pid = pid; self.role = role
        self.leaseSeconds = leaseSeconds; self.startedAt = startedAt
    }

    package var lease: Lease { Lease(node: id, seconds: leaseSeconds) }
}

/// A node as `evidenced status` shows it: the leases it holds and whether it is still alive.
package struct NodeStatus: Sendable, Hashable, Codable {
    package var node: NodeInfo
    package var heartbeatAt: Date
    /// Documents it is extracting and submissions it is checking under a lease.
    package var documentLeases: Int
    package var submissionLeases: Int
    /// No heartbeat for longer than its lease: killed, hung or cut off. Its leases have expired
    /// and other nodes take its work.
    package var stale: Bool

    package init(node: NodeInfo, heartbeatAt: Date, documentLeases: Int, submissionLeases: Int, stale: Bool) {
        self.node = node; self.heartbeatAt = heartbeatAt; self.documentLeases = documentLeases
        self.submissionLeases = submissionLeases; self.stale = stale
    }
}
