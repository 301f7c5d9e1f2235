import Foundation
import HTTPTypes
import NIOCore
import EvidenceStore
import Testing

@Suite struct PageTests {
    @Test func textFromDocumentsIsEscapedEverywhere() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let session = try #require(try await BrowserSession.login(client, user: "bato"))
            let page = try await client.execute(uri: "/submissions/bato-huyen-2024", method: .get, headers: session.headers)
            let html = String(buffer: page.body)
            #expect(page.status == .ok)
            #expect(!html.contains("<script>alert"))
            #expect(html.contains("&lt;script&gt;alert"))
            #expect(!html.contains("<img src=x"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(html.contains("data-verdict=\"flagged\"") && html.contains("data-verdict=\"supported\""))
            // JSON is escaped by being JSON, and served as JSON.
            let pages = try await client.execute(uri: "/api/v1/documents/\(WebHarness.batoDocument)/pages", method: .get, headers: harness.bearer("bato"))
            #expect(pages.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }

    @Test func theNewSubmissionFormListsTheFrameworksIndicators() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let session = try #require(try await BrowserSession.login(client, user: "bato"))
            let choose = String(buffer: try await client.execute(uri: "/submissions/new", method: .get, headers: session.headers).body)
            #expect(choose.contains("thanhhoa-dti-district-2021"))
            let form = String(buffer: try await client.execute(uri: "/submissions/new?framework=thanhhoa-dti-district-2021", method: .get,
                                                              headers: session.headers).body)
            #expect(form.contains("<option value=\"2.1.2\">"))
            #expect(form.contains("name=\"c2_e2_file\""))
            #expect(form.contains("value=\"\(session.csrf)\""))
            // Appraisers do not create submissions.
            let council = try #require(try await BrowserSession.login(client, user: "council"))
            #expect(try await client.execute(uri: "/submissions/new", method: .get, headers: council.headers).status == .forbidden)
        }
    }

    @Test func healthMetricsAndTheAPIDocument() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(String(buffer: health.body) == "{\"inbox\":\"ok\",\"status\":\"ok\",\"store\":\"ok\"}")
            _ = try await client.execute(uri: "/api/v1/submissions", method: .get, headers: harness.bearer("root"))
            let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get, headers: harness.bearer("root")).body)
            #expect(metrics.contains("evidenced_submissions{state=\"checked\"} 2"))
            #expect(metrics.contains("evidenced_flags{reason=\"signer-mismatch\"} 2"))
            #expect(metrics.contains("evidenced_queue_depth"))
            #expect(metrics.contains("hb_requests") || metrics.contains("hb_request"))
            #expect(metrics.contains("evidenced_nodes{role=\"extract\",state=\"alive\"} 0"))
            let document = String(buffer: try await client.execute(uri: "/api/openapi.yaml", method: .get).body)
            #expect(document.hasPrefix("openapi: 3"))
            #expect(document.contains("/api/v1/queue/ack"))
        }
    }

    /// The daemons sharing the store, as an operator alerts on them: alive or stale by role, and
    /// each node's leases and heartbeat age; a node that left has no series any more.
    @Test func metricsShowTheNodesAndTheirLeases() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        let now = Date()
        // Alive however slowly the test runs (a day's lease); the other silent for an hour past its minute.
        let alive = NodeInfo(id: "extract-1", host: "ocr-1", pid: 101, role: "extract", leaseSeconds: 86_400, startedAt: now)
        let stopped = NodeInfo(id: "extract-2", host: "ocr-2", pid: 102, role: "extract", leaseSeconds: 60, startedAt: now)
        try harness.store.registerNode(alive, now: now)
        try harness.store.registerNode(stopped, now: now.addingTimeInterval(-3_600))
        // A role of another version (an upgrade under way): counted while its node is there.
        let newer = NodeInfo(id: "newer-1", host: "ocr-3", pid: 103, role: "newer", leaseSeconds: 86_400, startedAt: now)
        try harness.store.registerNode(newer, now: now)
        try await harness.test { client in
            let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get, headers: harness.bearer("root")).body)
            #expect(metrics.contains("evidenced_nodes{role=\"extract\",state=\"alive\"} 1"))
            #expect(metrics.contains("evidenced_nodes{role=\"extract\",state=\"stale\"} 1"))
            #expect(metrics.contains("evidenced_nodes{role=\"check\",state=\"alive\"} 0"))
            #expect(metrics.contains("evidenced_node_leases{node=\"extract-1\",role=\"extract\",work=\"documents\"} 0"))
            let age = metrics.split(separator: "\n").first { $0.hasPrefix("evidenced_node_heartbeat_age_seconds{node=\"extract-2\"") }
            #expect(Double(age?.split(separator: " ").last ?? "") ?? 0 >= 3_600)
            #expect(metrics.contains("evidenced_nodes{role=\"newer\",state=\"alive\"} 1"))
            try harness.store.removeNode(id: "extract-2")
            try harness.store.removeNode(id: "newer-1")
            let after = String(buffer: try await client.execute(uri: "/metrics", method: .get, headers: harness.bearer("root")).body)
            #expect(!after.contains("extract-2"))
            #expect(!after.contains("newer"))
            #expect(after.contains("evidenced_nodes{role=\"extract\",state=\"stale\"} 0"))
            // Operators only: a unit reads no metrics.
            #expect(try await client.execute(uri: "/metrics", method: .get, headers: harness.bearer("bato")).status == .forbidden)
        }
    }
}
