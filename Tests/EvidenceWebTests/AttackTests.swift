import EvidenceModel
import EvidenceStore
import EvidenceWeb
import Foundation
import HTTPTypes
import Mustache
import NIOCore
import Testing

/// What an outside attack found (issue 24), each tried again and refused.
@Suite struct AttackTests {
    /// Strings that broke out of, or could break out of, the places HTML puts values: a quote or a
    /// bracket with a combining mark after it (one `Character`, two scalars), ZWJ sequences, bidi
    /// controls, Mustache's own braces, a closing script tag, NUL, a `javascript:` URL.
    static let hostile = [
        "a\"\u{301} autofocus onfocus=alert(1) x=\"", "x'\u{301} onload='alert(1)", ">\u{301}<img src=x onerror=alert(1)>",
        "<\u{301}script>alert(1)</script>", "\u{202E}gpj.exe\u{202C}\"><svg onload=alert(1)>", "👩‍💻\"👨‍👩‍👧<b>",
        "{{chrome.csrf}}{{{x}}}", "</script><script>alert(1)</script>", "a\u{0}\"b<c", "javascript:alert(1)", "&quot;&#34;\u{301}",
    ]

    @Test func escapingWorksByScalarNotByCharacter() {
        #expect(HTMLEscaping.escape("a\"\u{301}b") == "a&quot;\u{301}b")
        #expect(HTMLEscaping.escape(">\u{301}") == "&gt;\u{301}")
        #expect(HTMLEscaping.escape("Ủy ban nhân dân") == "Ủy ban nhân dân")
        #expect(HTMLEscaping.escape("a\u{0}b") == "a\u{FFFD}b")
        for text in Self.hostile {
            let escaped = HTMLEscaping.escape(text)
            #expect(!escaped.unicodeScalars.contains { "<>\"'\u{0}".unicodeScalars.contains($0) }, "\(text)")
        }
    }

    /// Every template rendered with every value set to each hostile string: the tags and attributes
    /// are exactly those of the same template rendered with a plain value. (Links and image sources
    /// are paths the routes build, each beginning with '/', never a value read from a document.)
    @Test func everyTemplateKeepsItsStructureWhateverTheValues() throws {
        let pages = try Pages()
        // Every file of the templates' folder, so a page added there is tried too.
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/EvidenceWeb/Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let names = files.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }.sorted()
        #expect(names.count >= 9 && names.count == files.count, "\(files)")
        #expect(Pages.templateNames == names, "Templates.pages must list every file of Templates/")
        for name in names where name != "layout" {
            let plain = try #require(pages.html(name, AnyValue("plain")), "\(name)")
            let expected = HTMLStructure.tags(plain)
            #expect(expected.count > 5, "\(name)")
            for text in Self.hostile {
                let html = try #require(pages.html(name, AnyValue(text)))
                #expect(HTMLStructure.tags(html) == expected, "template \(name) with \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func reflectedValuesStayInsideTheirAttributes() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let plainLogin = try await client.execute(uri: "/login?next=/plain", method: .get)
            let login = try await client.execute(uri: "/login?next=/x%22%CC%81%20autofocus%20onfocus%3Dalert(1)%20x%3D", method: .get)
            #expect(HTMLStructure.tags(String(buffer: login.body)) == HTMLStructure.tags(String(buffer: plainLogin.body)))
            let session = try #require(try await BrowserSession.login(client, user: "council"))
            let plain = try await client.execute(uri: "/review?unit=plain", method: .get, headers: session.headers)
            let review = try await client.execute(uri: "/review?unit=x%22%CC%81%20autofocus%20onfocus%3Dalert(1)", method: .get, headers: session.headers)
            #expect(review.status == .ok)
            #expect(HTMLStructure.tags(String(buffer: review.body)) == HTMLStructure.tags(String(buffer: plain.body)))
        }
    }

