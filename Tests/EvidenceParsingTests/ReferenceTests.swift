import Testing
import EvidenceModel
@testable import EvidenceParsing

/// Documents cited in the body, each with its date.
@Suite struct ReferenceTests {
    let parser = DocumentParser()
    let head = "ỦY BAN NHÂN DÂN\nHUYỆN A\nSố: 178/KH-UBND\nA, ngày 27 tháng 10 năm 2024\nKẾ HOẠCH\nChuyển đổi số\n\n"

    @Test func citedNumbersAndDates() {
        let text = head + """
        Căn cứ Quyết định số 922/QĐ-BTTTT ngày 20 tháng 5 năm 2022 của Bộ Thông tin và Truyền thông;
        Thực hiện Quyết định sb 920/Qb-UBND ngay 19/02/2024 cia UBND Thành phố;
        Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
        theo Vin ban s6 11052/UBND-
        CNTT ngay 28/7/2021 cia UBND tinh; Chỉ thị số 14/CT-TTg của Thủ tướng;
        Kế hoạch 178/KH-UBND này; xem https://dti.gov.vn/a/b-c
        Nơi nhận:
        - Lưu: VT.
        CHỦ TỊCH

        Lê Văn Tám

        Căn cứ Quyết định số 999/QĐ-UBND ngày 01/01/2024;
        """
        let references = parser.parse(text: text).references
        #expect(references == [
            .init(number: "922/QĐ-BTTTT", date: "2022-05-20"),
            .init(number: "920/QĐ-UBND", date: "2024-02-19"),
            .init(number: "11052/UBND-CNTT", date: "2021-07-28"),
            .init(number: "14/CT-TTg", date: nil),
        ])
    }

    @Test func repeatedCitationKeptOnce() {
        let text = head + "Căn cứ Quyết định số 625/QĐ-UBND ngày 17/9/2024;\ntheo Quyết định số 625/QD-UBND.\n"
        #expect(parser.parse(text: text).references == [.init(number: "625/QĐ-UBND", date: "2024-09-17")])
    }
}
