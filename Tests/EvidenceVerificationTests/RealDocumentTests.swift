import EvidenceModel
import Foundation
import Testing
@testable import EvidenceVerification

/// The checker on a real plan as a poor OCR pass left it (../shared/seeds: Hà Nội 95/KH-UBND, 2024),
/// with the fields its ground truth gives.
@Suite struct RealDocumentTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hanoi-dti-plan-2024.ocr.txt")

    let checker: ClaimChecker
    let submission: (String, [Submission.Evidence]) -> Submission
    let facts: [String: EvidenceFacts]

    init() throws {
        checker = ClaimChecker(framework: try Fixture.thanhhoa())
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        let document = ExtractedDocument(file: "kh-95.pdf", sha256: "95", format: .pdf, pages: 1,
                                         perPage: [PageText(page: 1, source: .ocr, confidence: 0.78, text: text)])
        let fields = DocumentFields(type: "KH", number: "95/KH-UBND", issuer: "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
                                    place: "Hà Nội", date: "2024-03-29",
                                    title: "Triển khai xác định chỉ số chuyển đổi số của các cơ quan nhà nước thành phố Hà Nội năm 2024",
                                    signer: DocumentFields.Signer(name: "Hà Minh Hải", title: "PHÓ CHỦ TỊCH", authority: "KT"),
                                    locations: [.signer: .init(page: 1, line: 120)])
        facts = ["kh-95.pdf": EvidenceFacts(file: "kh-95.pdf", sha256: "95", document: document, fields: fields)]
        let unit = Submission.Unit(code: "HANOI", name: "UBND THÀNH PHỐ HÀ NỘI", level: .district)
        submission = { indicator, evidence in
            Fixture.submission([Submission.Claim(indicator: indicator, score: 3, evidence: evidence)], unit: unit, id: "hanoi-2024")
        }
    }

    @Test func thePlanSupportsAnAnnualPlanClaim() {
        let evidence = [Submission.Evidence(file: "kh-95.pdf", number: "95/KH-UBND", date: "2024-03-29", signer: "Hà Minh Hải")]
        let result = checker.check(submission("2.1.2", evidence), evidence: facts, others: [])
        #expect(result.claims[0].flags == [], "\(result.claims[0].flags)")
    }

    @Test func aDeputysSignatureDoesNotShowTheHeadsInterest() {
        let result = checker.check(submission("1.2.1", [Submission.Evidence(file: "kh-95.pdf")]), evidence: facts, others: [])
        #expect(result.claims[0].reasons == [.signerNotHead])
        #expect(result.claims[0].flags[0].page == 1)
    }

    @Test func thePlanIsNotADecisionNorFromAnotherCity() {
        let wrongType = checker.check(submission("2.3.1", [Submission.Evidence(file: "kh-95.pdf")]), evidence: facts, others: [])
        #expect(wrongType.claims[0].reasons == [.scoreAboveMax, .wrongType])
        let declaredOther = [Submission.Evidence(file: "kh-95.pdf", number: "96/KH-UBND", date: "2024-03-28", signer: "Trần Sỹ Thanh")]
        let mismatches = checker.check(submission("2.1.2", declaredOther), evidence: facts, others: [])
        #expect(mismatches.claims[0].reasons == [.numberMismatch, .dateMismatch, .signerMismatch])
    }
}
