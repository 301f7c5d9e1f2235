import EvidenceStore
import EvidenceWeb
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Testing

/// The roster import as an admin page: admin only, CSRF checked, every bad row named, and the
/// one-time passwords shown once (or downloaded as CSV).
@Suite struct UnitImportPageTests {
    static let roster = """
        Mã đơn vị,Tên đơn vị,Cấp,Cơ quan cấp trên,Liên hệ
        X-BATHANH,UBND xã Ba Thành,xã,UBND huyện Ba Tơ,0255 3861 234
        H-BATO,ỦY BAN NHÂN DÂN HUYỆN BA TƠ,huyện,UBND tỉnh Quảng Ngãi,bato@quangngai.gov.vn

        """

    static func upload(_ client: RouterClient, _ session: BrowserSession, csv: String, csrf: String? = nil,
                       download: Bool = false) async throws -> TestResponse {
        var form = Multipart()
        form.field("_csrf", csrf ?? session.csrf)
        if download { form.field("download", "1") }
        form.file("roster", filename: "don-vi.csv", csv)
        var headers = session.headers
        headers[.contentType] = form.contentType
        return try await client.execute(uri: "/admin/units", method: .post, headers: headers, body: form.buffer)
    }

    @Test func anAdminImportsTheRosterAndSeesEachNewPasswordOnce() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let root = try #require(try await BrowserSession.login(client, user: "root"))
            let page = try await client.execute(uri: "/admin/units", method: .get, headers: root.headers)
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("enctype=\"multipart/form-data\""))

            let first = try await Self.upload(client, root, csv: Self.roster)
            #expect(first.status == .ok)
            let html = String(buffer: first.body)
            // H-BATO has its account ('bato') already: only Ba Thành gets one.
            #expect(html.contains("1 đơn vị mới, 1 cập nhật"))
            #expect(html.contains("<td>x-bathanh</td>"))
            #expect(!html.contains("<td>h-bato</td>"))
            let password = try #require(html.range(of: "<code>").map { String(html[$0.upperBound...].prefix { $0 != "<" }) })
            #expect(password.count == 16)
            let unit = try #require(try await BrowserSession.login(client, user: "x-bathanh", password: password))
            #expect(!unit.cookie.isEmpty)
            #expect(try harness.store.rosterEntry(code: "X-BATHANH")?.parentBody == "UBND huyện Ba Tơ")

            // Again: nothing new, no second account, no password shown.
            let second = try await Self.upload(client, root, csv: Self.roster, download: true)
            #expect(second.status == .ok)
            #expect(second.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(String(buffer: second.body) == "\u{FEFF}code,unit_name,account,password,contact\r\n")
            #expect(try harness.store.users().filter { $0.unitCode == "X-BATHANH" }.count == 1)
        }
    }

    @Test func aRosterWithBadRowsIsRefusedWholeNamingEachLine() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let root = try #require(try await BrowserSession.login(client, user: "root"))
            let bad = Self.roster + "X-BATHANH,Trùng mã,xã,,\nX-2,Xã Hai,thôn,,\n"
            let response = try await Self.upload(client, root, csv: bad)
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains("dòng 4 (line 4)") && html.contains("duplicate code, first on line 2"))
            #expect(html.contains("dòng 5 (line 5)") && html.contains("unknown level"))
            #expect(try harness.store.unit(code: "X-BATHANH") == nil, "nothing half-imported")
        }
    }

    @Test func onlyAnAdminWithTheFormsTokenImports() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            for user in ["council", "bato"] {
                let session = try #require(try await BrowserSession.login(client, user: user))
                #expect(try await client.execute(uri: "/admin/units", method: .get, headers: session.headers).status == .forbidden)
                #expect(try await Self.upload(client, session, csv: Self.roster).status == .forbidden)
            }
            let root = try #require(try await BrowserSession.login(client, user: "root"))
            #expect(try await Self.upload(client, root, csv: Self.roster, csrf: "forged").status == .forbidden)
            #expect(try harness.store.unit(code: "X-BATHANH") == nil)
        }
    }
}
