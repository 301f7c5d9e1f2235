import Testing
import EvidenceModel
@testable import EvidenceParsing

/// The number and symbol, as printed and as OCR and hand-filled blanks break them.
@Suite struct NumberTests {
    let parser = DocumentParser()

    func header(_ numberLine: String, extra: String = "") -> String {
        """
        ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        HUYỆN TRÀ BỒNG Độc lập - Tự do - Hạnh phúc
        \(numberLine) Trà Bồng, ngày 27 tháng 10 năm 2024
        \(extra)
        KẾ HOẠCH
        Thực hiện đánh giá chuyển đổi số
        """
    }

    @Test(arguments: [
        ("Số: 178/KH-UBND", "178/KH-UBND"),
        ("Số:19 /KH-UBND", "19/KH-UBND"),
        ("S6:95 /KH-UBND", "95/KH-UBND"),
        ("Sé: 178 /KH-UBND", "178/KH-UBND"),
        ("Sb: 93. /KH-UBND", "93/KH-UBND"),
        ("Số: 44/2005/QĐ-UBND", "44/2005/QĐ-UBND"),
        ("Số: 12/QD-UBND", "12/QĐ-UBND"),
        ("Số: 12/Qb-UBND", "12/QĐ-UBND"),
        ("Số: 370/KH-HPCDS", "370/KH-HĐCĐS"),
        ("Số: 05/BB:UBND", "05/BB-UBND"),
        ("Số: 7/TB.UBND", "7/TB-UBND"),
        ("Số: 2325/STTTT-CNTT", "2325/STTTT-CNTT"),
        ("Số: 15/NQ-HDND", "15/NQ-HĐND"),
    ])
    func repairs(line: String, expected: String) {
        #expect(parser.parse(text: header(line)).number == expected)
    }

    @Test func numberAndSymbolFarApart() {
        let fields = parser.parse(text: header("Số: 542", extra: "Độc lập\n/TB-UBND"))
        #expect(fields.number == "542/TB-UBND")
        #expect((fields.fieldConfidence[.number] ?? 1) < 0.95)
    }

    @Test func handwrittenDigitsMisreadGiveNil() {
        let fields = parser.parse(text: header("Số: 1g8/KH-UBND"))
        #expect(fields.number == nil)
        #expect((fields.fieldConfidence[.number] ?? 1) <= 0.3)
    }

    @Test func blankNumberGivesNil() {
        #expect(parser.parse(text: header("Số:      /QĐ-UBND")).number == nil)
    }

    @Test func unknownSymbolPartIsKeptWithLowConfidence() {
        let fields = parser.parse(text: header("Số: 547 /KH-TIBND"))
        #expect(fields.number == "547/KH-TIBND")
        #expect((fields.fieldConfidence[.number] ?? 1) <= 0.5)
    }

    @Test func cleanNumberIsTrusted() {
        let fields = parser.parse(text: header("Số: 178/KH-UBND"))
        #expect(fields.fieldConfidence[.number] == 0.95)
        #expect(fields.locations[.number] == .init(page: 1, line: 3))
    }

    @Test func incomingStampIsNotTheNumber() {
        let text = """
        CV ĐẾN
        Số: 2352
        Ngày: 30/10/2024
        ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        HUYỆN TRÀ BỒNG Độc lập - Tự do - Hạnh phúc
        Số: 178/KH-UBND Trà Bồng, ngày 27 tháng 10 năm 2024
        KẾ HOẠCH
        """
        let fields = parser.parse(text: text)
        #expect(fields.number == "178/KH-UBND")
        #expect(fields.issuer == "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG")
        #expect(fields.date == "2024-10-27")
    }

    @Test func symbolVocabularyNeverInvents() {
        #expect(SymbolVocabulary.restore("PA") == "PA")
        #expect(SymbolVocabulary.restore("ĐA") == "ĐA")
        #expect(SymbolVocabulary.restore("Qb") == "QĐ")
        #expect(SymbolVocabulary.restore("XYZ") == nil)
        #expect(SymbolVocabulary.restore("TTG") == "TTg")
    }
}

@Suite struct NumberFallbackTests {
    @Test func numberWithoutItsSoWordIsReadWithLowerConfidence() {
        let text = "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN TRÀ BỒNG Độc lập - Tự do - Hạnh phúc\n178/KH-UBND Trà Bồng, ngày 27 tháng 10 năm 2024\nKẾ HOẠCH"
        let fields = DocumentParser().parse(text: text)
        #expect(fields.number == "178/KH-UBND")
        #expect(fields.fieldConfidence[.number] == 0.6)
        #expect(fields.issuer == "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG")
    }

    @Test func partyHeaderMotto() {
        let text = "ĐẢNG BỘ TỈNH THANH HÓA ĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY THỌ XUÂN\nSố: 12-KH/HU Thọ Xuân, ngày 3 tháng 2 năm 2024\nKẾ HOẠCH"
        let fields = DocumentParser().parse(text: text)
        #expect(fields.issuer?.hasPrefix("HUYỆN ỦY") == true)
        #expect(fields.parent == "ĐẢNG BỘ TỈNH THANH HÓA")
        #expect(fields.date == "2024-02-03")
    }
}
