import EvidenceModel
import Foundation
import EvidenceParsing
import EvidenceTesting
import Testing
@testable import EvidenceVerification

/// Issue 22, item 2: a hand-filled number or day confirmed by print elsewhere (the document's own
/// appendix, another document of the submission that cites it, the signing time), never accused
/// from it. Page texts are synthetic and go through the parser as extraction would give them.
@Suite struct CorroborationTests {
    let checker = ClaimChecker(framework: try! Fixture.thanhhoa())
    let parser = DocumentParser()

    /// A plan of Trà Bồng whose number's figures and day were filled in by hand (abstained on, as
    /// the parser does on a scan), followed by `appendix` pages.
    static func planText(month: String = "02", body: String = "", appendix: [String] = []) -> String {
        let first = """
            ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG    Độc lập - Tự do - Hạnh phúc
            Số:       /KH-UBND    Trà Bồng, ngày      tháng \(month) năm 2024
            KẾ HOẠCH
            Phát triển Chính quyền số, ứng dụng công nghệ thông tin năm 2024
            Căn cứ Quyết định số 100/QĐ-UBND ngày 10/01/2024 của UBND tỉnh Quảng Ngãi về chuyển đổi số;
            \(body)Ủy ban nhân dân huyện ban hành kế hoạch phát triển chính quyền số, ứng dụng công nghệ thông tin trong cơ quan nhà nước năm 2024 như sau: mục đích, yêu cầu, nhiệm vụ, giải pháp và tổ chức thực hiện.
            Nơi nhận:    TM. ỦY BAN NHÂN DÂN
            - Như trên;    CHỦ TỊCH
            - Lưu: VT.
            Lê Văn Bình
            """
        return ([first] + appendix).joined(separator: "\u{0C}")
    }

    static let appendix45 = """
        PHỤ LỤC
        DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2024
        (Kèm theo Kế hoạch số 45/KH-UBND ngày 15/02/2024 của UBND huyện Trà Bồng)
        1. Cung cấp dịch vụ công trực tuyến toàn trình.
        """

    /// A report of the same unit that cites the plan.
    static func reportText(citing citation: String) -> String {
        """
        ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG    Độc lập - Tự do - Hạnh phúc
        Số: 210/BC-UBND    Trà Bồng, ngày 20 tháng 12 năm 2024
        BÁO CÁO
        Kết quả thực hiện chuyển đổi số năm 2024
        Căn cứ \(citation) của UBND huyện Trà Bồng;
        Ủy ban nhân dân huyện báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số, chính quyền số năm 2024 như sau.
        Nơi nhận:    TM. ỦY BAN NHÂN DÂN
        - Như trên;    CHỦ TỊCH
        - Lưu: VT.
        Lê Văn Bình
        """
    }

