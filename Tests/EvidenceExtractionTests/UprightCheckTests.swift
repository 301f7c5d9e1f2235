import EvidenceModel
import Testing
@testable import EvidenceExtraction

/// When a page's first reading counts as upright, and which of two readings is kept.
@Suite struct UprightCheckTests {
    /// `count` words of five letters, each box `w` × `h` pixels on a 2000 × 3000 page.
    static func reading(confidence: Double, words count: Int, w: Double, h: Double, rotation: Int = 0) -> OCRResult {
        let words = (0..<count).map { i in
            TextLine.Word(text: "chữ\(i)x", box: Box(x: 0.1, y: Double(i) / Double(count + 1), width: w / 2000, height: h / 3000))
        }
        return OCRResult(text: "", confidence: confidence, lines: [TextLine(text: "", box: Box(x: 0, y: 0, width: 1, height: 1), words: words)],
                         rotation: rotation)
    }

    @Test func aConfidentReadingInWideWordsIsUpright() {
        #expect(UprightCheck.readsUpright(Self.reading(confidence: 0.9, words: 100, w: 120, h: 40), width: 2000, height: 3000))
    }

    @Test func lowConfidenceFewWordsOrTallWordsAreChecked() {
        #expect(!UprightCheck.readsUpright(Self.reading(confidence: 0.4, words: 100, w: 120, h: 40), width: 2000, height: 3000))
        #expect(!UprightCheck.readsUpright(Self.reading(confidence: 0.9, words: 5, w: 120, h: 40), width: 2000, height: 3000))
        // A sideways page read as vertical text: confident, but every word taller than wide.
        #expect(!UprightCheck.readsUpright(Self.reading(confidence: 0.93, words: 100, w: 40, h: 120), width: 2000, height: 3000))
    }

    @Test func theTurnedReadingWinsWhenItRunsAcrossAtEqualConfidence() {
        let sideways = Self.reading(confidence: 0.93, words: 100, w: 40, h: 120)
        // Turned a quarter, the image is 3000 wide and 2000 high.
        let turned = Self.reading(confidence: 0.93, words: 100, w: 180, h: 27, rotation: 90)
        #expect(UprightCheck.prefers(turned, over: sideways, width: 2000, height: 3000))
        let worse = Self.reading(confidence: 0.5, words: 100, w: 120, h: 40, rotation: 180)
        let upright = Self.reading(confidence: 0.7, words: 100, w: 120, h: 40)
        #expect(!UprightCheck.prefers(worse, over: upright, width: 2000, height: 3000))
    }
}
