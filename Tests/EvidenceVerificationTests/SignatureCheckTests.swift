import EvidenceModel
import EvidenceTesting
import Foundation
import Testing
@testable import EvidenceVerification

/// What the PDF's digital signatures let the checker say.
@Suite struct SignatureCheckTests {
    let checker: ClaimChecker
    init() throws { checker = ClaimChecker(framework: try Fixture.thanhhoa()) }

    /// The plan of Trà Bồng signed by its own body's certificate, two days after its printed date.
    static let ownSignature = PDFSignature(
        field: "Signature1", signerName: "Ủy ban nhân dân huyện Trà Bồng", organization: "Tỉnh Quảng Ngãi",
        signingTime: "2024-02-17T09:30:00+07:00", hashAlgorithm: "SHA-256", page: 2,
        coversWholeDocument: true, modifiedAfterSigning: false, status: .valid, certificate: .issuerUnknown)

    func check(_ signatures: [PDFSignature], rule: ((inout EvidenceRule) -> Void)? = nil,
               change: (inout VerificationFakeDocument) -> Void = { _ in }) throws -> ClaimResult {
        var framework = try Fixture.thanhhoa()
        if let rule { framework = framework.changingRule(of: "2.1.2", rule) }
        let document = Fixture.plan.with { $0.digitalSignatures = signatures; change(&$0) }
        let submission = Fixture.submission([Submission.Claim(indicator: "2.1.2", score: 3, evidence: [Fixture.planEvidence])])
        return ClaimChecker(framework: framework).check(submission, evidence: Fixture.facts([document]), others: []).claims[0]
    }

    @Test func ownBodysIntactSignatureRaisesNothing() throws {
        #expect(try check([Self.ownSignature]).flags == [])
    }

    @Test func digestMismatchIsAlwaysFlagged() throws {
        var altered = Self.ownSignature
        altered.status = .digestMismatch
        let result = try check([altered])
        let flag = try #require(result.flags.first { $0.reason == .signatureInvalid })
        #expect(flag.message.contains("Ủy ban nhân dân huyện Trà Bồng"))
        #expect(flag.page == 2)
        // Also on a report rule, where unread fields are never flagged.
        let report = try check([altered], rule: { $0.kind = .report })
        #expect(report.reasons.contains(.signatureInvalid))
    }

    @Test func anUncheckableSignatureAsksForReviewNotForgery() throws {
        var broken = Self.ownSignature
        broken.status = .decodingError
        let result = try check([broken])
        #expect(result.reasons == [.needsReview])
        #expect(result.flags.first?.message.contains("chữ ký số") == true)
    }

    @Test func contentChangedAfterSigningIsFlaggedButAnotherSignatureIsNot() throws {
        var first = Self.ownSignature
        first.coversWholeDocument = false
        var gazette = Self.ownSignature
        gazette.field = "Signature2"; gazette.signerName = "Trung tâm Công báo và Tin học"
        gazette.organization = "Ủy ban nhân dân tỉnh Quảng Ngãi"
        #expect(try check([first, gazette]).flags == [])
        first.modifiedAfterSigning = true
        #expect(try check([first, gazette]).reasons == [.modifiedAfterSigning])
        // Unknown (compressed revisions): no accusation.
        first.modifiedAfterSigning = nil
        #expect(try check([first, gazette]).flags == [])
    }

    @Test func anotherBodysCertificateIsWrongIssuer() throws {
        var other = Self.ownSignature
        other.signerName = "Ủy ban nhân dân huyện Sơn Tịnh"
        let result = try check([other])
        let flag = try #require(result.flags.first)
        #expect(result.reasons == [.wrongIssuer])
        #expect(flag.found?.contains("Ủy ban nhân dân huyện Sơn Tịnh") == true)
        #expect(flag.expected == "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG")
    }

    @Test func personalCertificateOfTheBodyOrUnknownPersonCorroboratesOrAbstains() throws {
        var person = Self.ownSignature
        person.signerName = "Lê Văn Bình"; person.organization = "Ủy ban nhân dân huyện Trà Bồng"
        #expect(try check([person]).flags == [])
        // A person's certificate with only a province: says nothing about the body.
        person.organization = "Tỉnh Quảng Ngãi"
        #expect(try check([person]).flags == [])
    }

    @Test func gazetteSignatureAloneNeitherCorroboratesNorAccuses() throws {
        // As on a real Chỉ thị of UBND tỉnh Quảng Ngãi published by the Công báo centre.
        let gazette = PDFSignature(field: "Signature1", signerName: "Trung tâm Công báo và Tin học", organization: "Tỉnh Quảng Ngãi",
                                   organizationalUnit: "Văn phòng Ủy ban Nhân dân", signingTime: "2024-02-16T14:21:14+07:00",
                                   coversWholeDocument: true, modifiedAfterSigning: false, status: .valid, certificate: .expired)
        #expect(try check([gazette]).flags == [])
        var other = Self.ownSignature
        other.signerName = "Ủy ban nhân dân huyện Sơn Tịnh"
        #expect(try check([other, gazette]).reasons == [.wrongIssuer])
    }

    @Test func printedDateAfterTheFirstSigningIsFlagged() throws {
        var early = Self.ownSignature
        early.signingTime = "2024-02-14T16:00:00+07:00"
        let result = try check([early])
        #expect(result.reasons == [.dateAfterSigning])
        #expect(result.flags.first?.found == "15/02/2024")
        // Signed the same day, or the UTC instant that is already the 15th somewhere: fine.
        early.signingTime = "2024-02-15T08:00:00+07:00"
        #expect(try check([early]).flags == [])
        early.signingTime = "2024-02-14T20:00:00Z"
        #expect(try check([early]).flags == [])
    }

    @Test func signedRequiredFlagsAFileWithoutSignature() throws {
        let result = try check([], rule: { $0.signed = .required })
        #expect(result.reasons == [.notDigitallySigned])
        #expect(try check([Self.ownSignature], rule: { $0.signed = .required }).flags == [])
        // Without the rule, a printed signature block is enough.
        #expect(try check([]).flags == [])
    }
}

extension Framework {
    /// A copy with one indicator's evidence rule changed.
    func changingRule(of code: String, _ change: (inout EvidenceRule) -> Void) -> Framework {
        func walk(_ nodes: [Indicator]) -> [Indicator] {
            nodes.map { node in
                var node = node
                if node.code == code || node.fullCode == code {
                    var rule = node.evidence ?? EvidenceRule()
                    change(&rule)
                    node.evidence = rule
                }
                node.children = walk(node.children)
                return node
            }
        }
        var copy = self
        copy.sections = sections.map { section in
            var section = section
            section.indicators = walk(section.indicators)
            return section
        }
        return copy
    }
}