    /// The facts of a synthetic file: its pages as a text layer and the parser's fields, the number's
    /// figures and the day marked hand-filled as the parser marks them on a scan.
    func facts(_ file: String, _ text: String, signatures: [PDFSignature] = [], handFilled: Bool = true) -> EvidenceFacts {
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).enumerated().map {
            PageText(page: $0.offset + 1, source: .text, text: String($0.element))
        }
        var fields = parser.parseDocuments(pages)
        if handFilled {
            fields.fieldStatus[.number] = .handwritten
            fields.fieldStatus[.date] = .handwritten
        }
        var digest = UInt64(0xcbf2_9ce4_8422_2325)
        for byte in (file + text).utf8 { digest = (digest ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let document = ExtractedDocument(file: file, sha256: String(digest, radix: 16), format: .pdf, pages: pages.count,
                                         perPage: pages, digitalSignatures: signatures)
        return EvidenceFacts(file: file, sha256: document.sha256, document: document, fields: fields)
    }

    static let declared = Submission.Evidence(file: "kh-45.pdf", number: "45/KH-UBND", date: "2024-02-15")

    func check(_ files: [EvidenceFacts], declared: Submission.Evidence = declared, reportClaim: Bool = true) -> ClaimResult {
        var claims = [Submission.Claim(indicator: "2.1.2", score: 1, evidence: [declared])]
        if reportClaim, files.count > 1 {
            claims.append(Submission.Claim(indicator: "2.1.2", score: 1, evidence: files.dropFirst().map { Submission.Evidence(file: $0.file) }))
        }
        let evidence = Dictionary(files.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        return checker.check(Fixture.submission(claims), evidence: evidence, others: []).claims[0]
    }

    static func signature(at time: String) -> PDFSignature {
        PDFSignature(field: "Signature1", signerName: "Ủy ban nhân dân huyện Trà Bồng", organization: "Tỉnh Quảng Ngãi",
                     signingTime: time, hashAlgorithm: "SHA-256", page: 1,
                     coversWholeDocument: true, modifiedAfterSigning: false, status: .valid, certificate: .issuerUnknown)
    }

    // MARK: The parser's part

    @Test func theAppendixHeaderIsReadAsWhatTheDocumentIsCalled() {
        let fields = parser.parse(text: Self.planText(appendix: [Self.appendix45]))
        #expect(fields.number == nil && fields.numberSymbol == "KH-UBND" && fields.datePartial == "2024-02")
        #expect(fields.attachedTo == [.init(number: "45/KH-UBND", date: "2024-02-15", page: 2)])
        // The body's own citations are other documents: references, never attachedTo.
        #expect(fields.references.map(\.number) == ["100/QĐ-UBND"])
        let plain = parser.parse(text: Self.planText(body: "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện.\n"))
        #expect(plain.attachedTo == [])
        let split = parser.parse(text: Self.planText(appendix: ["PHỤ LỤC\n(Ban hành kèm theo Kế hoạch\nsố 45/KH-UBND ngày 15 tháng 02 năm 2024)"]))
        #expect(split.attachedTo == [.init(number: "45/KH-UBND", date: "2024-02-15", page: 2)])
    }

    // MARK: Each source

    @Test func withoutPrintElsewhereTheFiguresAreForTheAppraiser() {
        let result = check([facts("kh-45.pdf", Self.planText())])
        #expect(Set(result.flags.map(\.reason)) == [.needsReview])
        #expect(Set(result.flags.compactMap(\.field)) == [.number, .date])
        #expect(result.corroborations == [])
    }

    @Test func theAppendixOfTheSameFileConfirmsNumberAndDate() {
        let result = check([facts("kh-45.pdf", Self.planText(appendix: [Self.appendix45]))])
        #expect(result.flags == [])
        #expect(result.corroborations.map(\.field) == [.number, .date])
        #expect(result.corroborations.allSatisfy { $0.source == .appendix && $0.sourceFile == "kh-45.pdf" && $0.page == 2 })
        #expect(result.corroborations.first?.detail.contains("45/KH-UBND") == true)
    }

    @Test func aCitingDocumentOfTheSubmissionConfirmsNumberAndDate() {
        let report = facts("bc-210.pdf", Self.reportText(citing: "Kế hoạch số 45/KH-UBND ngày 15/02/2024"), handFilled: false)
        let result = check([facts("kh-45.pdf", Self.planText()), report])
        #expect(result.flags == [])
        #expect(result.corroborations.map(\.field) == [.number, .date])
        #expect(result.corroborations.allSatisfy { $0.source == .citingDocument && $0.sourceFile == "bc-210.pdf" })
        // A citation without its date confirms the number only.
        let undated = facts("bc-210.pdf", Self.reportText(citing: "Kế hoạch số 45/KH-UBND"), handFilled: false)
        let numberOnly = check([facts("kh-45.pdf", Self.planText()), undated])
        #expect(numberOnly.corroborations.map(\.field) == [.number])
        #expect(numberOnly.flags.map(\.reason) == [.needsReview] && numberOnly.flags.first?.field == .date)
        // The province's plan of that number is another document.
        let province = facts("bc-210.pdf", Self.reportText(citing: "Kế hoạch số 45/KH-UBND ngày 15/02/2024 của UBND tỉnh Quảng Ngãi;"),
                             handFilled: false)
        let another = check([facts("kh-45.pdf", Self.planText()), province])
        #expect(Set(another.flags.compactMap(\.field)) == [.number, .date] && another.corroborations == [])
    }

    @Test func theSigningTimeBoundsTheDay() {
        // Signed on 10/02: a declared 15/02 is after it, whatever the appendix prints.
        let early = facts("kh-45.pdf", Self.planText(appendix: [Self.appendix45]), signatures: [Self.signature(at: "2024-02-10T09:30:00+07:00")])
        let result = check([early])
        #expect(Set(result.flags.map(\.reason)) == [.needsReview], "no date-after-signing from a declaration")
        #expect(!result.corroborations.contains { $0.field == .date })
        let date = result.flags.first { $0.field == .date }
        #expect(date?.message.contains("10/02/2024") == true)
        // Signed on 16/02: the appendix's 15/02 is before it and confirms.
        let later = facts("kh-45.pdf", Self.planText(appendix: [Self.appendix45]), signatures: [Self.signature(at: "2024-02-16T09:30:00+07:00")])
        #expect(check([later]).flags == [])
        // The printed month and a signature on its first day leave only that day.
        let first = facts("kh-45.pdf", Self.planText(month: "03"), signatures: [Self.signature(at: "2024-03-01T16:00:00+07:00")])
        let onFirst = check([first], declared: .init(file: "kh-45.pdf", date: "2024-03-01"))
        #expect(onFirst.flags == [])
        #expect(onFirst.corroborations.map(\.source) == [.signingTime])
        let after = check([first], declared: .init(file: "kh-45.pdf", date: "2024-03-05"))
        #expect(after.flags.map(\.reason) == [.needsReview] && after.flags.first?.field == .date)
        #expect(after.corroborations == [])
    }

    // MARK: Ambiguity and disagreement

    @Test func twoCitationsOfTheTypeAndSymbolConfirmNothing() {
        let report = facts("bc-210.pdf", Self.reportText(citing: "Kế hoạch số 46/KH-UBND ngày 20/02/2024"), handFilled: false)
        let result = check([facts("kh-45.pdf", Self.planText(appendix: [Self.appendix45])), report])
        #expect(Set(result.flags.map(\.reason)) == [.needsReview])
        #expect(Set(result.flags.compactMap(\.field)) == [.number, .date])
        #expect(result.corroborations == [])
        #expect(result.flags.allSatisfy { $0.message.contains("46/KH-UBND") && $0.message.contains("45/KH-UBND") })
        // Another symbol or type is another document: no ambiguity.
        let decision = facts("bc-210.pdf", Self.reportText(citing: "Quyết định số 46/QĐ-UBND ngày 20/02/2024"), handFilled: false)
        #expect(check([facts("kh-45.pdf", Self.planText(appendix: [Self.appendix45])), decision]).flags == [])
    }

    @Test func aCitationInAnotherMonthConfirmsNothing() {
        let appendix = Self.appendix45.replacingOccurrences(of: "15/02/2024", with: "15/03/2024")
        let result = check([facts("kh-45.pdf", Self.planText(appendix: [appendix]))],
                           declared: .init(file: "kh-45.pdf", number: "45/KH-UBND", date: "2024-02-15"))
        #expect(Set(result.flags.map(\.reason)) == [.needsReview])
        #expect(result.corroborations == [])
        #expect(result.flags.first { $0.field == .number }?.message.contains("15/03/2024") == true)
    }

    @Test func aDisagreeingCitationNeverAccuses() {
        let other = Self.appendix45.replacingOccurrences(of: "45/KH-UBND", with: "46/KH-UBND")
        let number = check([facts("kh-45.pdf", Self.planText(appendix: [other]))])
        #expect(Set(number.flags.map(\.reason)) == [.needsReview], "not number-mismatch")
        #expect(number.corroborations == [])
        #expect(number.flags.first { $0.field == .number }?.message.contains("46/KH-UBND") == true)
        let date = check([facts("kh-45.pdf", Self.planText(appendix: [Self.appendix45]))],
                         declared: .init(file: "kh-45.pdf", number: "45/KH-UBND", date: "2024-02-20"))
        #expect(Set(date.flags.map(\.reason)) == [.needsReview], "not date-mismatch")
        #expect(Set(date.flags.compactMap(\.field)) == [.number, .date], "the citation disagrees: it confirms nothing")
        #expect(date.corroborations == [])
    }

    @Test func aCitationNeedsTheDeclaredNumberToBeThisDocument() {
        // Only a date declared: nothing ties the cited number to the hand-filled one.
        let result = check([facts("kh-45.pdf", Self.planText(appendix: [Self.appendix45]))],
                           declared: .init(file: "kh-45.pdf", date: "2024-02-15"))
        #expect(result.flags.map(\.reason) == [.needsReview] && result.flags.first?.field == .date)
        #expect(result.corroborations == [])
    }

    @Test func corroborationsAreWrittenWithTheClaim() throws {
        let result = check([facts("kh-45.pdf", Self.planText(appendix: [Self.appendix45]))])
        let line = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        #expect(line.contains("\"corroborations\"") && line.contains("\"source\":\"appendix\""))
        let decoded = try JSONDecoder().decode(ClaimResult.self, from: Data(line.utf8))
        #expect(decoded == result)
        let old = #"{"index":0,"indicator":"2.1.2","score":1,"flags":[]}"#
        #expect(try JSONDecoder().decode(ClaimResult.self, from: Data(old.utf8)).corroborations == [])
    }
}
