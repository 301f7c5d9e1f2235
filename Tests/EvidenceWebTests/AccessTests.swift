import EvidenceStore
import EvidenceWeb
import Foundation
import HTTPTypes
import NIOCore
import Testing

/// Every route that takes an id, tried with another unit's ids: the answer is 404, as for an id
/// that does not exist.
@Suite struct AccessTests {
    @Test func aUnitSeesOnlyItsOwnSubmissionsOnEveryRoute() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let mine = harness.bearer("bato")
            let foreign = ["/api/v1/submissions/sonha-huyen-2024", "/api/v1/submissions/sonha-huyen-2024/results",
                           "/api/v1/flags?submission=sonha-huyen-2024",
                           "/api/v1/documents/\(WebHarness.sonhaDocument)", "/api/v1/documents/\(WebHarness.sonhaDocument)/pages"]
            for uri in foreign {
                let response = try await client.execute(uri: uri, method: .get, headers: mine)
                #expect(response.status == .notFound, "\(uri)")
                #expect(String(buffer: response.body).contains("\"error\":\"not-found\""), "\(uri)")
            }
            let own = ["/api/v1/submissions/bato-huyen-2024", "/api/v1/submissions/bato-huyen-2024/results",
                       "/api/v1/documents/\(WebHarness.batoDocument)", "/api/v1/documents/\(WebHarness.batoDocument)/pages"]
            for uri in own {
                #expect(try await client.execute(uri: uri, method: .get, headers: mine).status == .ok, "\(uri)")
            }
            let list = try await client.execute(uri: "/api/v1/submissions", method: .get, headers: mine)
            #expect(String(buffer: list.body).contains("bato-huyen-2024"))
            #expect(!String(buffer: list.body).contains("sonha"))
            let flags = String(buffer: try await client.execute(uri: "/api/v1/flags", method: .get, headers: mine).body)
            #expect(flags.contains("bato-huyen-2024") && !flags.contains("sonha"))

            let session = try #require(try await BrowserSession.login(client, user: "bato"))
            let page = try await client.execute(uri: "/submissions/sonha-huyen-2024", method: .get, headers: session.headers)
            #expect(page.status == .notFound)
            #expect(!String(buffer: page.body).contains("SƠN HÀ"))
            let ownPage = try await client.execute(uri: "/submissions/bato-huyen-2024", method: .get, headers: session.headers)
            #expect(ownPage.status == .ok)
            let listPage = String(buffer: try await client.execute(uri: "/submissions", method: .get, headers: session.headers).body)
            #expect(listPage.contains("bato-huyen-2024") && !listPage.contains("sonha-huyen-2024"))
        }
    }

    @Test func anAppraiserLimitedToUnitsSeesOnlyThose() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        _ = try Accounts(store: harness.store, passwordCost: 4)
            .add(UserAccount(name: "limited", role: .appraiser, unitCodes: ["H-SONHA"]))
        let token = try Accounts(store: harness.store, passwordCost: 4).issueToken(for: "limited")
        try await harness.test { client in
            let headers: HTTPFields = [.authorization: "Bearer \(token)"]
            let other = try await client.execute(uri: "/api/v1/submissions/bato-huyen-2024", method: .get, headers: headers)
            #expect(other.status == .notFound)
            let council = try await client.execute(uri: "/api/v1/submissions/sonha-huyen-2024", method: .get, headers: harness.bearer("council"))
            #expect(council.status == .ok)
            let own = try await client.execute(uri: "/api/v1/submissions/sonha-huyen-2024", method: .get, headers: headers)
            #expect(own.status == .ok)
        }
    }

    @Test func anonymousAndBadTokensAreRefused() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let anonymous = try await client.execute(uri: "/api/v1/submissions", method: .get)
            #expect(anonymous.status == .unauthorized)
            let bad = try await client.execute(uri: "/api/v1/submissions", method: .get, headers: [.authorization: "Bearer nope"])
            #expect(bad.status == .unauthorized)
            #expect(String(buffer: bad.body).contains("invalid-token"))
            let page = try await client.execute(uri: "/submissions/bato-huyen-2024", method: .get)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location]?.hasPrefix("/login?next=") == true)
        }
    }

    @Test func theConsumerUsesTheQueueAndNoPages() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let scoring = harness.bearer("scoring")
            let pull = try await client.execute(uri: "/api/v1/queue", method: .get, headers: scoring)
            #expect(pull.status == .ok)
            let ids = try JSONDecoder().decode([FlagID].self, from: Data(buffer: pull.body)).map(\.id)
            #expect(ids.count == 2)
            var ackHeaders = scoring
            ackHeaders[.contentType] = "application/json"
            let ack = try await client.execute(uri: "/api/v1/queue/ack", method: .post, headers: ackHeaders,
                                               body: ByteBuffer(string: "{\"ids\": [\(ids[0])]}"))
            #expect(ack.status == .ok)
            #expect(String(buffer: ack.body) == "{\"acked\":1}")
            let again = try JSONDecoder().decode([FlagID].self, from: Data(buffer: try await client.execute(uri: "/api/v1/queue", method: .get, headers: scoring).body))
            #expect(again.map(\.id) == [ids[1]])
            let unknown = try await client.execute(uri: "/api/v1/queue/ack", method: .post, headers: ackHeaders,
                                                   body: ByteBuffer(string: "{\"ids\": [999999]}"))
            #expect(unknown.status == .unprocessableContent)
            // Units and appraisers have no queue; the consumer has no pages.
            #expect(try await client.execute(uri: "/api/v1/queue", method: .get, headers: harness.bearer("bato")).status == .forbidden)
            #expect(try await client.execute(uri: "/submissions", method: .get, headers: scoring).status == .forbidden)
        }
    }

    @Test func aDisabledAccountLosesItsTokensAndSessions() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let session = try #require(try await BrowserSession.login(client, user: "bato"))
            try harness.store.disableUser(named: "bato")
            #expect(try await client.execute(uri: "/api/v1/submissions", method: .get, headers: harness.bearer("bato")).status == .unauthorized)
            #expect(try await client.execute(uri: "/submissions", method: .get, headers: session.headers).status == .seeOther)
            #expect(try await BrowserSession.login(client, user: "bato") == nil)
        }
    }
}

struct FlagID: Decodable { var id: Int64 }
