package import EvidenceStore
package import Foundation

/// `evidenced status`: what an operator checks first.
package struct StatusReport: Codable, Sendable {
    package var documents: [String: Int]
    package var submissions: [String: Int]
    package var currentFlags: Int
    package var supersededFlags: Int
    /// Over the last 10 minutes.
    package var documentsPerMinute: Double
    package var pagesPerMinute: Double
    package var queueDepth: Int
    package var consumer: String
    package var failures: [FailedItem]
    /// Uploads and documents the running daemon keeps after a passing fault, with why and when
    /// they are tried again (what it mirrors in `retrying.json` beside the store).
    package var retrying: [RetryBook.Entry]
    /// The daemons sharing the store, with the leases they hold; stale ones first to catch the eye.
    package var nodes: [NodeStatus]
    /// When the report was made: heartbeats are shown as ages from it.
    package var madeAt: Date

    package static func make(store: Store, consumer: String, retrying: [RetryBook.Entry] = [], window: TimeInterval = 600,
                             now: Date = Date()) throws -> StatusReport {
        let backlog = try store.backlog()
        let recent = try store.throughput(since: now.addingTimeInterval(-window))
        let minutes = window / 60
        return StatusReport(
            documents: Dictionary(uniqueKeysWithValues: backlog.documents.map { ($0.key.rawValue, $0.value) }),
            submissions: Dictionary(uniqueKeysWithValues: backlog.submissions.map { ($0.key.rawValue, $0.value) }),
            currentFlags: backlog.currentFlags, supersededFlags: backlog.supersededFlags,
            documentsPerMinute: Double(recent.documents) / minutes, pagesPerMinute: Double(recent.pages) / minutes,
            queueDepth: try store.queueDepth(consumer: consumer), consumer: consumer, failures: try store.failures(limit: 20),
            retrying: retrying, nodes: try store.nodes(now: now), madeAt: now)
    }

    package var text: String {
        func states(_ counts: [String: Int]) -> String { counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") }
        var lines = [
            "documents:   \(states(documents))",
            "submissions: \(states(submissions))",
            "flags:       \(currentFlags) current, \(supersededFlags) superseded; queue depth for '\(consumer)': \(queueDepth)",
            String(format: "last 10 min: %.1f documents/min, %.1f pages/min", documentsPerMinute, pagesPerMinute),
        ]
        lines += nodeLines
        if !failures.isEmpty { lines.append("failures (retry with `evidenced retry ID`):") }
        for failure in failures {
            lines.append("  \(failure.kind.rawValue) \(failure.id.prefix(16)): \(failure.code.map { "\($0): " } ?? "")\(failure.message)")
        }
        if !retrying.isEmpty { lines.append("waiting on a retry (a passing fault; nothing is refused for it):") }
        for entry in retrying {
            lines.append("  \(entry.item) after \(entry.failures) failure(s), next try \(entry.nextTry.formatted(.iso8601)): \(entry.reason)")
        }
        return lines.joined(separator: "\n")
    }

    /// One line per node: its role, the leases it holds, how long since its heartbeat; a stale node
    /// (killed, hung or cut off) is marked, with what happens to its work.
    private var nodeLines: [String] {
        guard !nodes.isEmpty else { return ["nodes:       none running"] }
        let stale = nodes.filter(\.stale).count
        var lines = ["nodes:       \(nodes.count) (\(stale) stale)"]
        for status in nodes {
            let node = status.node
            let age = max(0, Int(madeAt.timeIntervalSince(status.heartbeatAt).rounded()))
            var line = "  \(node.id) (\(node.role), \(node.host) pid \(node.pid)): "
                + "\(status.documentLeases) document(s), \(status.submissionLeases) submission(s) leased; heartbeat \(age) s ago"
            if status.stale {
                line += " STALE: no heartbeat for over its \(Int(node.leaseSeconds)) s lease; its work goes to the other nodes"
            }
            lines.append(line)
        }
        return lines
    }
}
