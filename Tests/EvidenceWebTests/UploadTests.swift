import EvidenceModel
import Foundation
import HTTPTypes
import NIOCore
import Testing

/// Uploads through the page's form and the API: handed to the inbox whole, or refused with a
/// clear status and nothing left behind.
@Suite struct UploadTests {
    private func form(csrf: String?, filename: String = "kh-12.pdf", mode: String = "precheck") -> Multipart {
        var form = Multipart()
        if let csrf { form.field("_csrf", csrf) }
        form.field("framework", WebHarness.framework)
        form.field("period_from", "2024-01-01")
        form.field("period_to", "2024-12-31")
        form.field("c0_indicator", "2.1.2")
        form.field("c0_score", "3")
        form.field("c0_e0_number", "12/KH-UBND")
        form.field("c0_e0_date", "2024-01-18")
        form.file("c0_e0_file", filename: filename, "%PDF-1.4 not really")
        form.field("mode", mode)
        return form
    }

    @Test func aPrecheckFromTheFormLandsInTheInboxWithTheUnitsOwnDetails() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let session = try #require(try await BrowserSession.login(client, user: "bato"))
            let body = form(csrf: session.csrf, filename: "Kế hoạch 12.pdf")
            var headers = session.headers
            headers[.contentType] = body.contentType
            let response = try await client.execute(uri: "/submissions", method: .post, headers: headers, body: body.buffer)
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            #expect(location.hasPrefix("/submissions/h-bato-thanhhoa-dti-district-2021-2024-kiem-tra-thu?upload="))
            let entries = try harness.inboxEntries()
            #expect(entries.count == 1 && entries[0].hasPrefix("web-"))
            #expect(try harness.stagingEntries().isEmpty)
            let folder = harness.service.inbox.appendingPathComponent(entries[0])
            let manifest = try JSONDecoder().decode(Submission.self, from: Data(contentsOf: folder.appendingPathComponent("submission.json")))
            #expect(manifest.precheck == true)
            #expect(manifest.unit == WebHarness.bato)
            #expect(manifest.claims == [.init(indicator: "2.1.2", score: 3, evidence: [.init(file: "Kế hoạch 12.pdf", number: "12/KH-UBND", date: "2024-01-18")])])
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Kế hoạch 12.pdf").path))
            // Until the daemon takes it, the result page says it is waiting.
            let waiting = try await client.execute(uri: location, method: .get, headers: session.headers)
            #expect(waiting.status == .ok)
            #expect(String(buffer: waiting.body).contains("Đang chờ tiếp nhận"))
        }
    }

    @Test func aFormWithoutItsCSRFTokenWritesNothing() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let session = try #require(try await BrowserSession.login(client, user: "bato"))
            for csrf in [nil, "forged"] {
                let body = form(csrf: csrf)
                var headers = session.headers
                headers[.contentType] = body.contentType
                let response = try await client.execute(uri: "/submissions", method: .post, headers: headers, body: body.buffer)
                #expect(response.status == .forbidden)
            }
            #expect(try harness.inboxEntries().isEmpty)
            #expect(try harness.stagingEntries().isEmpty)
        }
    }

    @Test func aCrossOriginPostIsRefused() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let session = try #require(try await BrowserSession.login(client, user: "bato"))
            let body = form(csrf: session.csrf)
            var headers = session.headers
            headers[.contentType] = body.contentType
            headers[.origin] = "https://evil.example"
            #expect(try await client.execute(uri: "/submissions", method: .post, headers: headers, body: body.buffer).status == .forbidden)
            #expect(try harness.inboxEntries().isEmpty)
        }
    }

    @Test func pathsInFileNamesAndOversizedBodiesAreRefused() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let session = try #require(try await BrowserSession.login(client, user: "bato"))
            for name in ["../../etc/passwd", "..\\x.pdf", ".hidden.pdf"] {
                let body = form(csrf: session.csrf, filename: name)
                var headers = session.headers
                headers[.contentType] = body.contentType
                let response = try await client.execute(uri: "/submissions", method: .post, headers: headers, body: body.buffer)
                #expect(response.status == .badRequest, "\(name)")
                #expect(String(buffer: response.body).contains("Tên tệp không hợp lệ"), "\(name)")
            }
            // The harness allows 1 MiB.
            var big = form(csrf: session.csrf)
            big.file("c0_more", filename: "big.pdf", String(repeating: "x", count: 1_200_000))
            var headers = session.headers
            headers[.contentType] = big.contentType
            let response = try await client.execute(uri: "/submissions", method: .post, headers: headers, body: big.buffer)
            #expect(response.status == .contentTooLarge)
            #expect(try harness.inboxEntries().isEmpty)
            #expect(try harness.stagingEntries().isEmpty)
        }
    }

    @Test func tooManyFieldsAreRefused() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            var body = Multipart()
            for index in 0..<10_000 { body.field("f\(index)", "x") }
            var headers = harness.bearer("bato")
            headers[.contentType] = body.contentType
            let response = try await client.execute(uri: "/api/v1/submissions", method: .post, headers: headers, body: body.buffer)
            #expect(response.status == .contentTooLarge)
            #expect(String(buffer: response.body).contains("too-many-fields"))
        }
    }

    @Test func theSameMessagesAsTheCLIForABadForm() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let session = try #require(try await BrowserSession.login(client, user: "bato"))
            var body = form(csrf: session.csrf)
            body.field("c1_indicator", "9.9.9")
            body.field("c1_score", "1")
            var headers = session.headers
            headers[.contentType] = body.contentType
            let response = try await client.execute(uri: "/submissions", method: .post, headers: headers, body: body.buffer)
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("9.9.9"))
            #expect(try harness.inboxEntries().isEmpty)
            #expect(try harness.stagingEntries().isEmpty)
        }
    }

    @Test func theAPIAcceptsAManifestAndItsFilesButOnlyForTheCallersUnit() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            func upload(unit: String, id: String, as user: String) async throws -> TestResponse {
                var body = Multipart()
                body.field("manifest", """
                {"submission": "\(id)", "unit": {"code": "\(unit)", "name": "x", "level": "district"},
                 "framework": "\(WebHarness.framework)", "period": {"from": "2024-01-01", "to": "2024-12-31"},
                 "claims": [{"indicator": "2.1.2", "score": 3, "evidence": [{"file": "kh.pdf"}]}]}
                """)
                body.file("file", filename: "kh.pdf", "%PDF-1.4")
                var headers = harness.bearer(user)
                headers[.contentType] = body.contentType
                return try await client.execute(uri: "/api/v1/submissions", method: .post, headers: headers, body: body.buffer)
            }
            let accepted = try await upload(unit: "H-BATO", id: "h-bato-huyen-2025", as: "bato")
            #expect(accepted.status == .accepted)
            #expect(accepted.headers[.location] == "/api/v1/submissions/h-bato-huyen-2025")
            let folder = harness.service.inbox.appendingPathComponent(try harness.inboxEntries()[0])
            let manifest = try JSONDecoder().decode(Submission.self, from: Data(contentsOf: folder.appendingPathComponent("submission.json")))
            #expect(manifest.unit.name == WebHarness.bato.name)  // the store's unit, not the caller's text
            #expect(try await upload(unit: "H-SONHA", id: "h-bato-x-2025", as: "bato").status == .forbidden)
            // A unit's ids begin with its code: another unit's id can be neither taken nor blocked.
            let foreign = try await upload(unit: "H-BATO", id: "sonha-huyen-2024", as: "bato")
            #expect(foreign.status == .unprocessableContent)
            #expect(String(buffer: foreign.body).contains("h-bato-"))
            #expect(try await upload(unit: "H-BATO", id: "a", as: "council").status == .forbidden)
            #expect(try harness.inboxEntries().count == 1)
        }
    }
}