    @Test func aSubmittedIdNeverBecomesAPrecheck() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        // The store refuses it whatever path it comes by.
        let stored = try #require(try harness.store.submission(id: "bato-huyen-2024"))
        var precheck = stored.submission
        precheck.precheck = true
        #expect(throws: StoreError.recordedSubmissionAsPrecheck(id: "bato-huyen-2024")) {
            _ = try harness.store.recordSubmission(precheck, manifestSHA256: String(repeating: "e", count: 64), files: stored.files)
        }
        // And the API answers 409 before anything reaches the inbox.
        _ = try Accounts(store: harness.store, passwordCost: 4).add(UserAccount(name: "bato2", role: .unit, unitCode: "H-BATO"))
        try await harness.test { client in
            let first = try await apiUpload(client, harness, user: "bato", id: "h-bato-dti-2024", precheck: false)
            #expect(first.status == .accepted)
            try harness.takeInbox()
            let swapped = try await apiUpload(client, harness, user: "bato", id: "h-bato-dti-2024", precheck: true)
            #expect(swapped.status == .conflict)
            #expect(String(buffer: swapped.body).contains("\"error\":\"submitted\""))
            #expect(try harness.inboxEntries().isEmpty)
        }
    }

    @Test func idsAreOwnedByTheUnitAndValidatedOnce() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        let tt = Submission.Unit(code: "H-BATO-TT", name: "THỊ TRẤN BA TƠ", level: .district)
        _ = try Accounts(store: harness.store, passwordCost: 4).add(UserAccount(name: "batott", role: .unit, unitCode: tt.code), unit: tt)
        let ttToken = try Accounts(store: harness.store, passwordCost: 4).issueToken(for: "batott")
        try await harness.test { client in
            // H-BATO cannot take the ids H-BATO-TT's form makes.
            let squat = try await apiUpload(client, harness, user: "bato", id: "h-bato-tt-\(WebHarness.framework)-2024", precheck: false)
            #expect(squat.status == .unprocessableContent)
            #expect(try harness.inboxEntries().isEmpty)
            let own = try await apiUpload(client, harness, unit: tt.code, token: ttToken, id: "h-bato-tt-\(WebHarness.framework)-2024", precheck: false)
            #expect(own.status == .accepted)
            try harness.takeInbox()
            // Ids that could never be opened again are refused at creation.
            for id in ["h-bato-a/b", "h-bato-" + String(repeating: "x", count: 130), "h-bato-..", "h-bato-x y", "h-bato-ả"] {
                let response = try await apiUpload(client, harness, user: "bato", id: id, precheck: false)
                #expect(response.status == .unprocessableContent, "\(id)")
            }
            #expect(try harness.inboxEntries().isEmpty)
        }
    }

    @Test func metricsNeedAMetricsTokenAndThatTokenReadsNothingElse() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        let token = try Accounts(store: harness.store, passwordCost: 4).add(UserAccount(name: "prometheus", role: .metrics))
        try await harness.test { client in
            #expect(try await client.execute(uri: "/metrics", method: .get).status == .unauthorized)
            #expect(try await client.execute(uri: "/metrics", method: .get, headers: harness.bearer("bato")).status == .forbidden)
            #expect(try await client.execute(uri: "/metrics", method: .get, headers: harness.bearer("scoring")).status == .forbidden)
            let scraper: HTTPFields = [.authorization: "Bearer \(token)"]
            let metrics = try await client.execute(uri: "/metrics", method: .get, headers: scraper)
            #expect(metrics.status == .ok)
            #expect(String(buffer: metrics.body).contains("evidenced_submissions"))
            #expect(try await client.execute(uri: "/metrics", method: .get, headers: harness.bearer("root")).status == .ok)
            for uri in ["/api/v1/flags", "/api/v1/submissions", "/api/v1/queue", "/api/v1/submissions/bato-huyen-2024",
                        "/api/v1/flags/export.csv", "/submissions", "/review"] {
                let response = try await client.execute(uri: uri, method: .get, headers: scraper)
                #expect(response.status == .forbidden, "\(uri)")
                #expect(!String(buffer: response.body).contains("bato-huyen"), "\(uri)")
            }
        }
    }

    @Test func formErrorsNameNoServerPathAndBigFormsAre413() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let session = try #require(try await BrowserSession.login(client, user: "bato"))
            var body = Multipart()
            body.field("_csrf", session.csrf)
            body.field("framework", WebHarness.framework)
            body.field("period_from", "../../x")
            body.field("period_to", "2024-12-31")
            body.field("c0_indicator", "2.1.2")
            body.field("c0_score", "3")
            body.file("c0_e0_file", filename: "kh.pdf", "%PDF-1.4")
            var headers = session.headers
            headers[.contentType] = body.contentType
            let response = try await client.execute(uri: "/submissions", method: .post, headers: headers, body: body.buffer)
            let text = String(buffer: response.body)
            #expect(response.status == .badRequest || response.status == .unprocessableContent)
            #expect(!text.contains(harness.root.path) && !text.contains("/inbox") && !text.contains(".web-"))
            #expect(try harness.inboxEntries().isEmpty)
            // A form body over 256 KiB, without a session: 413, not 500.
            let big = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                               body: ByteBuffer(string: "username=" + String(repeating: "a", count: 300_000)))
            #expect(big.status == .contentTooLarge)
            #expect(!String(buffer: big.body).contains(harness.root.path))
        }
    }

    @Test func theOriginMustBeThisSiteExactly() async throws {
        #expect(SameOrigin.check("http://localhost", scheme: "http", authority: "localhost"))
        #expect(SameOrigin.check("http://localhost:80", scheme: "http", authority: "localhost"))
        #expect(SameOrigin.check("http://127.0.0.1:8080", scheme: "http", authority: "127.0.0.1:8080"))
        #expect(SameOrigin.check("http://[::1]:8080", scheme: "http", authority: "[::1]:8080"))
        #expect(!SameOrigin.check("http://evil-localhost", scheme: "http", authority: "localhost"))
        #expect(!SameOrigin.check("http://evil.example/http://localhost", scheme: "http", authority: "localhost"))
        #expect(!SameOrigin.check("https://localhost", scheme: "http", authority: "localhost"))
        #expect(!SameOrigin.check("http://localhost:8081", scheme: "http", authority: "localhost:8080"))
        #expect(!SameOrigin.check("http://user@localhost", scheme: "http", authority: "localhost"))
        #expect(!SameOrigin.check("null", scheme: "http", authority: "localhost"))
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let session = try #require(try await BrowserSession.login(client, user: "bato"))
            for origin in ["http://evil-localhost", "https://localhost", "http://sub.localhost", "null"] {
                var headers = session.headers
                headers[.origin] = origin
                headers[.contentType] = "application/x-www-form-urlencoded"
                let response = try await client.execute(uri: "/logout", method: .post, headers: headers, body: ByteBuffer(string: "_csrf=\(session.csrf)"))
                #expect(response.status == .forbidden, "\(origin)")
            }
            var headers = session.headers
            headers[.origin] = "http://localhost"
            headers[.contentType] = "application/x-www-form-urlencoded"
            #expect(try await client.execute(uri: "/logout", method: .post, headers: headers, body: ByteBuffer(string: "_csrf=\(session.csrf)")).status == .seeOther)
        }
    }

    @Test func aScopedAppraisersCursorOutsideItsScopeTellsNothing() throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        let foreign = try #require(try harness.store.list(submission: "bato-huyen-2024").first)
        let scoped = ReviewQuery(units: ["H-SONHA"], order: .unit, after: nil)
        let first = try harness.store.review(scoped)
        var probing = scoped
        probing.after = foreign.id
        // Another unit's flag id as the cursor: the first page, whatever that unit's code sorts as.
        #expect(try harness.store.review(probing).items.map(\.flag.id) == first.items.map(\.flag.id))
    }

    // MARK: helpers

    private func apiUpload(_ client: RouterClient, _ harness: WebHarness, user: String, id: String, precheck: Bool) async throws -> TestResponse {
        try await apiUpload(client, harness, unit: "H-BATO", token: harness.tokens[user]!, id: id, precheck: precheck)
    }

    private func apiUpload(_ client: RouterClient, _ harness: WebHarness, unit: String, token: String, id: String,
                           precheck: Bool) async throws -> TestResponse {
        var body = Multipart()
        let escapedID = id.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        body.field("manifest", """
        {"submission": "\(escapedID)", "unit": {"code": "\(unit)", "name": "x", "level": "district"}, \(precheck ? "\"precheck\": true," : "")
         "framework": "\(WebHarness.framework)", "period": {"from": "2024-01-01", "to": "2024-12-31"},
         "claims": [{"indicator": "2.1.2", "score": 3, "evidence": [{"file": "kh.pdf"}]}]}
        """)
        body.file("file", filename: "kh.pdf", "%PDF-1.4")
        var headers: HTTPFields = [.authorization: "Bearer \(token)"]
        headers[.contentType] = body.contentType
        return try await client.execute(uri: "/api/v1/submissions", method: .post, headers: headers, body: body.buffer)
    }
}

