import EvidenceModel
import EvidenceTesting
import Testing
@testable import EvidenceVerification

/// Evidence files that hold several documents: an item is checked against the document it names,
/// and a bundle given for a counted indicator counts each document once.
@Suite struct BundleTests {
    let checker = ClaimChecker(framework: try! Fixture.thanhhoa())

    func check(_ indicator: String, score: Double, evidence: [Submission.Evidence], bundle: VerificationFakeBundle) -> ClaimResult {
        let facts = EvidenceFacts(file: bundle.file, sha256: bundle.extracted.sha256, document: bundle.extracted, fields: bundle.fields)
        let submission = Fixture.submission([Submission.Claim(indicator: indicator, score: score, evidence: evidence)])
        return checker.check(submission, evidence: [bundle.file: facts], others: []).claims[0]
    }

    static let decision = VerificationFakeDocument(file: "x").with {
        $0.type = "QĐ"; $0.number = "12/QĐ-UBND"; $0.date = "2024-02-10"; $0.title = "Ban hành Kế hoạch chuyển đổi số năm 2024"
    }

    @Test func theDeclaredDocumentOfABundleIsChecked() {
        // A decision with the plan it approves: the plan is declared.
        let bundle = VerificationFakeBundle(file: "qd-kh.pdf", documents: [Self.decision, Fixture.plan])
        var declared = Fixture.planEvidence
        declared.file = "qd-kh.pdf"
        let result = check("2.1.2", score: 3, evidence: [declared], bundle: bundle)
        #expect(result.flags == [], "\(result.flags)")
        // Declared by a number no document of the bundle has: a mismatch against the first.
        declared.number = "99/KH-UBND"
        #expect(check("2.1.2", score: 3, evidence: [declared], bundle: bundle).reasons.contains(.numberMismatch))
    }

    @Test func aBundleOfMinutesCountsEachMeeting() {
        // 1.2.2 as the table states it: a meeting the Chủ tịch chaired earns 2, one a Phó Chủ tịch chaired 1.
        let chaired = Fixture.minutes("bb1.pdf", number: 1), deputy = Fixture.minutes("bb2.pdf", number: 2, deputy: true)
        let both = VerificationFakeBundle(file: "bien-ban.pdf", documents: [chaired, deputy])
        let result = check("1.2.2", score: 3, evidence: [Submission.Evidence(file: "bien-ban.pdf")], bundle: both)
        #expect(result.flags == [], "two meetings in one file: \(result.flags)")
        let one = VerificationFakeBundle(file: "bien-ban.pdf", documents: [chaired, Self.decision])
        #expect(check("1.2.2", score: 3, evidence: [Submission.Evidence(file: "bien-ban.pdf")], bundle: one)
            .reasons.contains(.insufficientCount))
    }

    @Test func withNothingDeclaredTheDocumentOfAnAcceptedTypeIsChecked() {
        let bundle = VerificationFakeBundle(file: "qd-kh.pdf", documents: [Self.decision, Fixture.plan])
        let result = check("2.1.2", score: 3, evidence: [Submission.Evidence(file: "qd-kh.pdf")], bundle: bundle)
        #expect(!result.reasons.contains(.wrongType), "\(result.flags)")
    }
}
