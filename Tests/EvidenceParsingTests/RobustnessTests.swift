import Testing
import EvidenceModel
@testable import EvidenceParsing

/// Damaged input never crashes the parser, and what it returns keeps the contract.
@Suite struct RobustnessTests {
    @Test func mutatedFixturesParseWithoutCrashing() throws {
        var random = GeneratedCorpus.Random(seed: 7)
        let texts = try FixtureCorpus.files().map { $0.pages.map(\.text).joined(separator: "\u{0C}") }
        let inserts: [String] = ["/", "-", ":", ".", "\u{0C}", "\n", " ", "Đ", "6", "ngày", "Số:", "\u{0301}", "TM.", "ʼ"]
        let parser = DocumentParser()
        for round in 0..<300 {
            var characters = Array(texts[round % texts.count].prefix(3_000))
            for _ in 0..<40 where !characters.isEmpty {
                let at = random.int(characters.count)
                switch random.int(3) {
                case 0: characters.remove(at: at)
                case 1: characters.insert(contentsOf: Array(inserts[random.int(inserts.count)]), at: at)
                default: characters.replaceSubrange(at...at, with: Array(inserts[random.int(inserts.count)]))
                }
            }
            let fields = parser.parse(text: String(characters))
            for value in fields.fieldConfidence.values { #expect((0...1).contains(value)) }
            if let date = fields.date { #expect(DateReading.iso(1, 1, 2000) != nil && date.count == 10) }
        }
    }

    @Test func incomingStampOnOneLine() {
        let text = "CV ĐẾN Số: 2352\nỦY BAN NHÂN DÂN\nHUYỆN TRÀ BỒNG\nSố: 178/KH-UBND\nTrà Bồng, ngày 27 tháng 10 năm 2024\nKẾ HOẠCH"
        let fields = DocumentParser().parse(text: text)
        #expect(fields.number == "178/KH-UBND")
        #expect(fields.issuer == "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG")
    }

    @Test func pagesFixtureWithBoxesIsInTheCorpus() throws {
        let boxed = try FixtureCorpus.files().filter { $0.pages.contains { !$0.lines.isEmpty } }
        #expect(!boxed.isEmpty)
    }
}
