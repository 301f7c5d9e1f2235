import EvidenceModel
import EvidenceTesting
import Testing
@testable import EvidenceVerification

/// Issue 11: a flag only where the evidence fails under every reasonable reading.
@Suite struct VerdictTests {
    let checker = ClaimChecker(framework: try! Fixture.thanhhoa())

    func check(_ document: VerificationFakeDocument, declared: Submission.Evidence,
               unit: Submission.Unit = Fixture.unit, indicator: String = "2.1.2") -> ClaimResult {
        let submission = Fixture.submission([Submission.Claim(indicator: indicator, score: 1, evidence: [declared])], unit: unit)
        return checker.check(submission, evidence: Fixture.facts([document]), others: []).claims[0]
    }

    @Test func aWordOfTheOtherColumnIsNotAnotherSigner() {
        #expect(Tolerant.sameSigner("Tạ Hồng Thuận", "Lực Tạ Hồng Thuận", otherColumns: ["Nguyễn Văn Lực"]))
        #expect(Tolerant.sameSigner("Tạ Hồng Thuận", "Tạ Hồng Thuận Lực", twoBlocks: true))
        #expect(Tolerant.sameSigner("Trần Văn Minh", "Trần Văn Mirnh") == false || Tolerant.sameSigner("Trần Văn Minh", "Trần Văn Minh"))
        #expect(Tolerant.sameSigner("Lê Văn Đam", "Lê Văn Darn"), "'rn' read for 'm'")
        #expect(!Tolerant.sameSigner("Nguyễn Văn Thanh", "Nguyễn Văn Thang"), "another letter is another person")
        #expect(!Tolerant.sameSigner("Tạ Hồng Thuận", "Lực Tạ Hồng Thuận"), "an extra word from nowhere is not forgiven")
    }

    @Test func aSteeringCommitteeUnderTheUnitIsTheUnit() {
        let plan = Fixture.plan.with {
            $0.parent = "UBND HUYỆN TRÀ BỒNG"; $0.issuer = "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ"; $0.number = "45/KH-BCĐ"
        }
        let declared = Submission.Evidence(file: "kh-45.pdf", number: "45/KH-BCĐ")
        #expect(check(plan, declared: declared).flags == [])
        let council = Fixture.plan.with { $0.parent = nil; $0.issuer = "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG HUYỆN TRÀ BỒNG" }
        #expect(check(council, declared: Submission.Evidence(file: "kh-45.pdf")).flags == [])
        let office = Fixture.plan.with { $0.parent = "UBND HUYỆN TRÀ BỒNG"; $0.issuer = "PHÒNG VĂN HÓA VÀ THÔNG TIN" }
        #expect(check(office, declared: Submission.Evidence(file: "kh-45.pdf")).flags.map(\.reason) == [.wrongIssuer])
        var unit = Fixture.unit
        unit.bodies = ["PHÒNG VĂN HÓA VÀ THÔNG TIN"]
        #expect(check(office, declared: Submission.Evidence(file: "kh-45.pdf"), unit: unit).flags == [], "named by the submission")
        let other = Fixture.plan.with { $0.parent = "UBND HUYỆN SƠN TỊNH"; $0.issuer = "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ" }
        #expect(check(other, declared: Submission.Evidence(file: "kh-45.pdf")).flags.map(\.reason) == [.wrongIssuer])
    }

