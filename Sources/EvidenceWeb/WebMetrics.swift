import EvidenceStore
import Foundation
import Metrics
import Prometheus
import Synchronization

/// `/metrics`: the HTTP metrics Hummingbird records through swift-metrics, plus the store's
/// totals read at scrape time (submissions by state, flags by reason, documents and pages read,
/// queue depth, the daemons sharing the store and their leases), in Prometheus text.
final class WebMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    /// The per-node gauges of the last scrape: a node that left is unregistered at the next one,
    /// so its series ends instead of repeating its last value for ever. Held while scraping, and
    /// shared like the registry, so two scrapes at once (two servers of one process, as in the
    /// tests) never emit each other's values.
    private static let nodeGauges = Mutex<[Prometheus.Gauge]>([])

    /// swift-metrics has one global backend per process: the first server bootstraps it.
    private static let shared = Mutex<PrometheusCollectorRegistry?>(nil)

    init() {
        registry = Self.shared.withLock { registry in
            if let registry { return registry }
            let made = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: made))
            registry = made
            return made
        }
    }

    func scrape(_ counts: StoreCounts, queueDepth: Int?, nodes: [NodeStatus] = []) -> String {
        Self.nodeGauges.withLock { nodeGauges in
            for gauge in nodeGauges { registry.unregisterGauge(gauge) }
            nodeGauges = record(nodes)
            return scrape(counts, queueDepth: queueDepth)
        }
    }

    private func scrape(_ counts: StoreCounts, queueDepth: Int?) -> String {
        for state in SubmissionState.allCases {
            gauge("evidenced_submissions", [("state", state.rawValue)]).set(Double(counts.submissionsByState[state.rawValue] ?? 0))
        }
        for (reason, count) in counts.flagsByReason {
            gauge("evidenced_flags", [("reason", reason)]).set(Double(count))
        }
        gauge("evidenced_documents_read").set(Double(counts.documentsRead))
        gauge("evidenced_pages_read").set(Double(counts.pagesRead))
        if let queueDepth { gauge("evidenced_queue_depth", [("consumer", "scoring")]).set(Double(queueDepth)) }
        return registry.emitToString()
    }

    /// Nodes by role, alive or stale (no heartbeat for longer than their lease: killed, hung or cut
    /// off), and per node its leases and the age of its last heartbeat, so an operator can alert on
    /// a node that stopped or on work piling up under one node. Returns the gauges to unregister at
    /// the next scrape: the per-node ones, and those of a role this version does not know (a node of
    /// another version during an upgrade), which must end when its last node goes.
    private func record(_ nodes: [NodeStatus]) -> [Prometheus.Gauge] {
        let known = Set(DaemonRole.allCases.map(\.rawValue))
        var passing: [Prometheus.Gauge] = []
        for role in Set(nodes.map(\.node.role)).union(known) {
            for stale in [false, true] {
                let count = gauge("evidenced_nodes", [("role", role), ("state", stale ? "stale" : "alive")])
                count.set(Double(nodes.filter { $0.node.role == role && $0.stale == stale }.count))
                if !known.contains(role) { passing.append(count) }
            }
        }
        let now = Date()
        return passing + nodes.flatMap { status -> [Prometheus.Gauge] in
            let labels = [("node", status.node.id), ("role", status.node.role)]
            let documents = gauge("evidenced_node_leases", labels + [("work", "documents")])
            let submissions = gauge("evidenced_node_leases", labels + [("work", "submissions")])
            let age = gauge("evidenced_node_heartbeat_age_seconds", labels)
            documents.set(Double(status.documentLeases))
            submissions.set(Double(status.submissionLeases))
            age.set(max(0, now.timeIntervalSince(status.heartbeatAt)))
            return [documents, submissions, age]
        }
    }

    /// The gauge named `name` in full: no unit suffix and no help text, so the exposition keeps the
    /// names and lines it always had (no `# HELP` line).
    private func gauge(_ name: String, _ labels: [(String, String)] = []) -> Prometheus.Gauge {
        registry.makeGauge(descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: ""), labels: labels)
    }
}
