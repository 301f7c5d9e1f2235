import Testing
import EvidenceModel
@testable import EvidenceParsing

/// The document's own signature block, its authority, and the chair of minutes.
@Suite struct SignerTests {
    let parser = DocumentParser()
    let head = "ỦY BAN NHÂN DÂN\nHUYỆN TRÀ BỒNG\nSố: 178/KH-UBND\nTrà Bồng, ngày 27 tháng 10 năm 2024\nKẾ HOẠCH\nChuyển đổi số\n\nNội dung kế hoạch.\n"

    @Test func onBehalfOfTheChairman() {
        let text = head + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n(Đã ký)\n\nHà Minh Hải"
        let signer = parser.parse(text: text).signer
        #expect(signer == .init(name: "Hà Minh Hải", title: "PHÓ CHỦ TỊCH", authority: "KT"))
    }

    @Test(arguments: [
        ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "CHỦ TỊCH", "TM"),
        ("TL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG", "CHÁNH VĂN PHÒNG", "TL"),
        ("TUQ. CHỦ TỊCH\nGIÁM ĐỐC SỞ NỘI VỤ", "GIÁM ĐỐC", "TUQ"),
        ("Q. GIÁM ĐỐC", "GIÁM ĐỐC", "Q"),
        ("GIÁM ĐỐC", "GIÁM ĐỐC", nil),
    ] as [(String, String, String?)])
    func authorities(block: String, title: String, authority: String?) {
        let text = head + "Nơi nhận:\n- Lưu: VT.\n" + block + "\n\nNguyễn Văn An"
        let signer = parser.parse(text: text).signer
        #expect(signer?.title == title)
        #expect(signer?.authority == authority)
        #expect(signer?.name == "Nguyễn Văn An")
    }

    @Test func mergedWithRecipients() {
        let text = head + """
        Noi nhin: TM. UY BAN NHAN DAN
        - Thuong tryc Thanh uy; ’ KT. CHU TICH
        - Chu tich UBND Thanh pho; . >
        - Thuong tryc HDND Thanh phd; PHO CHU TICH
        - Cac PCT UBND Thanh phd;
        -Luu: VT, KGVX Dg.
        /g Ha Minh Hai
        """
        let fields = parser.parse(text: text)
        #expect(fields.signer?.authority == "KT")
        #expect(fields.signer?.title == "PHÓ CHỦ TỊCH")
        #expect(fields.signer?.name?.folded == "HA MINH HAI")
        #expect((fields.fieldConfidence[.signer] ?? 1) <= 0.6)
        #expect(fields.locations[.signer]?.line == 15)
    }

    @Test func signatureBlockNotOnLastPage() {
        let text = head + "Nơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\n\nTrần Văn Bình\u{0C}DỰ THẢO\nQUYẾT ĐỊNH\nNơi nhận:\n- Lưu.\nGIÁM ĐỐC\n\nLê Thị Cúc\u{0C}\n\n"
        let fields = parser.parse(text: text)
        #expect(fields.signer?.name == "Trần Văn Bình")
        #expect(fields.draft == false)
        #expect(fields.locations[.signer]?.page == 1)
    }

    @Test func deliveryReceiptAfterTheDocument() {
        let text = head + "Nơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nĐỗ Xuân Thắng\u{0C}PHIẾU GỬI\nNgười nhận ký tên\n\nNgày ... tháng ... năm ..."
        let fields = parser.parse(text: text)
        #expect(fields.signer == .init(name: "Đỗ Xuân Thắng", title: "PHÓ CHỦ TỊCH", authority: "KT"))
    }

    @Test func minutesGiveTheChair() {
        let text = "ỦY BAN NHÂN DÂN\nXÃ A\nSố: 05/BB-UBND\nA, ngày 3 tháng 4 năm 2024\nBIÊN BẢN\nHọp tổ công tác\n\nCuộc họp kết thúc lúc 11 giờ.\n\nTHƯ KÝ CHỦ TRÌ\n\nNguyễn Thị Lan Trần Văn Hùng"
        let signer = parser.parse(text: text).signer
        #expect(signer?.name == "Trần Văn Hùng")
        #expect(signer?.title == "CHỦ TRÌ")
        #expect(signer?.authority == nil)
    }

    @Test func minutesChairOnTheLeft() {
        let text = "ỦY BAN NHÂN DÂN\nXÃ A\nSố: 05/BB-UBND\nA, ngày 3 tháng 4 năm 2024\nBIÊN BẢN\nHọp tổ công tác\n\nCHỦ TỌA THƯ KÝ\n\nPhạm Quốc Dũng Lê Thị Hoa"
        #expect(parser.parse(text: text).signer?.name == "Phạm Quốc Dũng")
    }

    @Test func namesWithoutMarksAreRestoredWhereUnambiguous() {
        let text = "UY BAN NHAN DAN\nHUYEN THO XUAN\nS6: 179 /KH-UBND\nTho Xudn, ngay 02 thang 11 nam 2021\nKE HOACH\nTrien khai\n\nNoi nhgn: KT.CHU TICH\nSO TT&TT, PHO CHU TICH\n- Luu VT.\n\nNguyén Xuin Hai"
        let signer = parser.parse(text: text).signer
        #expect(signer?.name == "Nguyễn Xuân Hai")
        #expect(signer?.authority == "KT")
        #expect(signer?.title == "PHÓ CHỦ TỊCH")
    }

    @Test func noSignatureBlockMeansUnsignedDraftWithLowConfidence() {
        let fields = parser.parse(text: head + "Nơi nhận:\n- Như trên;\n- Lưu: VT.")
        #expect(fields.signer == nil)
        #expect(fields.draft == true)
        #expect((fields.fieldConfidence[.draft] ?? 1) < 0.5)
    }

    @Test func draftMarkerAtTheTop() {
        let fields = parser.parse(text: "DỰ THẢO\n" + head + "Nơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\n\nTrần Văn Bình")
        #expect(fields.draft == true)
        #expect(fields.issuer == "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG")
        #expect(fields.fieldConfidence[.draft] == 0.95)
    }

    @Test func bodyMentionOfTheChairmanIsNoSignature() {
        let text = head + "Chủ tịch UBND các xã chịu trách nhiệm trước Chủ tịch UBND huyện.\n\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nVõ Thanh Tùng"
        #expect(parser.parse(text: text).signer?.name == "Võ Thanh Tùng")
    }
}

@Suite struct SignerInferenceTests {
    @Test func deputyTitleWhenOnlyThePrincipalIsReadable() {
        let text = "ỦY BAN NHÂN DÂN\nHUYỆN A\nSố: 1/KH-UBND\nA, ngày 2 tháng 1 năm 2024\nKẾ HOẠCH\nChuyển đổi số\n\nNơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\n~~ ## ~~\n\nNguyễn Văn An"
        let fields = DocumentParser().parse(text: text)
        #expect(fields.signer == .init(name: "Nguyễn Văn An", title: "PHÓ CHỦ TỊCH", authority: "KT"))
        #expect((fields.fieldConfidence[.signer] ?? 1) <= 0.5)
    }

    @Test func poorOCRPageCapsConfidence() {
        let page = PageText(page: 1, source: .ocr, confidence: 0.55,
                            text: "ỦY BAN NHÂN DÂN\nHUYỆN A\nSố: 178/KH-UBND\nA, ngày 2 tháng 1 năm 2024\nKẾ HOẠCH")
        let fields = DocumentParser().parse([page])
        #expect(fields.number == "178/KH-UBND")
        #expect(fields.fieldConfidence[.number] == 0.55)
    }
}
