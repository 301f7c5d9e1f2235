import EvidenceModel
import EvidenceService
import EvidenceStore
import EvidenceWeb
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Testing

/// The season page (secretariat and appraisers within scope), its publication, and a unit's own
/// results (only once published).
@Suite struct SeasonPageTests {
    static let season = "/season?framework=\(WebHarness.framework)&period=2024"

    @Test func theSecretariatSeesEveryUnitWithItsTotalsSortedAndFiltered() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try harness.store.addUser(UserAccount(name: "x", role: .unit, unitCode: "X-NONE"), passwordHash: "h",
                                  unit: .init(code: "X-NONE", name: "Xã chưa nộp", level: .commune))
        try harness.store.decide(flagId: try harness.flagID(of: "bato-huyen-2024"), by: "council", action: .confirm,
                                 supportedScore: 1, comment: "chỉ một phần")
        try await harness.test { client in
            let root = try #require(try await BrowserSession.login(client, user: "root"))
            let page = try await client.execute(uri: Self.season, method: .get, headers: root.headers)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("<strong id=\"submitted-count\">2</strong>/3"))
            #expect(html.contains("<strong id=\"claimed-total\">16</strong>") && html.contains("<strong id=\"accepted-total\">14</strong>"))
            #expect(html.contains("id=\"reason-chart\"") && html.contains("id=\"day-chart\""))
            #expect(html.contains("Chưa nộp") && html.contains("id=\"publish\""))
            #expect(!html.contains("<script"))

            let sorted = String(buffer: try await client.execute(uri: Self.season + "&sort=accepted&order=desc", method: .get, headers: root.headers).body)
            let order = ["H-SONHA", "H-BATO", "X-NONE"].compactMap { sorted.range(of: "data-unit=\"\($0)\"")?.lowerBound }
            #expect(order.count == 3 && order == order.sorted())
            let missing = String(buffer: try await client.execute(uri: Self.season + "&show=missing", method: .get, headers: root.headers).body)
            #expect(missing.contains("data-unit=\"X-NONE\"") && !missing.contains("data-unit=\"H-BATO\""))
        }
    }

    /// Every roster value in the rows is escaped (the unit list comes from a CSV anyone may write).
    @Test func aHostileUnitNameOrCodeIsEscapedInTheRows() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try harness.store.addUser(UserAccount(name: "x", role: .unit, unitCode: "X-<i>\""), passwordHash: "h",
                                  unit: .init(code: "X-<i>\"", name: "</td><script>alert(1)</script>\"\u{301}'&", level: .commune))
        try await harness.test { client in
            let root = try #require(try await BrowserSession.login(client, user: "root"))
            let html = String(buffer: try await client.execute(uri: Self.season, method: .get, headers: root.headers).body)
            #expect(html.contains("data-unit=\"X-&lt;i&gt;&quot;\""))
            #expect(html.contains("&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;\u{301}&#39;&amp;"))
            #expect(!html.contains("<script") && !html.contains("<i>"))
        }
    }

    @Test func anAppraiserSeesItsUnitsAndNeitherPublishesNorImports() async throws {
        let setUp = try WebHarness()
        defer { setUp.remove() }
        _ = try Accounts(store: setUp.store, passwordCost: 4).add(UserAccount(name: "limited", role: .appraiser, unitCodes: ["H-BATO"]))
        try setUp.store.setPasswordHash(Secrets.hash(password: WebHarness.password, cost: 4), for: "limited")
        let harness = setUp
        try await harness.test { client in
            let limited = try #require(try await BrowserSession.login(client, user: "limited"))
            let html = String(buffer: try await client.execute(uri: Self.season, method: .get, headers: limited.headers).body)
            #expect(html.contains("data-unit=\"H-BATO\"") && !html.contains("H-SONHA") && !html.contains("id=\"publish\""))
            var headers = limited.headers
            headers[.contentType] = "application/x-www-form-urlencoded"
            let publish = try await client.execute(uri: "/season/publish", method: .post, headers: headers,
                                                   body: ByteBuffer(string: "_csrf=\(limited.csrf)&framework=\(WebHarness.framework)&period=2024"))
            #expect(publish.status == .forbidden)
            let bato = try #require(try await BrowserSession.login(client, user: "bato"))
            #expect(try await client.execute(uri: Self.season, method: .get, headers: bato.headers).status == .forbidden)
        }
    }

    @Test func aUnitSeesItsCutAndWhyOnlyAfterTheSecretariatPublishes() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try harness.store.decide(flagId: try harness.flagID(of: "bato-huyen-2024"), by: "council", action: .confirm,
                                 supportedScore: 1, comment: "Chỉ một kế hoạch hợp lệ")
        try await harness.test { client in
            let bato = try #require(try await BrowserSession.login(client, user: "bato"))
            let before = String(buffer: try await client.execute(uri: "/season/mine", method: .get, headers: bato.headers).body)
            #expect(before.contains("id=\"not-published\"") && !before.contains("Chỉ một kế hoạch hợp lệ"))

            let root = try #require(try await BrowserSession.login(client, user: "root"))
            var headers = root.headers
            headers[.contentType] = "application/x-www-form-urlencoded"
            let forged = try await client.execute(uri: "/season/publish", method: .post, headers: headers,
                                                  body: ByteBuffer(string: "_csrf=forged&framework=\(WebHarness.framework)&period=2024"))
            #expect(forged.status == .forbidden)
            let publish = try await client.execute(uri: "/season/publish", method: .post, headers: headers,
                                                   body: ByteBuffer(string: "_csrf=\(root.csrf)&framework=\(WebHarness.framework)&period=2024"))
            #expect(publish.status == .seeOther)
            let published = String(buffer: try await client.execute(uri: Self.season, method: .get, headers: root.headers).body)
            #expect(published.contains("id=\"published\"") && !published.contains("id=\"publish\""))

            let after = String(buffer: try await client.execute(uri: "/season/mine", method: .get, headers: bato.headers).body)
            #expect(after.contains("Bị trừ điểm") && after.contains("Chỉ một kế hoạch hợp lệ"))
            #expect(after.contains("<strong class=\"accepted-total\">6</strong>"))
            #expect(!after.contains("sonha"), "a unit sees its own season only")
        }
    }

    @Test func theDeadlineIsTheEndOfItsDayInVietnam() throws {
        let date = try #require(Configuration.Web(seasonDeadline: "2024-12-15").seasonDeadlineDate)
        #expect(date == Date(timeIntervalSince1970: 1_734_281_999))  // 2024-12-15T23:59:59+07:00
        #expect(Configuration.Web(seasonDeadline: "2024-12-15T17:00:00+07:00").seasonDeadlineDate == Date(timeIntervalSince1970: 1_734_256_800))
        #expect(Configuration.Web(seasonDeadline: "15/12/2024").seasonDeadlineDate == nil)
    }
}
