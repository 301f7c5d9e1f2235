import Foundation
import HTTPTypes
import NIOCore
import Testing

@Suite struct LoginTests {
    @Test func aLoginSetsAStrictHttpOnlyCookieAndLogoutEndsIt() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: "username=bato&password=correct+horse+battery&next=%2Fsubmissions"))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/submissions")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Max-Age=28800"))
            #expect(!cookie.contains("Secure"))  // not behind a TLS proxy here
            let session = try #require(try await BrowserSession.login(client, user: "bato"))
            #expect(!session.csrf.isEmpty)
            // Logout needs the form's token; then the cookie is worthless.
            var headers = session.headers
            headers[.contentType] = "application/x-www-form-urlencoded"
            #expect(try await client.execute(uri: "/logout", method: .post, headers: headers, body: ByteBuffer(string: "_csrf=wrong")).status == .forbidden)
            #expect(try await client.execute(uri: "/logout", method: .post, headers: headers, body: ByteBuffer(string: "_csrf=\(session.csrf)")).status == .seeOther)
            #expect(try await client.execute(uri: "/submissions", method: .get, headers: session.headers).status == .seeOther)
        }
    }

    @Test func wrongPasswordsAreRefusedAndThenThrottled() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            for _ in 0..<5 {
                let response = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                        body: ByteBuffer(string: "username=bato&password=guess"))
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("không đúng"))
            }
            // The right password no longer helps within the window.
            let blocked = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                   body: ByteBuffer(string: "username=bato&password=correct+horse+battery"))
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.headers[.retryAfter] != nil)
            // Another account from elsewhere is not affected.
            #expect(try await BrowserSession.login(client, user: "sonha") != nil)
        }
    }

    @Test func nextNeverLeavesTheSite() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            for next in ["https%3A%2F%2Fevil.example", "%2F%2Fevil.example", "%2F%5Cevil.example", "%2F%09%2Fevil.example", "%2F%0A%2Fevil.example"] {
                let response = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                        body: ByteBuffer(string: "username=bato&password=correct+horse+battery&next=\(next)"))
                #expect(response.headers[.location] == "/", "\(next)")
            }
        }
    }
}
