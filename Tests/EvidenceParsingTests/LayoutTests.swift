import Testing
import EvidenceModel
@testable import EvidenceParsing

/// Headers read from line and word boxes: the text layer's order does not matter.
@Suite struct LayoutTests {
    let parser = DocumentParser()

    func line(_ text: String, x: Double, y: Double, width: Double) -> TextLine {
        TextLine(text: text, box: Box(x: x, y: y, width: width, height: 0.015))
    }

    @Test func textLayerPutsNumberAndSymbolFarApart() {
        // Right column first, then the left; the hand-filled number's symbol comes last.
        let lines = [
            line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", x: 0.45, y: 0.05, width: 0.48),
            line("Độc lập - Tự do - Hạnh phúc", x: 0.52, y: 0.07, width: 0.34),
            line("Hà Nội, ngày 29 tháng 3 năm 2024", x: 0.52, y: 0.11, width: 0.36),
            line("ỦY BAN NHÂN DÂN", x: 0.1, y: 0.05, width: 0.25),
            line("THÀNH PHỐ HÀ NỘI", x: 0.1, y: 0.07, width: 0.25),
            line("Số: 542", x: 0.1, y: 0.11, width: 0.08),
            line("THÔNG BÁO", x: 0.42, y: 0.18, width: 0.16),
            line("Kết luận của Chủ tịch UBND Thành phố", x: 0.25, y: 0.2, width: 0.5),
            line("/TB-UBND", x: 0.22, y: 0.11, width: 0.1),
        ]
        let page = PageText(page: 1, source: .text, text: lines.map(\.text).joined(separator: "\n"), lines: lines)
        let fields = parser.parse([page])
        #expect(fields.number == "542/TB-UBND")
        #expect(fields.issuer == "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI")
        #expect(fields.date == "2024-03-29")
        #expect(fields.place == "Hà Nội")
        #expect(fields.type == "TB")
        #expect(fields.locations[.number]?.page == 1)
        #expect(fields.locations[.number]?.line == 6)
        #expect(fields.locations[.number]?.box?.x == 0.1)
    }

    @Test func mergedOCRLineSplitByWordBoxes() {
        func words(_ pairs: [(String, Double)]) -> [TextLine.Word] {
            pairs.map { TextLine.Word(text: $0.0, box: Box(x: $0.1 - 0.02, y: 0.1, width: 0.04, height: 0.015)) }
        }
        let first = TextLine(text: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", box: Box(x: 0.1, y: 0.05, width: 0.8, height: 0.015),
                             words: words([("ỦY", 0.12), ("BAN", 0.17), ("NHÂN", 0.23), ("DÂN", 0.29), ("CỘNG", 0.5), ("HÒA", 0.56),
                                           ("XÃ", 0.6), ("HỘI", 0.64), ("CHỦ", 0.69), ("NGHĨA", 0.75), ("VIỆT", 0.82), ("NAM", 0.88)]))
        let second = TextLine(text: "XÃ BÌNH MINH Độc lập - Tự do - Hạnh phúc", box: Box(x: 0.1, y: 0.07, width: 0.8, height: 0.015),
                              words: words([("XÃ", 0.14), ("BÌNH", 0.2), ("MINH", 0.27), ("Độc", 0.55), ("lập", 0.6), ("-", 0.63),
                                            ("Tự", 0.66), ("do", 0.7), ("-", 0.73), ("Hạnh", 0.77), ("phúc", 0.82)]))
        // 'Bình Minh,' sits in the right column: word boxes, not text, decide.
        let third = TextLine(text: "Số: 7/KH-UBND Bình Minh, ngày 1 tháng 2 năm 2024", box: Box(x: 0.1, y: 0.09, width: 0.8, height: 0.015),
                             words: words([("Số:", 0.12), ("7/KH-UBND", 0.2), ("Bình", 0.5), ("Minh,", 0.55), ("ngày", 0.6), ("1", 0.64),
                                           ("tháng", 0.68), ("2", 0.72), ("năm", 0.76), ("2024", 0.8)]))
        let type = TextLine(text: "KẾ HOẠCH", box: Box(x: 0.42, y: 0.15, width: 0.16, height: 0.015))
        let lines = [first, second, third, type]
        let page = PageText(page: 1, source: .ocr, confidence: 0.8, text: lines.map(\.text).joined(separator: "\n"), lines: lines)
        let fields = parser.parse([page])
        #expect(fields.issuer == "ỦY BAN NHÂN DÂN XÃ BÌNH MINH")
        #expect(fields.number == "7/KH-UBND")
        #expect(fields.place == "Bình Minh")
        #expect(fields.date == "2024-02-01")
        #expect(fields.type == "KH")
    }

    @Test func emptyAndOddInputDoesNotCrash() {
        #expect(parser.parse([]).number == nil)
        #expect(parser.parse(text: "").issuer == nil)
        #expect(parser.parse(text: "\u{0C}\u{0C}   \n").draft == true)
        #expect(parser.parse(text: "Số:\nngày tháng năm\n/").number == nil)
        _ = parser.parse(text: String(repeating: "Số: 1/ ngày 1 tháng 1 năm 1 TM. KT. CHỦ TỊCH\n", count: 50))
    }
}