extension WebHarness {
    /// What the daemon's intake does with the web's hand-offs, as far as these tests need: each
    /// submission recorded in the store, the inbox emptied.
    func takeInbox() throws {
        for entry in try inboxEntries() {
            let folder = service.inbox.appendingPathComponent(entry)
            let submission = try JSONDecoder().decode(Submission.self, from: Data(contentsOf: folder.appendingPathComponent("submission.json")))
            _ = try store.recordSubmission(submission, manifestSHA256: String(repeating: "f", count: 64), files: [:])
            try FileManager.default.removeItem(at: folder)
        }
    }
}

/// Any name answers with the same value, and the value answers any name with itself: every
/// `{{x}}`, `{{a.b}}` and `{{#section}}` of a template is filled with it.
struct AnyValue: MustacheParent, CustomStringConvertible {
    let text: String
    init(_ text: String) { self.text = text }
    func child(named: String) -> Any? { self }
    var description: String { text }
}

/// The tags of an HTML text and their attributes, read the way a browser's tokenizer reads them
/// (by code point; quoted and unquoted attribute values; comments, doctype and raw text skipped).
enum HTMLStructure {
    struct Tag: Equatable, CustomStringConvertible {
        var name: String
        var attributes: [(String, String)]
        static func == (a: Tag, b: Tag) -> Bool { a.name == b.name && a.attributes.map(\.0) == b.attributes.map(\.0) }
        var description: String { "<\(name) \(attributes.map(\.0).joined(separator: " "))>" }
    }

