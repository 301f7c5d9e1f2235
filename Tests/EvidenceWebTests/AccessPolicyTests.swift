import EvidenceStore
import EvidenceWeb
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Testing

/// Every route the router holds (its own list, `Router.routes`), called by each role: a route
/// added without `AccessPolicy` fails here, whoever forgets to add it to a test.
@Suite struct AccessPolicyTests {
    /// The routes anyone may call without an account. Every other route refuses an anonymous
    /// caller and a metrics token.
    static let publicRoutes: Set<String> = [
        "GET /login", "POST /login", "POST /logout", "GET /healthz", "GET /api/openapi.yaml",
        "GET /static/style.css", "GET /static/keys.js",
    ]

    /// What a route's parameters name.
    struct Objects {
        var submission: String
        var flag: Int64
        var document: String
    }

    /// A route with ids of `objects` in its path, or nil (and a failure) for a parameter this test
    /// does not know: a new kind of id needs a line here, and with it the access cases below.
    static func uri(_ route: Router<WebContext>.RouteDescription, _ objects: Objects) -> String? {
        var previous = ""
        var segments: [String] = []
        for segment in "\(route.path)".split(separator: "/").map(String.init) {
            switch segment {
            case "{id}" where previous == "flags": segments.append(String(objects.flag))
            case "{id}" where previous == "submissions": segments.append(objects.submission)
            case "{sha256}": segments.append(objects.document)
            case "{page}.png": segments.append("1.png")
            case _ where segment.contains("{") || segment.contains("*"):
                Issue.record("\(route): the access test does not know '\(segment)'")
                return nil
            default: segments.append(segment)
            }
            previous = segment
        }
        return "/" + segments.joined(separator: "/")
    }

    static func hasParameters(_ route: Router<WebContext>.RouteDescription) -> Bool { "\(route.path)".contains("{") }

    @Test func everyRouteAnswersWhatAnAccountMayNotSeeAsIfItDidNotExist() async throws {
        var setUp = try WebHarness()
        defer { setUp.remove() }
        let accounts = Accounts(store: setUp.store, passwordCost: 4)
        _ = try accounts.add(UserAccount(name: "limited", role: .appraiser, unitCodes: ["H-BATO"]))
        _ = try accounts.add(UserAccount(name: "prometheus", role: .metrics))
        try setUp.addToken(for: "limited")
        try setUp.addToken(for: "prometheus")
        let harness = setUp
        let precheck = try harness.seedPrecheck()
        let sonha = Objects(submission: "sonha-huyen-2024", flag: try harness.flagID(of: "sonha-huyen-2024"),
                            document: WebHarness.sonhaDocument)
        let sonhaPrecheck = Objects(submission: precheck.id, flag: precheck.flag, document: precheck.sha256)
        let bato = Objects(submission: "bato-huyen-2024", flag: try harness.flagID(of: "bato-huyen-2024"),
                           document: WebHarness.batoDocument)
        let missing = Objects(submission: "sonha-huyen-1999", flag: 999_999, document: String(repeating: "d", count: 64))
        // Who may not see what: another unit's submission; a pre-check, which is its unit's own.
        let refusals: [(account: String, foreign: Objects)] = [
            ("bato", sonha), ("limited", sonha), ("bato", sonhaPrecheck), ("limited", sonhaPrecheck),
            ("council", sonhaPrecheck), ("scoring", sonhaPrecheck),
        ]

        let router = try WebServer.router(harness.service)
        let routes = router.routes
        #expect(routes.count >= 25)
        let client = RouterClient(router: router)
        func call(_ route: Router<WebContext>.RouteDescription, _ objects: Objects, as account: String?) async throws -> TestResponse? {
            guard let uri = Self.uri(route, objects) else { return nil }
            var headers: HTTPFields = account.map { harness.bearer($0) } ?? [:]
            headers[.contentType] = "application/x-www-form-urlencoded"
            return try await client.execute(uri: uri, method: route.method, headers: headers,
                                            body: route.method == .post ? ByteBuffer() : nil)
        }

        for route in routes where Self.hasParameters(route) {
            // The owner reaches the object (else a refusal that equals a missing id proves nothing).
            let absent = try #require(try await call(route, missing, as: "sonha"))
            var reached = false
            for objects in [sonha, sonhaPrecheck] {
                let owned = try #require(try await call(route, objects, as: "sonha"))
                reached = reached || owned.status != absent.status || owned.body != absent.body
            }
            #expect(reached, "\(route): Sơn Hà's own ids are answered as missing ones")
            for (account, foreign) in refusals {
                let seen = try #require(try await call(route, foreign, as: account))
                let none = try #require(try await call(route, missing, as: account))
                #expect(seen.status == none.status && seen.body == none.body,
                        "\(route) as \(account): \(seen.status) \(String(buffer: seen.body).prefix(200))")
            }
        }

        for route in routes where route.method == .get && !Self.hasParameters(route) {
            for (account, foreign) in refusals {
                let answer = try #require(try await call(route, bato, as: account))
                #expect(!String(buffer: answer.body).contains(foreign.submission), "\(route) as \(account) lists \(foreign.submission)")
            }
        }

        for route in routes where !Self.publicRoutes.contains("\(route)") {
            let anonymous = try #require(try await call(route, bato, as: nil))
            let toLogin = anonymous.headers[HTTPField.Name.location]?.hasPrefix("/login?next=") == true
            #expect(anonymous.status == .unauthorized || anonymous.status == .seeOther && toLogin, "\(route) anonymous: \(anonymous.status)")
            guard "\(route)" != "GET /metrics" else { continue }
            let scraper = try #require(try await call(route, bato, as: "prometheus"))
            #expect(scraper.status == .forbidden, "\(route) with a metrics token: \(scraper.status)")
        }
    }

    /// The permissions by role, as the README states them.
    @Test func eachRoleHasItsPermissions() {
        typealias P = AccessPolicy.Permission
        let expected: [UserRole: Set<P>] = [
            .unit: [.api, .pages, .createSubmission, .uploadSubmission, .readScores, .ownSeason],
            .appraiser: [.api, .pages, .review, .decide, .export, .readScores, .season],
            .consumer: [.api, .export, .consume, .readScores],
            .admin: [.api, .pages, .uploadSubmission, .review, .decide, .export, .consume, .readMetrics, .manageAccounts, .readScores, .season, .publishSeason],
            .metrics: [.readMetrics],
        ]
        for role in UserRole.allCases {
            #expect(Set(P.allCases.filter { AccessPolicy.allows($0, role) }) == expected[role], "\(role)")
        }
    }
}
