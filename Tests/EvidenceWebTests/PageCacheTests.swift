import EvidenceModel
import EvidenceStore
import EvidenceWeb
import Foundation
import HTTPTypes
import NIOCore
import Testing

/// Kept pages (`PageCache`): given again only while nothing they show has changed, never to
/// another account, and a 304 for a program that already has the answer.
@Suite struct PageCacheTests {
    static let batoResult = "/submissions/bato-huyen-2024"

    @Test func aKeptPageIsGivenAgainUntilWhatItShowsChanges() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        let cache = PageCache(bytes: 8 << 20)
        try await harness.test(cache: cache) { client in
            let bato = try #require(try await BrowserSession.login(client, user: "bato"))
            let first = try await client.execute(uri: Self.batoResult, method: .get, headers: bato.headers)
            #expect(first.status == .ok)
            let again = try await client.execute(uri: Self.batoResult, method: .get, headers: bato.headers)
            #expect(again.body == first.body)
            #expect(cache.statistics.hits == 1, "the second request was the kept page")

            // Another unit's news leaves Ba Tơ's page kept.
            _ = try harness.store.recordResult(SubmissionResult(submission: "sonha-huyen-2024", unit: WebHarness.sonha, claims: [
                ClaimResult(index: 0, indicator: "2.1.2", score: 3, flags: [Flag(reason: .noEvidence, message: "Sơn Hà's news")]),
            ]))
            _ = try await client.execute(uri: Self.batoResult, method: .get, headers: bato.headers)
            #expect(cache.statistics.hits == 2)

            // Ba Tơ's own news is on its next page at once.
            _ = try harness.store.recordResult(SubmissionResult(submission: "bato-huyen-2024", unit: WebHarness.bato, claims: [
                ClaimResult(index: 0, indicator: "2.1.2", score: 3, flags: [Flag(reason: .noEvidence, message: "Thiếu tài liệu mới")]),
            ]))
            let changed = try await client.execute(uri: Self.batoResult, method: .get, headers: bato.headers)
            #expect(String(buffer: changed.body).contains("Thiếu tài liệu mới"))
            #expect(cache.statistics.hits == 2)
        }
    }

    @Test func aKeptPageIsNeverAnotherAccountsAndADisabledAccountGetsNone() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        let cache = PageCache(bytes: 8 << 20)
        try await harness.test(cache: cache) { client in
            let bato = try #require(try await BrowserSession.login(client, user: "bato"))
            let sonha = try #require(try await BrowserSession.login(client, user: "sonha"))
            let council = try #require(try await BrowserSession.login(client, user: "council"))
            #expect(try await client.execute(uri: Self.batoResult, method: .get, headers: bato.headers).status == .ok)
            #expect(try await client.execute(uri: Self.batoResult, method: .get, headers: sonha.headers).status == .notFound)
            let flag = try harness.flagID(of: "bato-huyen-2024")
            let page = try await client.execute(uri: "/review/flags/\(flag)", method: .get, headers: council.headers)
            #expect(page.status == .ok)
            // The council's kept queue and flag page hold its session's CSRF token: never Ba Tơ's.
            #expect(String(buffer: page.body).contains(council.csrf) && !String(buffer: page.body).contains(bato.csrf))
            #expect(try await client.execute(uri: "/review/flags/\(flag)", method: .get, headers: sonha.headers).status == .notFound)

            try harness.store.disableUser(named: "council")
            let refused = try await client.execute(uri: "/review/flags/\(flag)", method: .get, headers: council.headers)
            #expect(refused.status != .ok)
        }
    }

    @Test func aProgramThatHasTheAnswerGets304UntilItChanges() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        let cache = PageCache(bytes: 8 << 20)
        try await harness.test(cache: cache) { [harness] client in
            let first = try await client.execute(uri: "/api/v1/flags", method: .get, headers: harness.bearer("scoring"))
            let tag = try #require(first.headers[.eTag])
            #expect(first.headers[.cacheControl] == "private, no-cache")
            var headers = harness.bearer("scoring")
            headers[.ifNoneMatch] = tag
            let unchanged = try await client.execute(uri: "/api/v1/flags", method: .get, headers: headers)
            #expect(unchanged.status == .notModified && unchanged.body.readableBytes == 0)
            // Another account with the same tag is another key: its own answer, here the same bytes.
            var other = harness.bearer("council")
            other[.ifNoneMatch] = tag
            #expect(try await client.execute(uri: "/api/v1/flags", method: .get, headers: other).status == .notModified)

            _ = try harness.store.recordResult(SubmissionResult(submission: "bato-huyen-2024", unit: WebHarness.bato, claims: [
                ClaimResult(index: 0, indicator: "2.1.2", score: 3, flags: [Flag(reason: .noEvidence, message: "Thiếu tài liệu mới")]),
            ]))
            let changed = try await client.execute(uri: "/api/v1/flags", method: .get, headers: headers)
            #expect(changed.status == .ok && changed.headers[.eTag] != tag)
        }
    }

    @Test func requestsThatMissTogetherWaitForOneRendering() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        let cache = PageCache(bytes: 8 << 20)
        try await harness.test(cache: cache) { [harness] client in
            // Whenever each arrives, it joins the rendering in flight or finds its result kept.
            let bodies = try await withThrowingTaskGroup(of: ByteBuffer.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await client.execute(uri: "/api/v1/flags", method: .get, headers: harness.bearer("scoring")).body }
                }
                return try await group.reduce(into: [ByteBuffer]()) { $0.append($1) }
            }
            #expect(Set(bodies).count == 1)
            #expect(cache.statistics.misses == 1 && cache.statistics.hits == 19)
        }
    }

    @Test func whatIsKeptStaysWithinItsBudget() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        // Room for a few pages: asking for many keeps the newest, never more than the budget.
        let cache = PageCache(bytes: 64 << 10)
        try await harness.test(cache: cache) { [harness] client in
            let council = try #require(try await BrowserSession.login(client, user: "council"))
            for index in 0..<40 {
                let response = try await client.execute(uri: "/review?unit=\(index)", method: .get, headers: council.headers)
                #expect(response.status == .ok)
                #expect(cache.statistics.bytes <= 64 << 10)
            }
            #expect(cache.statistics.entries > 0 && cache.statistics.entries < 40)
            #expect(cache.statistics.misses == 40)
            // One page rendered again after each of many changes: its places in the eviction
            // order do not pile up.
            for index in 0..<300 {
                _ = try harness.store.recordResult(SubmissionResult(submission: "sonha-huyen-2024", unit: WebHarness.sonha, claims: [
                    ClaimResult(index: 0, indicator: "2.1.2", score: 3, flags: [Flag(reason: .noEvidence, message: "change \(index)")]),
                ]))
                _ = try await client.execute(uri: "/review", method: .get, headers: council.headers)
            }
            #expect(cache.statistics.places <= 2 * cache.statistics.entries + 65)
        }
    }
}