    static func tags(_ html: String) -> [Tag] {
        let s = Array(html.unicodeScalars)
        var tags: [Tag] = []
        var i = 0
        func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{C}" }
        while i < s.count {
            guard s[i] == "<", i + 1 < s.count else { i += 1; continue }
            if s[i + 1] == "!" || s[i + 1] == "?" {
                // Comment or doctype: to the next '>' (or '-->' for a comment).
                if i + 3 < s.count, s[i + 2] == "-", s[i + 3] == "-" {
                    var j = i + 4
                    while j + 2 < s.count, !(s[j] == "-" && s[j + 1] == "-" && s[j + 2] == ">") { j += 1 }
                    i = j + 3
                } else {
                    while i < s.count, s[i] != ">" { i += 1 }
                    i += 1
                }
                continue
            }
            let closing = s[i + 1] == "/"
            var j = i + (closing ? 2 : 1)
            guard j < s.count, isLetter(s[j]) else { i += 1; continue }
            var name = ""
            while j < s.count, !isSpace(s[j]), s[j] != "/", s[j] != ">" { name.unicodeScalars.append(s[j]); j += 1 }
            var attributes: [(String, String)] = []
            while j < s.count, s[j] != ">" {
                if isSpace(s[j]) || s[j] == "/" { j += 1; continue }
                var attribute = ""
                while j < s.count, !isSpace(s[j]), s[j] != "/", s[j] != ">", s[j] != "=" || attribute.isEmpty {
                    attribute.unicodeScalars.append(s[j]); j += 1
                }
                while j < s.count, isSpace(s[j]) { j += 1 }
                var value = ""
                if j < s.count, s[j] == "=" {
                    j += 1
                    while j < s.count, isSpace(s[j]) { j += 1 }
                    if j < s.count, s[j] == "\"" || s[j] == "'" {
                        let quote = s[j]
                        j += 1
                        while j < s.count, s[j] != quote { value.unicodeScalars.append(s[j]); j += 1 }
                        j += 1
                    } else {
                        while j < s.count, !isSpace(s[j]), s[j] != ">" { value.unicodeScalars.append(s[j]); j += 1 }
                    }
                }
                attributes.append((attribute.lowercased(), value))
            }
            let tag = (closing ? "/" : "") + name.lowercased()
            tags.append(Tag(name: tag, attributes: attributes))
            i = j + 1
            if !closing, ["script", "style", "textarea", "title"].contains(name.lowercased()) {
                // Raw text: only its own end tag ends it.
                let end = Array("</\(name.lowercased())".unicodeScalars)
                while i < s.count, !(i + end.count <= s.count && String(String.UnicodeScalarView(s[i..<i + end.count])).lowercased() == String(String.UnicodeScalarView(end))) { i += 1 }
            }
        }
        return tags
    }
}
