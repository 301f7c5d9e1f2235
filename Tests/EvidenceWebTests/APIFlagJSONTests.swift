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
