import EvidenceModel
import EvidenceStore
import EvidenceWeb
import Foundation
import NIOCore
import Testing

/// `GET /api/v1/flags` pages in the store (`after`, `reason`, `limit` in its query): every page is
/// exactly the account's whole list filtered and cut, for every kind of account.
@Suite struct FlagListPagingTests {
    @Test func aPageIsTheWholeListFilteredAndCut() async throws {
        var harness = try WebHarness()
        defer { harness.remove() }
        let reasons: [FlagReason] = [.signerMismatch, .numberMismatch, .noEvidence, .signerMismatch, .needsReview]
        for (id, unit) in [("bato-huyen-2024", WebHarness.bato), ("sonha-huyen-2024", WebHarness.sonha)] {
            _ = try harness.store.recordResult(SubmissionResult(submission: id, unit: unit, claims: [
                ClaimResult(index: 0, indicator: "2.1.2", score: 3, flags: reasons.enumerated().map { index, reason in
                    Flag(reason: reason, message: "\(id) \(index)", file: "kh.pdf", page: 1)
                }),
                ClaimResult(index: 1, indicator: "1.3.1", score: 5, flags: [Flag(reason: .duplicateEvidence, message: "copy", file: "kh.pdf")]),
            ]))
        }
        _ = try harness.seedPrecheck()
        _ = try Accounts(store: harness.store, passwordCost: 4).add(UserAccount(name: "limited", role: .appraiser, unitCodes: ["H-SONHA"]))
        try harness.addToken(for: "limited")
        try await harness.test { [harness] client in
            func list(_ uri: String, _ user: String) async throws -> [(id: Int64, reason: String, text: String)] {
                let response = try await client.execute(uri: uri, method: .get, headers: harness.bearer(user))
                #expect(response.status == .ok, "\(uri)")
                let body = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [[String: Any]])
                return try body.map { flag in
                    (try #require((flag["id"] as? NSNumber)?.int64Value), try #require(flag["reason"] as? String),
                     String(data: try JSONSerialization.data(withJSONObject: flag, options: .sortedKeys), encoding: .utf8) ?? "")
                }
            }
            for user in ["scoring", "council", "limited", "bato"] {
                let whole = try await list("/api/v1/flags?limit=1000", user)
                #expect(whole.count == (user == "scoring" || user == "council" ? 12 : 6), "\(user)")
                #expect(!whole.contains { $0.text.contains("Pre-check") })
                let ids = whole.map(\.id)
                for after in [0, ids[1], ids[4], ids.last!] {
                    for reason in [nil, "signer-mismatch", "needs-review"] {
                        for limit in [1, 2, 5, 1000] {
                            var uri = "/api/v1/flags?after=\(after)&limit=\(limit)"
                            if let reason { uri += "&reason=\(reason)" }
                            let expected = whole.filter { $0.id > after && (reason == nil || $0.reason == reason) }.prefix(limit)
                            let page = try await list(uri, user)
                            #expect(page.map(\.text) == expected.map(\.text), "\(user) \(uri)")
                        }
                    }
                }
            }
            let unknown = try await client.execute(uri: "/api/v1/flags?reason=nonsense", method: .get, headers: harness.bearer("scoring"))
            #expect(unknown.status == .badRequest)
        }
    }
}
