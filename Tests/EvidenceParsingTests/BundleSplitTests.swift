import EvidenceModel
import Testing
@testable import EvidenceParsing

/// Where the documents of a bundle start, on text pages.
@Suite struct BundleSplitTests {
    static func header(_ issuer: String, number: String, type: String) -> String {
        """
        UBND HUYỆN TRÀ BỒNG    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        \(issuer)    Độc lập - Tự do - Hạnh phúc
        Số: \(number)    Trà Bồng, ngày 15 tháng 02 năm 2024
        \(type)
        """
    }

    static func pages(_ texts: [String]) -> [PageText] {
        texts.enumerated().map { PageText(page: $0.offset + 1, source: .text, text: $0.element) }
    }

    @Test func aHeaderAtThePageTopStartsADocumentAndAppendicesStay() {
        let pages = Self.pages([
            Self.header("ỦY BAN NHÂN DÂN HUYỆN", number: "12/QĐ-UBND", type: "QUYẾT ĐỊNH") + "\nBan hành Kế hoạch\nCHỦ TỊCH\nLê Văn Bình",
            "Điều 3. Chánh Văn phòng ... chịu trách nhiệm thi hành.",
            Self.header("ỦY BAN NHÂN DÂN HUYỆN", number: "45/KH-UBND", type: "KẾ HOẠCH") + "\nChuyển đổi số năm 2024",
            "PHỤ LỤC\n(Kèm theo Kế hoạch số 45/KH-UBND ngày 15/02/2024)\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1",
            Self.header("ỦY BAN NHÂN DÂN HUYỆN", number: "08/BB-UBND", type: "BIÊN BẢN"),
        ])
        #expect(BundleSplitter.documentStarts(pages) == [0, 2, 4])
        let fields = DocumentParser().parseDocuments(pages)
        #expect(fields.documents.map(\.pages) == [1...2, 3...4, 5...5])
        #expect(fields.documents.map(\.fields.number) == ["12/QĐ-UBND", "45/KH-UBND", "08/BB-UBND"])
        #expect(fields.number == "12/QĐ-UBND", "the top level is the first document")
    }

    @Test func oneDocumentIsNotABundle() {
        let pages = Self.pages([Self.header("ỦY BAN NHÂN DÂN HUYỆN", number: "45/KH-UBND", type: "KẾ HOẠCH"),
                                "I. MỤC ĐÍCH\nCộng hòa xã hội chủ nghĩa Việt Nam quy định ...", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"])
        #expect(BundleSplitter.documentStarts(pages) == [0])
        #expect(DocumentParser().parseDocuments(pages).documents.isEmpty)
    }
}
