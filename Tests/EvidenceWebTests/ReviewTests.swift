import EvidenceService
import EvidenceModel
import EvidenceStore
import Foundation
import HTTPTypes
import NIOCore
import Testing

/// The appraisers' review: the queue, a flag with its region, decisions and their trail, and what a
/// unit may see of it.
@Suite struct ReviewTests {
    private func png(_ response: TestResponse) -> (width: Int, height: Int)? {
        let bytes = Array(response.body.readableBytesView)
        guard bytes.count > 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    @Test func theQueueIsTheAppraisersAndCountsFlagsPerReason() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let council = try #require(try await BrowserSession.login(client, user: "council"))
            let page = try await client.execute(uri: "/review", method: .get, headers: council.headers)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.components(separatedBy: "data-flag=").count - 1 == 2)
            #expect(html.contains("data-reason=\"signer-mismatch\">Người ký không khớp <span class=\"count\">2</span>"))
            #expect(!html.contains("<script>alert"))
            let filtered = String(buffer: try await client.execute(uri: "/review?unit=H-SONHA", method: .get, headers: council.headers).body)
            #expect(filtered.components(separatedBy: "data-flag=").count - 1 == 1)
            let unit = try #require(try await BrowserSession.login(client, user: "bato"))
            #expect(try await client.execute(uri: "/review", method: .get, headers: unit.headers).status == .forbidden)
        }
    }

    @Test func aFlagShowsItsRegionAndAUnitCannotSeeAnotherUnitsImages() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        let (flag, sha256) = try harness.seedRealDocument()
        try await harness.test { client in
            let council = try #require(try await BrowserSession.login(client, user: "council"))
            let page = String(buffer: try await client.execute(uri: "/review/flags/\(flag)", method: .get, headers: council.headers).body)
            #expect(page.contains("src=\"/api/v1/flags/\(flag)/region.png\""))
            #expect(page.contains("Phạm Thanh Tùng") && page.contains("Đinh Thị Hồng Nhung"))
            #expect(page.contains("id=\"decision-form\""))
            let region = try await client.execute(uri: "/api/v1/flags/\(flag)/region.png", method: .get, headers: council.headers)
            #expect(region.status == .ok)
            #expect(region.headers[.contentType] == "image/png")
            let size = try #require(png(region))
            #expect(size.width >= 600 && size.width <= 1400)
            let whole = try await client.execute(uri: "/api/v1/documents/\(sha256)/pages/2.png?width=800", method: .get, headers: council.headers)
            #expect(png(whole)?.width == 800)
            #expect(try await client.execute(uri: "/api/v1/documents/\(sha256)/pages/9.png", method: .get, headers: council.headers).status == .notFound)
            let original = try await client.execute(uri: "/api/v1/documents/\(sha256)/original", method: .get, headers: council.headers)
            #expect(original.headers[.contentType] == "application/pdf")
            #expect(String(buffer: original.body).hasPrefix("%PDF"))

            // Ba Tơ sees its own flag (no decision form); Sơn Hà sees nothing of it.
            let bato = try #require(try await BrowserSession.login(client, user: "bato"))
            let own = try await client.execute(uri: "/review/flags/\(flag)", method: .get, headers: bato.headers)
            #expect(own.status == .ok)
            #expect(!String(buffer: own.body).contains("decision-form"))
            #expect(try await client.execute(uri: "/api/v1/flags/\(flag)/region.png", method: .get, headers: bato.headers).status == .ok)
            let sonha = try #require(try await BrowserSession.login(client, user: "sonha"))
            for uri in ["/review/flags/\(flag)", "/api/v1/flags/\(flag)/region.png", "/api/v1/documents/\(sha256)/pages/1.png",
                        "/api/v1/documents/\(sha256)/original", "/api/v1/flags/\(flag)/decisions"] {
                #expect(try await client.execute(uri: uri, method: .get, headers: sonha.headers).status == .notFound, "\(uri)")
            }
        }
    }

    @Test func widthsAreSnappedAndAFullRenderQueueIsA503WithRetryAfter() async throws {
        // No render is taken: what is cached is served, everything else is refused at once.
        let harness = try WebHarness(renderQueue: 0)
        defer { harness.remove() }
        let (flag, sha256) = try harness.seedRealDocument()
        _ = try harness.service.images.page(sha256: sha256, page: 1, width: 800)
        try await harness.test { client in
            let headers = harness.bearer("council")
            // 601 and 800 are the same image: the one cached.
            for width in [601, 800] {
                let cached = try await client.execute(uri: "/api/v1/documents/\(sha256)/pages/1.png?width=\(width)", method: .get, headers: headers)
                #expect(cached.status == .ok)
                #expect(png(cached)?.width == 800)
            }
            for uri in ["/api/v1/documents/\(sha256)/pages/1.png?width=801", "/api/v1/flags/\(flag)/region.png"] {
                let busy = try await client.execute(uri: uri, method: .get, headers: headers)
                #expect(busy.status == .serviceUnavailable, "\(uri)")
                #expect(busy.headers[.retryAfter] == "5")
                #expect(busy.headers[.contentType]?.hasPrefix("application/json") == true)
                let error = try JSONSerialization.jsonObject(with: Data(String(buffer: busy.body).utf8)) as? [String: String]
                #expect(error?["error"] == "busy" && error?["message"]?.isEmpty == false)
            }
            // Another unit's image is still 404, not 503: access is checked first.
            let sonha = harness.bearer("sonha")
            #expect(try await client.execute(uri: "/api/v1/documents/\(sha256)/pages/1.png?width=801", method: .get,
                                             headers: sonha).status == .notFound)
        }
        let cached = try FileManager.default.subpathsOfDirectory(atPath: harness.root.appendingPathComponent("data/cache/pages").path)
        #expect(cached.filter { $0.hasSuffix(".png") }.count == 1)
    }

    @Test func decisionsAreRecordedWithTheirTrailAndReachTheScoringSystem() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        let (flag, _) = try harness.seedRealDocument()
        try await harness.test { client in
            let council = try #require(try await BrowserSession.login(client, user: "council"))
            var headers = council.headers
            headers[.contentType] = "application/x-www-form-urlencoded"
            func decide(_ body: String) async throws -> TestResponse {
                try await client.execute(uri: "/review/flags/\(flag)/decision", method: .post, headers: headers,
                                         body: ByteBuffer(string: "_csrf=\(council.csrf)&" + body))
            }
            // A dismissal needs its reason; a forged form is refused.
            let refused = try await decide("action=dismiss&comment=")
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("decision-error"))
            #expect(try await client.execute(uri: "/review/flags/\(flag)/decision", method: .post, headers: headers,
                                             body: ByteBuffer(string: "_csrf=x&action=confirm")).status == .forbidden)
            #expect(try await decide("action=confirm&supported_score=1").status == .seeOther)
            #expect(try await decide("action=dismiss&comment=Ch%E1%BB%AF+k%C3%BD+%C4%91%C3%BAng+theo+quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh+ph%C3%A2n+c%C3%B4ng").status == .seeOther)
            let page = String(buffer: try await client.execute(uri: "/review/flags/\(flag)", method: .get, headers: council.headers).body)
            #expect(page.contains("Bác bỏ cờ</strong> · council"))
            #expect(page.contains("Chữ ký đúng theo quyết định phân công"))
            #expect(page.components(separatedBy: "<li>#").count - 1 == 2)  // the trail keeps both versions

            // The unit reads the decision and its comment.
            let bato = try #require(try await BrowserSession.login(client, user: "bato"))
            let unitPage = String(buffer: try await client.execute(uri: "/review/flags/\(flag)", method: .get, headers: bato.headers).body)
            #expect(unitPage.contains("Chữ ký đúng theo quyết định phân công"))
            // A unit cannot decide.
            var unitHeaders = bato.headers
            unitHeaders[.contentType] = "application/x-www-form-urlencoded"
            #expect(try await client.execute(uri: "/review/flags/\(flag)/decision", method: .post, headers: unitHeaders,
                                             body: ByteBuffer(string: "_csrf=\(bato.csrf)&action=dismiss&comment=x")).status == .forbidden)

            // The scoring system: decision events on the queue, acked as decisions; the CSV export.
            let events = String(buffer: try await client.execute(uri: "/api/v1/queue?limit=100", method: .get, headers: harness.bearer("scoring")).body)
            #expect(events.components(separatedBy: "\"event\":\"decision\"").count - 1 == 2)
            let decisions = try JSONDecoder().decode([DecisionID].self, from: Data(buffer: try await client.execute(
                uri: "/api/v1/flags/\(flag)/decisions", method: .get, headers: harness.bearer("scoring")).body))
            #expect(decisions.count == 2)
            var ack = harness.bearer("scoring")
            ack[.contentType] = "application/json"
            let acked = try await client.execute(uri: "/api/v1/queue/ack", method: .post, headers: ack,
                                                 body: ByteBuffer(string: "{\"decisions\": [\(decisions[0].id), \(decisions[1].id)]}"))
            #expect(String(buffer: acked.body) == "{\"acked\":2}")
            let after = String(buffer: try await client.execute(uri: "/api/v1/queue?limit=100", method: .get, headers: harness.bearer("scoring")).body)
            #expect(!after.contains("\"event\":\"decision\""))
            let csv = String(buffer: try await client.execute(uri: "/api/v1/flags/export.csv", method: .get, headers: harness.bearer("scoring")).body)
            #expect(csv.contains("dismiss") && csv.contains("Chữ ký đúng theo quyết định phân công"))
        }
    }

    @Test func theAPIRecordsADecisionForAnAppraiserOnly() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        let (flag, _) = try harness.seedRealDocument()
        try await harness.test { client in
            var headers = harness.bearer("council")
            headers[.contentType] = "application/json"
            let made = try await client.execute(uri: "/api/v1/flags/\(flag)/decisions", method: .post, headers: headers,
                                                body: ByteBuffer(string: "{\"action\": \"confirm\", \"supportedScore\": 1}"))
            #expect(made.status == .created)
            let bad = try await client.execute(uri: "/api/v1/flags/\(flag)/decisions", method: .post, headers: headers,
                                               body: ByteBuffer(string: "{\"action\": \"dismiss\"}"))
            #expect(bad.status == .unprocessableContent)
            var unit = harness.bearer("bato")
            unit[.contentType] = "application/json"
            #expect(try await client.execute(uri: "/api/v1/flags/\(flag)/decisions", method: .post, headers: unit,
                                             body: ByteBuffer(string: "{\"action\": \"dismiss\", \"comment\": \"x\"}")).status == .forbidden)
        }
    }
}

struct DecisionID: Decodable { var id: Int64 }
