import Testing
@testable import EvidenceExtraction

@Suite struct LegacyEncodingTests {
    @Test func tcvn3MottoConvertsToUnicode() throws {
        let repaired = try #require(LegacyEncoding.repair("§éc lËp - Tù do - H¹nh phóc"))
        #expect(repaired.encoding == .tcvn3)
        #expect(repaired.text == "Độc lập - Tự do - Hạnh phúc")
    }

    @Test func tcvn3CapitalsFromTheHeadingFontAreUpperCased() throws {
        let repaired = try #require(LegacyEncoding.repair("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM"))
        #expect(repaired.text == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    }

    @Test func tcvn3SentenceConverts() throws {
        let repaired = try #require(LegacyEncoding.repair("Céng hoµ x· héi chñ nghÜa ViÖt Nam"))
        #expect(repaired.text == "Cộng hoà xã hội chủ nghĩa Việt Nam")
    }

    @Test func vniConvertsToUnicode() throws {
        let repaired = try #require(LegacyEncoding.repair("Ñoäc laäp - Töï do - Haïnh phuùc"))
        #expect(repaired.encoding == .vni)
        #expect(repaired.text == "Độc lập - Tự do - Hạnh phúc")
    }

    @Test func vniCircumflexOnE() throws {
        #expect(LegacyEncoding.vni.decode("Keá hoaïch trieån khai") == "Kế hoạch triển khai")
    }

    @Test(arguments: [
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG",
        "Plain English text with café and naïve words",
        "Số: 178/KH-UBND",
    ])
    func unicodeTextIsLeftAlone(_ text: String) {
        #expect(LegacyEncoding.repair(text) == nil)
    }
}
