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

    /// The gauge named `name` in full: no unit suffix and no help text, so the exposition keeps the
    /// names and lines it always had (no `# HELP` line).
    private func gauge(_ name: String, _ labels: [(String, String)] = []) -> Prometheus.Gauge {
        registry.makeGauge(descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: ""), labels: labels)
    }
}
