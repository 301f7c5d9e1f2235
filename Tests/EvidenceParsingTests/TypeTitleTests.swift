import Testing
import EvidenceModel
@testable import EvidenceParsing

/// Type, type name and subject.
@Suite struct TypeTitleTests {
    let parser = DocumentParser()

    func document(type: String, title: String, number: String = "Số: 10/KH-UBND") -> String {
        "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\(number)\nNghệ An, ngày 2 tháng 1 năm 2024\n\n\(type)\n\(title)\n\nCăn cứ Luật Tổ chức chính quyền địa phương;"
    }

    @Test(arguments: [
        ("KẾ HOẠCH", "KH", "Kế hoạch"), ("KE HOACH", "KH", "Kế hoạch"), ("KẺ HOẠCH", "KH", "Kế hoạch"),
        ("QUYẾT ĐỊNH", "QĐ", "Quyết định"), ("QUYET PINH", "QĐ", "Quyết định"), ("THÔNG BÁO", "TB", "Thông báo"),
        ("BÁO CÁO", "BC", "Báo cáo"), ("TỜ TRÌNH", "TTr", "Tờ trình"), ("BIÊN BẢN", "BB", "Biên bản"),
        ("BIEN BAN", "BB", "Biên bản"), ("NGHỊ QUYẾT", "NQ", "Nghị quyết"), ("CHƯƠNG TRÌNH", "CTr", "Chương trình"),
        ("QUY ĐỊNH", "QyĐ", "Quy định"), ("GIẤY MỜI", "GM", "Giấy mời"), ("ĐỀ ÁN", "ĐA", "Đề án"),
        ("PHƯƠNG ÁN", "PA", "Phương án"), ("HƯỚNG DẪN", "HD", "Hướng dẫn"), ("CÔNG ĐIỆN", "CĐ", "Công điện"),
    ])
    func typeLine(line: String, code: String, name: String) {
        let fields = parser.parse(text: document(type: line, title: "Về chuyển đổi số"))
        #expect(fields.type == code)
        #expect(fields.typeName == name)
        #expect(fields.title == "Về chuyển đổi số")
    }

    @Test func titleOverTwoLinesStopsAtPreamble() {
        let text = "BỘ NỘI VỤ\nSố: 1/KH-BNV\nHà Nội, ngày 2 tháng 1 năm 2024\nKẾ HOẠCH\nTriển khai chỉ số cải cách hành chính\nnăm 2024\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020;"
        let fields = parser.parse(text: text)
        #expect(fields.title == "Triển khai chỉ số cải cách hành chính năm 2024")
        #expect(fields.locations[.title] == .init(page: 1, line: 5))
    }

    @Test func decisionTitleStopsAtAuthorityLine() {
        let text = "ỦY BAN NHÂN DÂN\nHUYỆN A\nSố: 9/QĐ-UBND\nA, ngày 2 tháng 1 năm 2024\nQUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\nCHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN A\nCăn cứ ..."
        #expect(parser.parse(text: text).title == "Về việc thành lập Tổ công tác")
    }

    @Test func congVanWithVv() {
        let text = """
        ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        HUYỆN TRÀ BỒNG Độc lập - Tự do - Hạnh phúc
        Số: 1234/UBND-VX Trà Bồng, ngày 5 tháng 3 năm 2024
        V/v triển khai đánh giá chỉ số
        chuyển đổi số năm 2024

        Kính gửi: Ủy ban nhân dân các xã, thị trấn
        """
        let fields = parser.parse(text: text)
        #expect(fields.type == "CV")
        #expect(fields.typeName == "Công văn")
        #expect(fields.number == "1234/UBND-VX")
        #expect(fields.title == "triển khai đánh giá chỉ số chuyển đổi số năm 2024")
    }

    @Test func typeFromSymbolWhenTypeLineUnreadable() {
        let fields = parser.parse(text: document(type: "K# H@ACH", title: "Về chuyển đổi số"))
        #expect(fields.type == "KH")
        #expect((fields.fieldConfidence[.type] ?? 1) <= 0.6)
    }

    @Test func typeAndSubjectOnOneLine() {
        let text = "SỞ NỘI VỤ\nSố: 3/BC-SNV\nThanh Hóa, ngày 2 tháng 1 năm 2024\nBÁO CÁO Kết quả cải cách hành chính năm 2023\n\nThực hiện..."
        let fields = parser.parse(text: text)
        #expect(fields.type == "BC")
        #expect(fields.title == "Kết quả cải cách hành chính năm 2023")
    }

    @Test func subjectYearIsNotTheDate() {
        let text = "ỦY BAN NHÂN DÂN\nXÃ A\nSố: 3/KH-UBND\nA, ngày    tháng    năm 2024\nKẾ HOẠCH\nChuyển đổi số năm 2023\nCăn cứ Quyết định số 922/QĐ-BTTTT ngày 20 tháng 5 năm 2022;"
        let fields = parser.parse(text: text)
        #expect(fields.date == nil)
        #expect(fields.references == [.init(number: "922/QĐ-BTTTT", date: "2022-05-20")])
    }
}
