import Testing
import EvidenceModel
@testable import EvidenceParsing

/// Issuer, parent, place and date from the header, its columns merged or apart.
@Suite struct HeaderTests {
    let parser = DocumentParser()

    @Test func mergedColumnsWithoutDiacritics() {
        let text = """
        UY BAN NHAN DAN CONG HOA XA HQI CHU NGHIA VIET NAM

        THANH PHO HA NOI Poc 1ap - Tu do - Hanh phiic
        S6:95 /KH-UBND Ha Női, ngay 29 thang 3 ndm 2024
        KE HOACH
        """
        let fields = parser.parse(text: text)
        #expect(fields.issuer == "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI")
        #expect(fields.parent == nil)
        #expect(fields.place == "Hà Nội")
        #expect(fields.date == "2024-03-29")
        #expect(fields.number == "95/KH-UBND")
        #expect(fields.locations[.date] == .init(page: 1, line: 4))
    }

    @Test func parentAboveIssuer() {
        let text = """
        UBND TỈNH HẢI DƯƠNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        SỞ THÔNG TIN VÀ Độc lập - Tự do - Hạnh phúc
        TRUYỀN THÔNG
        Số: 2325/STTTT-CNTT Hải Dương, ngày 11 tháng 10 năm 2024
        """
        let fields = parser.parse(text: text)
        #expect(fields.parent == "UBND TỈNH HẢI DƯƠNG")
        #expect(fields.issuer == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG")
        #expect(fields.place == "Hải Dương")
        #expect(fields.date == "2024-10-11")
    }

    @Test func issuerDiacriticsRestoredPlaceKeptAsRead() {
        let text = """
        UY BAN NHAN DAN CONG HOA XA HQI CHU NGHIA VIET NAM
        HUYEN TRA BONG Pac 1ap - Tw do - Hanh phuc
        Sé: 178 /KH-UBND Tra Béng, ngay 27 thang 10 nam 2024
        """
        let fields = parser.parse(text: text)
        #expect(fields.issuer == "ỦY BAN NHÂN DÂN HUYỆN TRA BONG")
        // The issuer's unrestorable place words lower its confidence.
        #expect((fields.fieldConfidence[.issuer] ?? 1) <= 0.6)
        #expect(fields.place == "Tra Bong")
        #expect((fields.fieldConfidence[.place] ?? 1) <= 0.6)
    }

    @Test func vietnameseModelConfusions() {
        let text = """
        UỶ BẢN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TÍNH QUẢNG NGÃI Độc lập - Tự do - Hạnh phúc
        Số: 05/BB:UBND Quảng Ngãi, ngày 5 tháng 3 năm 2024
        BIÊN BẢN
        """
        let fields = parser.parse(text: text)
        #expect(fields.issuer == "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI")
        #expect(fields.number == "05/BB-UBND")
        #expect(fields.type == "BB")
    }

    @Test func blankDayGivesNilDate() {
        let text = """
        ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        XÃ BÌNH MINH Độc lập - Tự do - Hạnh phúc
        Số: 12/TB-UBND Bình Minh, ngày      tháng 3 năm 2024
        THÔNG BÁO
        """
        let fields = parser.parse(text: text)
        #expect(fields.date == nil)
        #expect(fields.place == "Bình Minh")
        #expect((fields.fieldConfidence[.date] ?? 1) <= 0.2)
    }

    @Test func misreadHandwrittenDayGivesNilDate() {
        let text = "ỦY BAN NHÂN DÂN\nXÃ BÌNH MINH\nSố: 12/TB-UBND\nBình Minh, ngày 2g tháng 3 năm 2024\nTHÔNG BÁO"
        #expect(parser.parse(text: text).date == nil)
    }

    @Test func digitalSignatureTimeIsNotTheDate() {
        let text = """
        Ký bởi: Ủy ban nhân dân huyện Trà Bồng
        Thời gian ký: 28.10.2024 08:15:02 +07:00
        ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        HUYỆN TRÀ BỒNG Độc lập - Tự do - Hạnh phúc
        Số: 178/KH-UBND Trà Bồng, ngày      tháng 10 năm 2024
        KẾ HOẠCH
        """
        let fields = parser.parse(text: text)
        #expect(fields.date == nil)
        #expect(fields.issuer == "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG")
    }

    @Test func slashedDateInHeader() {
        let text = "BỘ NỘI VỤ\nSố: 5/BNV-CCHC\nHà Nội, ngày 19/02/2024\nV/v cải cách hành chính"
        let fields = parser.parse(text: text)
        #expect(fields.date == "2024-02-19")
        #expect(fields.type == "CV")
        #expect(fields.title == "cải cách hành chính")
    }

    @Test func decomposedInputGivesNFC() {
        let text = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 95/KH-UBND\nHà Nội, ngày 29 tháng 3 năm 2024\nKẾ HOẠCH\nTriển khai chỉ số"
            .decomposedStringWithCanonicalMapping
        let fields = parser.parse(text: text)
        #expect(fields.issuer == "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI")
        #expect(fields.issuer?.unicodeScalars.elementsEqual("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI".unicodeScalars) == true)
        #expect(fields.title == "Triển khai chỉ số".precomposedStringWithCanonicalMapping)
        #expect(fields.type == "KH")
    }

    /// `String.folded`, with typographic quotes and dashes made ASCII and other symbols '~' as the fast
    /// fold does (they are never matched).
    static func modelKeyWithASCIIPunctuation(_ text: String) -> String {
        String(text.folded.map { character -> Character in
            switch character {
            case "“", "”", "„": return "\""
            case "‘", "’", "‚", "′": return "'"
            case "–", "—", "‐", "‑", "‒", "―", "−": return "-"
            default: return character.isASCII ? character : "~"
            }
        })
    }

    @Test func fastFoldAgreesWithModelFolding() throws {
        for document in try FixtureCorpus.files() {
            for page in document.pages {
                // Ligatures ('ﬁ') upper-case to two letters: the fast fold leaves them out, harmlessly.
                for line in page.text.split(separator: "\n") where !line.unicodeScalars.contains(where: { (0xFB00...0xFB4F).contains($0.value) }) {
                    #expect(FastFold.key(line) == Self.modelKeyWithASCIIPunctuation(String(line)), "\(line)")
                }
            }
        }
        #expect(FastFold.key("  Độc  lập – Tự do ") == "DOC LAP - TU DO")
    }
}
