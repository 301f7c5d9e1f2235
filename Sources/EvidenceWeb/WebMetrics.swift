import EvidenceStore
import Metrics
import Prometheus
import Synchronization

/// `/metrics`: the HTTP metrics Hummingbird records through swift-metrics, plus the store's
/// totals read at scrape time (submissions by state, flags by reason, documents and pages read,
/// queue depth), in Prometheus text.
final class WebMetrics: Sendable {
    let registry: PrometheusCollectorRegistry

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

    func scrape(_ counts: StoreCounts, queueDepth: Int?) -> String {
        for state in SubmissionState.allCases {
            registry.makeGauge(name: "evidenced_submissions", labels: [("state", state.rawValue)])
                .set(Double(counts.submissionsByState[state.rawValue] ?? 0))
        }
        for (reason, count) in counts.flagsByReason {
            registry.makeGauge(name: "evidenced_flags", labels: [("reason", reason)]).set(Double(count))
        }
        registry.makeGauge(name: "evidenced_documents_read").set(Double(counts.documentsRead))
        registry.makeGauge(name: "evidenced_pages_read").set(Double(counts.pagesRead))
        if let queueDepth { registry.makeGauge(name: "evidenced_queue_depth", labels: [("consumer", "scoring")]).set(Double(queueDepth)) }
        return registry.emitToString()
    }
}