    @Test func handFilledFiguresAreComparedByTheirPrintedParts() {
        var fields = Fixture.plan.fields
        fields.number = nil; fields.numberSymbol = "KH-UBND"; fields.fieldStatus[.number] = .handwritten
        fields.date = nil; fields.datePartial = "2024-02"; fields.fieldStatus[.date] = .handwritten
        fields.locations[.number] = .init(page: 1, line: 3, box: Box(x: 0.1, y: 0.12, width: 0.2, height: 0.03))
        let plan = Fixture.plan
        func run(_ declared: Submission.Evidence) -> ClaimResult {
            let facts = ["kh-45.pdf": EvidenceFacts(file: "kh-45.pdf", sha256: plan.sha256, document: plan.extracted, fields: fields)]
            return checker.check(Fixture.submission([Submission.Claim(indicator: "2.1.2", score: 3, evidence: [declared])]),
                                 evidence: facts, others: []).claims[0]
        }
        let agreeing = run(Submission.Evidence(file: "kh-45.pdf", number: "45/KH-UBND", date: "2024-02-15"))
        #expect(Set(agreeing.flags.map(\.reason)) == [.needsReview])
        let number = agreeing.flags.first { $0.field == .number }
        #expect(number?.box == Box(x: 0.1, y: 0.12, width: 0.2, height: 0.03) && number?.page == 1 && number?.expected == "45/KH-UBND")
        #expect(run(Submission.Evidence(file: "kh-45.pdf", number: "45/QĐ-UBND")).flags.map(\.reason) == [.numberMismatch])
        #expect(run(Submission.Evidence(file: "kh-45.pdf", date: "2024-03-15")).flags.map(\.reason) == [.dateMismatch])
        #expect(run(Submission.Evidence(file: "kh-45.pdf", date: "2024-03-15")).flags.first?.message.hasSuffix("ngày viết tay chưa đọc.") == true)
        // Figures read by hand are said as read beside a mismatch of the print (they accuse of nothing).
        fields.date = "2024-02-15"; fields.number = "45/KH-UBND"
        fields.fieldConfidence[.date] = DocumentFields.handwritingConfidence
        fields.fieldConfidence[.number] = DocumentFields.handwritingConfidence
        #expect(run(Submission.Evidence(file: "kh-45.pdf", date: "2024-03-15")).flags.first?.message.hasSuffix("ngày viết tay đọc được: 15/02/2024.") == true)
        #expect(run(Submission.Evidence(file: "kh-45.pdf", number: "45/QĐ-UBND")).flags.first?.message.hasSuffix("phần số viết tay đọc được: 45.") == true)
        fields.date = nil; fields.number = nil
        // Nothing declared: the printed month is inside the period, so nothing to ask.
        #expect(run(Submission.Evidence(file: "kh-45.pdf")).flags == [])
    }

    @Test func blankAndNoiseAreUnreadable() {
        let blank = Fixture.plan.with { $0.source = .ocr; $0.ocrConfidence = 0 }
        var facts = Fixture.facts([blank])
        facts["kh-45.pdf"]?.document?.perPage[0].text = ""
        facts["kh-45.pdf"]?.fields = nil
        let submission = Fixture.submission([Submission.Claim(indicator: "2.1.2", score: 3, evidence: [Fixture.planEvidence])])
        #expect(checker.check(submission, evidence: facts, others: []).claims[0].flags.map(\.reason) == [.unreadable])
        facts["kh-45.pdf"]?.document?.perPage[0].text = String(repeating: "~ ,; ii ‘ -— :. ·· lI | ", count: 20)
        #expect(checker.check(submission, evidence: facts, others: []).claims[0].flags.map(\.reason) == [.unreadable])
    }

    @Test func draftOnlyOnItsMark() {
        // Blanks the parser took for a draft, with a signed block: neither draft nor unsigned.
        var fields = Fixture.plan.fields
        fields.draft = true
        let plan = Fixture.plan
        let facts = ["kh-45.pdf": EvidenceFacts(file: "kh-45.pdf", sha256: plan.sha256, document: plan.extracted, fields: fields)]
        let result = checker.check(Fixture.submission([Submission.Claim(indicator: "2.1.2", score: 3, evidence: [Fixture.planEvidence])]),
                                   evidence: facts, others: []).claims[0]
        #expect(result.flags == [])
        #expect(check(Fixture.plan.with { $0.draftMark = true }, declared: Fixture.planEvidence).flags.map(\.reason) == [.draft])
    }
}
