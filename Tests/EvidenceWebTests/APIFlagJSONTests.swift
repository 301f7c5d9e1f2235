@testable import EvidenceWeb
import EvidenceModel
import EvidenceStore
import Foundation
import NIOCore
import Testing

/// `GET /api/v1/flags` writes its JSON by hand (`APIFlag+JSON.swift`): the bytes must be exactly
/// those `JSONResponse.encoder` writes for the same flags.
@Suite struct APIFlagJSONTests {
    static func queued(id: Int64, text: String, score: Double, createdAt: Date, supersededAt: Date?, full: Bool) -> QueuedFlag {
        QueuedFlag(id: id, submission: "sub/\(text)", revision: Int(id % 3) + 1,
                   unit: Submission.Unit(code: "H-\(text)", name: text, level: .district), claimIndex: Int(id % 7),
                   indicator: "I.2.\(id)", score: score,
                   flag: Flag(reason: FlagReason.allCases[Int(id) % FlagReason.allCases.count], message: "m: \(text)",
                              file: full ? "a/\(text).pdf" : nil, page: full ? Int(id) : nil, expected: full ? text : nil,
                              found: full ? "\"\(text)\"" : nil, field: full ? DocumentField.allCases[Int(id) % DocumentField.allCases.count] : nil,
                              box: full ? Box(x: score / 7, y: 0.1, width: 1e-7 * score, height: 123_456_789.125) : nil),
                   createdAt: createdAt, supersededAt: supersededAt)
    }

    static let texts = ["", "plain", "Ủy ban nhân dân huyện Ba Tơ", "a/b\\c\"d", "tab\tnew\nret\rff\u{0C}bs\u{08}",
                        String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }) + "\u{7F}", "emoji 🇻🇳 e\u{301}",
                        "\u{2028}\u{2029}</script>"]
    static let scores: [Double] = [0, 3, 2.5, 0.1, -1.5, 1e-7, 1e21, 123_456_789.125, 100, 0.30000000000000004]
    static let dates: [Date] = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_733_500_800.999),
                                Date(timeIntervalSince1970: 951_782_400.5), Date(timeIntervalSince1970: 4_107_542_399.001),
                                Date(timeIntervalSince1970: 1_700_000_000.123), Date(timeIntervalSinceReferenceDate: 0)]

    @Test func theFlagListIsWrittenExactlyAsJSONEncoderWritesIt() throws {
        var flags: [APIFlag] = []
        var id: Int64 = 1
        for text in Self.texts {
            for (index, score) in Self.scores.enumerated() {
                let created = Self.dates[index % Self.dates.count]
                let superseded = index % 3 == 0 ? nil : Self.dates[(index + 1) % Self.dates.count]
                flags.append(APIFlag(Self.queued(id: id, text: text, score: score, createdAt: created, supersededAt: superseded,
                                                 full: index % 2 == 0)))
                id += 1
            }
        }
        // Dates at random milliseconds over two centuries: the fraction of a second is dropped as the encoder drops it.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let millis = Double(Int64.random(in: -1_000_000_000_000...4_102_444_800_000, using: &generator)) / 1000
            flags.append(APIFlag(Self.queued(id: id, text: "d", score: 1, createdAt: Date(timeIntervalSince1970: millis),
                                             supersededAt: nil, full: false)))
            id += 1
        }
        let expected = try JSONResponse.encoder.encode(flags)
        let written = Data(APIFlag.json(flags).readableBytesView)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(written == expected)
        for flag in flags.prefix(40) {
            #expect(Data(APIFlag.json([flag]).readableBytesView) == (try JSONResponse.encoder.encode([flag])))
        }
        #expect(Data(APIFlag.json([]).readableBytesView) == (try JSONResponse.encoder.encode([APIFlag]())))
    }
}

/// The review queue's rows answer swift-mustache by name (`ReviewRow+Mustache.swift`): every
/// stored property, as `Mirror` reads it (an optional unwrapped, nil missing), and nothing else.
@Suite struct ReviewRowTests {
    @Test func everyPropertyAnswersAsMirrorReadsIt() throws {
        let flag = APIFlagJSONTests.queued(id: 7, text: "Ủy ban <b>", score: 2.5, createdAt: Date(), supersededAt: nil, full: true)
        let decision = FlagDecision(id: 1, flagId: 7, decidedBy: "council", decidedAt: Date(), action: .confirm,
                                    supportedScore: nil, answer: nil, comment: nil)
        for row in [ReviewRow(ReviewItem(flag: flag, decision: nil), position: 0), ReviewRow(ReviewItem(flag: flag, decision: decision), position: 3)] {
            let children = Mirror(reflecting: row).children
            #expect(children.count == 11)
            for child in children {
                let label = try #require(child.label)
                let expected: String?
                if let text = child.value as? String? { expected = text } else { expected = String(describing: child.value) }
                #expect(row.child(named: label).map { String(describing: $0) } == expected, "\(label)")
            }
            #expect(row.child(named: "chrome") == nil && row.child(named: "") == nil)
        }
    }
}

@Suite struct TokenHashTests {
    /// The stored hash of a token or cookie never changes form: sha256 in lower-case hex.
    @Test func tokenHashesAreLowercaseHexSHA256() {
        #expect(Secrets.hash(token: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Secrets.hash(token: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

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
