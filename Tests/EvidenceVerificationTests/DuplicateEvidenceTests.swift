import EvidenceModel
import EvidenceTesting
import Testing
@testable import EvidenceVerification

@Suite struct DuplicateEvidenceTests {
    @Test func bothSidesOfABatchAreFound() throws {
        let trabong = Fixture.submission([Submission.Claim(indicator: "2.1.2", score: 3, evidence: [Fixture.planEvidence])])
        let sontinhUnit = Submission.Unit(code: "H-SONTINH", name: "ỦY BAN NHÂN DÂN HUYỆN SƠN TỊNH", level: .district)
        let sontinh = Fixture.submission([
            Submission.Claim(indicator: "1.3.1", score: 5, evidence: [Submission.Evidence(file: "other.pdf")]),
            Submission.Claim(indicator: "2.1.2", score: 3, evidence: [Submission.Evidence(file: "copy.pdf")]),
        ], unit: sontinhUnit, id: "sontinh-2024")
        let copy = Fixture.plan.with { _ in }
        let other = Fixture.plan.with { $0.number = "77/KH-UBND"; $0.issuer = "ỦY BAN NHÂN DÂN HUYỆN SƠN TỊNH" }
        var known = DuplicateEvidence.knownEvidence(of: trabong, evidence: Fixture.facts([Fixture.plan]))
        known += DuplicateEvidence.knownEvidence(of: sontinh, evidence: [
            "copy.pdf": EvidenceFacts(file: "copy.pdf", sha256: copy.sha256, document: copy.extracted, fields: copy.fields),
            "other.pdf": EvidenceFacts(file: "other.pdf", sha256: other.sha256, document: other.extracted, fields: other.fields),
        ])
        #expect(known.count == 3)
        let findings = DuplicateEvidence.findings(among: known)
        let flagged = Set(findings.map { "\($0.evidence.submission)#\($0.evidence.claimIndex)" })
        #expect(flagged == ["trabong-huyen-2024#0", "sontinh-2024#1"])
        #expect(findings.allSatisfy { $0.flag.reason == .duplicateEvidence })
        // The checker gives the same flag for the same pair.
        let checked = ClaimChecker(framework: try Fixture.thanhhoa())
            .check(trabong, evidence: Fixture.facts([Fixture.plan]), others: known.filter { $0.unitCode != "H-TRABONG" })
        #expect(checked.claims[0].flags == findings.filter { $0.evidence.unitCode == "H-TRABONG" }.map(\.flag))
    }

    @Test func theConflictChosenIsStable() {
        let mine = KnownEvidence(submission: "a", unitCode: "A", claimIndex: 0, indicator: "2.1.2", file: "f", sha256: "s")
        let x = KnownEvidence(submission: "z", unitCode: "Z", claimIndex: 0, indicator: "2.1.2", file: "f", sha256: "s")
        let y = KnownEvidence(submission: "b", unitCode: "B", claimIndex: 3, indicator: "2.1.2", file: "f", sha256: "s")
        #expect(DuplicateEvidence.firstConflict(of: mine, among: [x, y]) == y)
        #expect(DuplicateEvidence.firstConflict(of: mine, among: [y, x]) == y)
    }

    @Test func unreadNumbersDoNotMakeDuplicates() {
        let a = KnownEvidence(submission: "a", unitCode: "A", claimIndex: 0, indicator: "2.1.2", file: "f", sha256: "1", number: "45/KH-UBND", issuer: nil)
        let b = KnownEvidence(submission: "b", unitCode: "B", claimIndex: 0, indicator: "2.1.2", file: "g", sha256: "2", number: "45/KH-UBND", issuer: nil)
        #expect(DuplicateEvidence.findings(among: [a, b]).isEmpty)
    }
}
