import EvidenceModel
import EvidenceStore
import EvidenceWeb
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Testing

/// `GET /api/v1/scores` and its CSV: the accepted scores after decisions, each account within its
/// scope, a unit its own and only once the season is published.
@Suite struct ScoresAPITests {
    static let season = "/api/v1/scores?framework=\(WebHarness.framework)&period=2024"

    struct Scores: Decodable {
        struct Unit: Decodable {
            struct Code: Decodable { var code: String }
            struct Claim: Decodable {
                var index: Int
                var claimed: Double
                var accepted: Double
                var status: String
                var flagId: Int64?
                var reason: String?
            }
            var unit: Code
            var claimed: Double
            var accepted: Double
            var claims: [Claim]
        }
        var framework: String
        var units: [Unit]
    }

    static func scores(_ client: RouterClient, _ harness: WebHarness, as user: String, uri: String = season) async throws -> Scores? {
        let response = try await client.execute(uri: uri, method: .get, headers: harness.bearer(user))
        guard response.status == .ok else { return nil }
        return try JSONDecoder().decode(Scores.self, from: Data(buffer: response.body))
    }

    @Test func theAcceptedTotalFollowsTheDecisionsWithinEachAccountsScope() async throws {
        var setUp = try WebHarness()
        defer { setUp.remove() }
        let accounts = Accounts(store: setUp.store, passwordCost: 4)
        _ = try accounts.add(UserAccount(name: "limited", role: .appraiser, unitCodes: ["H-BATO"]))
        _ = try accounts.add(UserAccount(name: "elsewhere", role: .appraiser, frameworks: ["another-framework"]))
        try setUp.addToken(for: "limited")
        try setUp.addToken(for: "elsewhere")
        let harness = setUp
        let flag = try harness.flagID(of: "bato-huyen-2024")
        let decision = try harness.store.decide(flagId: flag, by: "council", action: .confirm, supportedScore: 1, comment: "chỉ một phần")
        try await harness.test { client in
            let all = try #require(try await Self.scores(client, harness, as: "scoring"))
            #expect(all.units.map(\.unit.code) == ["H-BATO", "H-SONHA"])
            let bato = all.units[0]
            #expect(bato.claimed == 8 && bato.accepted == 6)
            #expect(bato.claims[0].status == "cut" && bato.claims[0].accepted == 1 && bato.claims[0].flagId == flag)
            #expect(bato.claims[0].reason == "signer-mismatch")
            #expect(all.units[1].claims[0].status == "pending" && all.units[1].accepted == 8)
            #expect(try #require(try await Self.scores(client, harness, as: "council")).units.count == 2)
            #expect(try #require(try await Self.scores(client, harness, as: "limited")).units.map(\.unit.code) == ["H-BATO"])
            #expect(try #require(try await Self.scores(client, harness, as: "elsewhere")).units.isEmpty)

            // The CSV: byte order mark, one row per claim, the unit's totals on each.
            let csv = try await client.execute(uri: Self.season.replacingOccurrences(of: "/scores?", with: "/scores.csv?"),
                                               method: .get, headers: harness.bearer("root"))
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = String(buffer: csv.body).components(separatedBy: "\r\n")
            #expect(lines[0].hasPrefix("\u{FEFF}unit_code,unit_name,submission"))
            let batoRow = try #require(lines.first { $0.hasPrefix("H-BATO,") && $0.contains(",cut,") })
            #expect(batoRow.contains(",8,6,0,2.1.2,3,1,cut,0,\(flag),signer-mismatch,\(decision.id),council,"))
            #expect(lines.filter { $0.hasPrefix("H-") }.count == 4)
        }
    }

    @Test func aUnitSeesItsOwnScoresOnlyAfterPublicationAndNeverAnothersUnit() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try harness.store.decide(flagId: try harness.flagID(of: "bato-huyen-2024"), by: "council", action: .confirm, supportedScore: 0)
        try await harness.test { client in
            #expect(try #require(try await Self.scores(client, harness, as: "bato")).units.isEmpty, "before publication")
            try harness.store.publishSeason(framework: WebHarness.framework, period: .year(2024), by: "root")
            let own = try #require(try await Self.scores(client, harness, as: "bato"))
            #expect(own.units.map(\.unit.code) == ["H-BATO"] && own.units[0].accepted == 5)
            // Another unit's code answers as a code that does not exist.
            let foreign = try await client.execute(uri: Self.season + "&unit=H-SONHA", method: .get, headers: harness.bearer("bato"))
            let missing = try await client.execute(uri: Self.season + "&unit=H-NONE", method: .get, headers: harness.bearer("bato"))
            #expect(foreign.status == .notFound && foreign.body == missing.body)
            let csv = try await client.execute(uri: "/api/v1/scores.csv?framework=\(WebHarness.framework)", method: .get, headers: harness.bearer("bato"))
            #expect(!String(buffer: csv.body).contains("H-SONHA"))
        }
    }

    @Test func aQueryWithoutAKnownFrameworkOrWithABadPeriodIsRefused() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            for uri in ["/api/v1/scores", "/api/v1/scores?framework=nope", Self.season + "x", "/api/v1/scores.csv?framework=\(WebHarness.framework)&period=2024-13"] {
                let response = try await client.execute(uri: uri, method: .get, headers: harness.bearer("scoring"))
                #expect(response.status == .badRequest, "\(uri)")
            }
        }
    }

    @Test func theQueueDeliversAScoreEventWhenAUnitsTotalChanges() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try harness.store.decide(flagId: try harness.flagID(of: "sonha-huyen-2024"), by: "council", action: .confirm, supportedScore: 2)
        try await harness.test { client in
            let pull = try await client.execute(uri: "/api/v1/queue?limit=100", method: .get, headers: harness.bearer("scoring"))
            let events = try #require(try JSONSerialization.jsonObject(with: Data(buffer: pull.body)) as? [[String: Any]])
            let score = try #require(events.first { $0["event"] as? String == "score" })
            let detail = try #require(score["score"] as? [String: Any])
            #expect(detail["unitCode"] as? String == "H-SONHA" && detail["accepted"] as? Double == 7 && detail["claimed"] as? Double == 8)
            let ack = try #require((score["ack"] as? String)?.dropFirst()).description
            var headers = harness.bearer("scoring")
            headers[.contentType] = "application/json"
            let acked = try await client.execute(uri: "/api/v1/queue/ack", method: .post, headers: headers,
                                                 body: ByteBuffer(string: "{\"scores\": [\(ack)]}"))
            #expect(acked.status == .ok && String(buffer: acked.body).contains("\"acked\":1"))
        }
    }
}
