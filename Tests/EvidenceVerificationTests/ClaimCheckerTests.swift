import EvidenceModel
import EvidenceTesting
import Foundation
import Testing
@testable import EvidenceVerification

@Suite struct ClaimCheckerTests {
    let checker: ClaimChecker
    init() throws { checker = ClaimChecker(framework: try Fixture.thanhhoa()) }

    func check(_ indicator: String, score: Double, evidence: [Submission.Evidence], documents: [VerificationFakeDocument],
               others: [KnownEvidence] = []) -> ClaimResult {
        let submission = Fixture.submission([Submission.Claim(indicator: indicator, score: score, evidence: evidence)])
        let result = checker.check(submission, evidence: Fixture.facts(documents), others: others)
        return result.claims[0]
    }

    func checkPlan(_ change: (inout VerificationFakeDocument) -> Void, declared: Submission.Evidence = Fixture.planEvidence,
                   indicator: String = "2.1.2") -> ClaimResult {
        check(indicator, score: 3, evidence: [declared], documents: [Fixture.plan.with(change)])
    }

    // MARK: Clean claims stay clean

    @Test func cleanAnnualPlanHasNoFlag() {
        let result = check("2.1.2", score: 3, evidence: [Fixture.planEvidence], documents: [Fixture.plan])
        #expect(result.flags == [])
        #expect(result.indicator == "2.1.2" && result.index == 0 && result.score == 3)
    }

    @Test func ocrDamageIsForgiven() {
        let result = checkPlan {
            $0.number = "45/Kh.UBND"
            $0.issuer = "UBND HUYỆN TRÀ BỒNG"
            $0.signerName = "LÊ VĂN BÌNH"
            $0.title = "Phat trién chinh quyén s6, img dung cong nghé thong tin nam 2024"
            $0.body = "Thuc hién chuong trinh chuyén ddi s6 qudc gia, UBND huyén ban hanh ké hoach."
            $0.source = .ocr; $0.ocrConfidence = 0.85
        }
        #expect(result.flags == [], "\(result.flags)")
    }

    @Test func issuerSpellingsOfTheSameBodyMatch() {
        #expect(Tolerant.sameBody("UBND HUYỆN TRÀ BỒNG", "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG"))
        #expect(Tolerant.sameBody("UỶ BAN NHÂN DÂN HUYỆN TRÀ BỒNG", "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG"))
        #expect(Tolerant.sameBody("ỦY BAN NHÂN DÂN\nHUYỆN  TRÀ BỒNG", "Ủy ban nhân dân huyện Trà Bồng"))
        #expect(!Tolerant.sameBody("UBND HUYỆN SƠN TỊNH", "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG"))
        #expect(!Tolerant.sameBody("UBND HUYỆN TRÀ BỒNG", "UBND XÃ TRÀ BỒNG"))
        #expect(!Tolerant.sameBody("VĂN PHÒNG HĐND VÀ UBND HUYỆN TRÀ BỒNG", "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG"))
    }

    @Test func numbersForgiveOCRButNotADifferentNumber() {
        #expect(Tolerant.sameNumber("45/KH-UBND", "Số: 45 /KH.UBND"))
        #expect(Tolerant.sameNumber("05/KH-UBND", "5/KH:UBND"))
        #expect(Tolerant.sameNumber("3716/QĐ-UBND", "3716/Qb-UBND"))
        #expect(Tolerant.sameNumber("3716/QĐ-UBND", "37l6/QD-UBND"))
        #expect(Tolerant.sameNumber("1O2/BC-UBND", "102/BC-UBND"))
        #expect(!Tolerant.sameNumber("45/KH-UBND", "46/KH-UBND"))
        #expect(!Tolerant.sameNumber("45/KH-UBND", "45/QĐ-UBND"))
        #expect(!Tolerant.sameNumber("45/KH-UBND", "145/KH-UBND"))
        #expect(Tolerant.typeFromNumber("45/2024/QĐ-UBND") == "QĐ")
        #expect(Tolerant.typeFromNumber("12/KH-UBND") == "KH")
    }

    @Test func namesMustBeTheSameWords() {
        #expect(Tolerant.sameName("Lê Văn Bình", "LÊ VĂN BÌNH"))
        #expect(Tolerant.sameName("Nguyễn Xuân Hải", "Nguyén Xuin Hai") == false)
        #expect(Tolerant.sameName("Lê  Văn Bình", "Le Van Binh"))
        #expect(!Tolerant.sameName("Lê Văn Thanh", "Lê Văn Thắng"))
        #expect(!Tolerant.sameName("Lê Văn Bình", "Lê Văn"))
    }

    @Test func topicWordsSurviveOCR() {
        let text = Tolerant.searchable("Trién khai Bo chi s0 danh gia chuyén ddi sb, Chinh quyén s6")
        #expect(Tolerant.mentions(text, "chuyển đổi số"))
        #expect(Tolerant.mentions(text, "chính quyền số"))
        #expect(!Tolerant.mentions(text, "thương mại điện tử"))
        #expect(!Tolerant.mentions(Tolerant.searchable("Kế hoạch xây dựng nông thôn mới"), "CNTT"))
        #expect(!Tolerant.mentions(Tolerant.searchable("phát triển kinh tế sản xuất nông nghiệp"), "kinh tế số"))
        #expect(Tolerant.mentions(Tolerant.searchable("phát triển kinh té s6 của huyện"), "kinh tế số"))
    }

    @Test func zeroScoreWithoutEvidenceIsClean() {
        #expect(check("2.1.2", score: 0, evidence: [], documents: []).flags == [])
    }

    @Test func standingPlanFromAnEarlierYearIsCleanWhereTheRuleAllowsIt() {
        let result = check("2.1.1", score: 3, evidence: [Submission.Evidence(file: "kh-giai-doan.pdf")], documents: [
            VerificationFakeDocument(file: "kh-giai-doan.pdf").with {
                $0.number = "12/KH-UBND"; $0.date = "2021-06-01"
                $0.title = "Chuyển đổi số huyện Trà Bồng giai đoạn 2021-2025"
            },
        ])
        #expect(result.flags == [])
    }

    @Test func reportIndicatorAcceptsAnyReadableFile() {
        let screenshot = VerificationFakeDocument(file: "ty-le.png").with { $0.source = .ocr; $0.ocrConfidence = 0.4 }
        let facts = EvidenceFacts(file: "ty-le.png", sha256: screenshot.sha256, document: screenshot.extracted, fields: nil)
        let submission = Fixture.submission([Submission.Claim(indicator: "2.4.1", score: 3, evidence: [Submission.Evidence(file: "ty-le.png")])])
        #expect(checker.check(submission, evidence: ["ty-le.png": facts], others: []).flagCount == 0)
    }

    @Test func meetingsAreCountedHeadAndDeputySeparately() {
        let files = [Fixture.minutes("bb1.pdf", number: 1), Fixture.minutes("bb2.pdf", number: 2),
                     Fixture.minutes("bb3.pdf", number: 3, deputy: true), Fixture.minutes("bb4.pdf", number: 4, deputy: true)]
        let evidence = files.map { Submission.Evidence(file: $0.file) }
        let result = check("1.2.2", score: 3, evidence: evidence, documents: files)
        #expect(result.flags == [], "\(result.flags)")
    }

    // MARK: Every reason, planted

    @Test func scoreAboveMax() {
        let result = check("2.1.2", score: 4, evidence: [Fixture.planEvidence], documents: [Fixture.plan])
        #expect(result.reasons == [.scoreAboveMax])
        #expect(result.flags[0].expected == "≤ 3" && result.flags[0].found == "4")
        #expect(result.flags[0].message.contains("vượt điểm tối đa"))
    }

    @Test func noEvidence() {
        let result = check("2.1.2", score: 3, evidence: [], documents: [])
        #expect(result.reasons == [.noEvidence])
        #expect(result.flags[0].file == nil)
    }

    @Test func fileMissing() {
        let result = check("2.1.2", score: 3, evidence: [Fixture.planEvidence], documents: [])
        #expect(result.reasons == [.fileMissing])
        #expect(result.flags[0].file == "kh-45.pdf")
        let notFound = EvidenceFacts(file: "kh-45.pdf", sha256: "", failure: ExtractionFailure(.notFound, "no such file"))
        let submission = Fixture.submission([Submission.Claim(indicator: "2.1.2", score: 3, evidence: [Fixture.planEvidence])])
        #expect(checker.check(submission, evidence: ["kh-45.pdf": notFound], others: []).claims[0].reasons == [.fileMissing])
    }

    @Test func unreadable() {
        let facts = EvidenceFacts(file: "kh-45.pdf", sha256: "abc", failure: ExtractionFailure(.corruptPDF, "xref table broken"))
        let submission = Fixture.submission([Submission.Claim(indicator: "2.1.2", score: 3, evidence: [Fixture.planEvidence])])
        let claim = checker.check(submission, evidence: ["kh-45.pdf": facts], others: []).claims[0]
        #expect(claim.reasons == [.unreadable])
        #expect(claim.flags[0].found == "corrupt-pdf")
        #expect(claim.flags[0].message.hasSuffix("xref table broken."))
        // A reason that is already a sentence keeps its one full stop.
        let damaged = EvidenceFacts(file: "kh-45.pdf", sha256: "abc", failure: ExtractionFailure(.corruptPDF, "PDF document is damaged."))
        let message = checker.check(submission, evidence: ["kh-45.pdf": damaged], others: []).claims[0].flags[0].message
        #expect(message.hasSuffix("damaged.") && !message.hasSuffix(".."))
    }

    @Test func numberMismatch() {
        let result = checkPlan { $0.number = "46/KH-UBND" }
        #expect(result.reasons == [.numberMismatch])
        #expect(result.flags[0].expected == "45/KH-UBND" && result.flags[0].found == "46/KH-UBND")
        #expect(result.flags[0].page == 1)
    }

    @Test func dateMismatch() {
        let result = checkPlan { $0.date = "2024-02-16" }
        #expect(result.reasons == [.dateMismatch])
        #expect(result.flags[0].expected == "15/02/2024" && result.flags[0].found == "16/02/2024")
    }

    @Test func outOfPeriod() {
        let early = check("2.1.2", score: 3, evidence: [Submission.Evidence(file: "kh-45.pdf")],
                          documents: [Fixture.plan.with { $0.date = "2023-12-20" }])
        #expect(early.reasons == [.outOfPeriod])
        #expect(early.flags[0].found == "20/12/2023")
        #expect(early.flags[0].expected == "Từ 01/01/2024 đến 31/12/2024")
        let late = check("2.1.1", score: 3, evidence: [Submission.Evidence(file: "kh.pdf")], documents: [
            VerificationFakeDocument(file: "kh.pdf").with { $0.date = "2025-01-05"; $0.title = "Chuyển đổi số giai đoạn 2025-2030" },
        ])
        #expect(late.reasons == [.outOfPeriod])
    }

    @Test func wrongType() {
        let result = check("2.3.1", score: 1, evidence: [Submission.Evidence(file: "kh-45.pdf")], documents: [
            Fixture.plan.with { $0.title = "Thành lập Tổ công tác chuyển đổi số huyện" },
        ])
        #expect(result.reasons == [.wrongType])
        #expect(result.flags[0].expected == "Quyết định (QĐ)")
        #expect(result.flags[0].found == "Kế hoạch (KH)")
        let decision = check("2.3.1", score: 1, evidence: [Submission.Evidence(file: "qd.pdf")], documents: [
            VerificationFakeDocument(file: "qd.pdf").with {
                $0.type = "QĐ"; $0.number = "120/QĐ-UBND"; $0.date = "2022-03-01"
                $0.title = "Thành lập Tổ công tác chuyển đổi số huyện Trà Bồng"
            },
        ])
        #expect(decision.flags == [])
    }

    @Test func wrongIssuer() {
        let result = checkPlan { $0.issuer = "ỦY BAN NHÂN DÂN HUYỆN SƠN TỊNH" }
        #expect(result.reasons == [.wrongIssuer])
        #expect(result.flags[0].found == "ỦY BAN NHÂN DÂN HUYỆN SƠN TỊNH")
        #expect(result.flags[0].expected == "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG")
    }

    @Test func signerMismatch() {
        let result = checkPlan { $0.signerName = "Nguyễn Văn An" }
        #expect(result.reasons == [.signerMismatch])
        #expect(result.flags[0].expected == "Lê Văn Bình" && result.flags[0].found == "Nguyễn Văn An")
    }

    @Test func unsigned() {
        let result = checkPlan({ $0.noSignatureBlock = true }, declared: Submission.Evidence(file: "kh-45.pdf"))
        #expect(result.reasons == [.unsigned])
        let stamped = checkPlan({ $0.noSignatureBlock = true; $0.digitalSignature = DigitalSignature(signedBy: "Lê Văn Bình") },
                                declared: Fixture.planEvidence)
        #expect(stamped.flags == [], "a digital signature is a signature")
    }

    @Test func draft() {
        let result = checkPlan { $0.draftMark = true }
        #expect(result.reasons == [.draft])
    }

    /// Trà Bồng's plan as issued by Sơn Tịnh: a copy of another unit's document.
    static var copiedPlan: VerificationFakeDocument {
        var plan = Fixture.plan
        plan.issuer = "ỦY BAN NHÂN DÂN HUYỆN SƠN TỊNH"
        return plan
    }

    @Test func duplicateEvidenceSameContent() {
        let copied = Self.copiedPlan
        let other = KnownEvidence(submission: "sontinh-2024", unitCode: "H-SONTINH", claimIndex: 2, indicator: "2.1.2", file: "ke-hoach.pdf",
                                  sha256: copied.sha256)
        let result = check("2.1.2", score: 3, evidence: [Fixture.planEvidence], documents: [copied], others: [other])
        #expect(result.reasons == [.duplicateEvidence], "the copy is the root: not also wrong-issuer")
        #expect(result.flags[0].found?.contains("H-SONTINH") == true)
        let sameUnit = KnownEvidence(submission: "trabong-2023", unitCode: "H-TRABONG", claimIndex: 0, indicator: "2.1.2", file: "x.pdf", sha256: Fixture.plan.sha256)
        #expect(check("2.1.2", score: 3, evidence: [Fixture.planEvidence], documents: [Fixture.plan], others: [sameUnit]).flags == [])
    }

    @Test func duplicateEvidenceSameDocument() {
        let other = KnownEvidence(submission: "sontinh-2024", unitCode: "H-SONTINH", claimIndex: 0, indicator: "2.1.2", file: "scan.jpg",
                                  sha256: "different", number: "45/KH.UBND", issuer: "UBND HUYỆN SƠN TỊNH")
        let result = check("2.1.2", score: 3, evidence: [Fixture.planEvidence], documents: [Self.copiedPlan], others: [other])
        #expect(result.reasons == [.duplicateEvidence])
    }

    /// 1.2.2 as the table states it: a meeting chaired by the Chủ tịch 2 points, by a Phó Chủ tịch 1.
    @Test func insufficientCount() {
        #expect(check("1.2.2.a", score: 2, evidence: [Submission.Evidence(file: "bb1.pdf")],
                      documents: [Fixture.minutes("bb1.pdf", number: 1)]).flags == [], "one chairman's minutes earn 2")
        let result = check("1.2.2", score: 3, evidence: [Submission.Evidence(file: "bb1.pdf")],
                           documents: [Fixture.minutes("bb1.pdf", number: 1)])
        #expect(result.reasons == [.insufficientCount])
        #expect(result.flags.first?.found == "1 văn bản hợp lệ (2 điểm)")
        // The same minutes attached twice count once.
        let twice = check("1.2.2", score: 3, evidence: [Submission.Evidence(file: "bb1.pdf"), Submission.Evidence(file: "bb1-copy.pdf")],
                          documents: [Fixture.minutes("bb1.pdf", number: 1), Fixture.minutes("bb1-copy.pdf", number: 1)])
        #expect(twice.reasons == [.insufficientCount])
        // Deputies' minutes earn the deputy's point only, however many.
        let deputies = [Fixture.minutes("bb3.pdf", number: 3, deputy: true), Fixture.minutes("bb4.pdf", number: 4, deputy: true)]
        let claim = check("1.2.2", score: 2, evidence: deputies.map { Submission.Evidence(file: $0.file) }, documents: deputies)
        #expect(claim.reasons == [.insufficientCount])
        let mixed = [Fixture.minutes("bb1.pdf", number: 1), Fixture.minutes("bb3.pdf", number: 3, deputy: true)]
        #expect(check("1.2.2", score: 3, evidence: mixed.map { Submission.Evidence(file: $0.file) }, documents: mixed).flags == [])
    }

    /// A count the table does not state (2.2.1: 'số lượng văn bản') is the operator's assumption:
    /// a shortfall asks an appraiser, it does not accuse.
    @Test func assumedCountOnlyAsks() {
        let decision = VerificationFakeDocument(file: "qd.pdf").with {
            $0.type = "QĐ"; $0.number = "12/QĐ-UBND"
            $0.title = "Ban hành Quy chế chuyển đổi số của huyện"
        }
        let result = check("2.2.1", score: 3, evidence: [Submission.Evidence(file: "qd.pdf")], documents: [decision])
        #expect(result.reasons == [.needsReview])
        #expect(result.flags.first?.field != nil && result.flags.first?.box != nil && result.flags.first?.page != nil)
    }

    @Test func signerNotHead() {
        let deputy = VerificationFakeDocument(file: "cv.pdf").with {
            $0.type = "CV"; $0.number = "310/UBND-VP"; $0.authority = "KT"; $0.signerTitle = "PHÓ CHỦ TỊCH"
            $0.title = "Đẩy mạnh chuyển đổi số trên địa bàn huyện"
        }
        let result = check("1.2.1", score: 3, evidence: [Submission.Evidence(file: "cv.pdf")], documents: [deputy])
        #expect(result.reasons == [.signerNotHead])
        #expect(result.flags[0].found?.hasPrefix("KT. PHÓ CHỦ TỊCH") == true)
        let head = deputy.with { $0.authority = nil; $0.signerTitle = "CHỦ TỊCH" }
        #expect(check("1.2.1", score: 3, evidence: [Submission.Evidence(file: "cv.pdf")], documents: [head]).flags == [])
        // Minutes chaired by a deputy, where the indicator pays no deputy rate.
        let chaired = check("1.2.2.a", score: 1, evidence: [Submission.Evidence(file: "bb.pdf")],
                            documents: [Fixture.minutes("bb.pdf", number: 5, deputy: true)])
        #expect(chaired.reasons.contains(.signerNotHead))
    }

    @Test func offTopic() {
        let result = checkPlan {
            $0.title = "Kế hoạch xây dựng nông thôn mới năm 2024"
            $0.body = "Ủy ban nhân dân huyện ban hành kế hoạch xây dựng nông thôn mới, làm đường giao thông, thủy lợi nội đồng và trường học trên địa bàn các xã trong năm 2024."
        }
        #expect(result.reasons == [.offTopic])
        #expect(result.flags[0].found == "“Kế hoạch xây dựng nông thôn mới năm 2024”")
    }

    // MARK: Unsure fields ask for review, never accuse

    @Test func lowConfidenceNumberAsksForReview() {
        let result = checkPlan { $0.number = "46/KH-UBND"; $0.fieldConfidence[.number] = 0.3 }
        #expect(result.reasons == [.needsReview])
        #expect(result.flags[0].message.contains("số, ký hiệu"))
    }

    @Test func anUnsureReadingThatAgreesAsksNothing() {
        #expect(checkPlan { $0.fieldConfidence[.signer] = 0.2; $0.fieldConfidence[.number] = 0.3 }.flags == [])
    }

    @Test func unreadFieldsAskForReview() {
        let result = checkPlan { $0.issuer = nil; $0.date = nil; $0.signerName = "Lê Văn Bảo"; $0.fieldConfidence[.signer] = 0.2 }
        // One question per field, each naming the field, its page and its box.
        #expect(Set(result.reasons) == [.needsReview])
        #expect(Set(result.flags.compactMap(\.field)) == [.issuer, .date, .signer])
        #expect(result.flags.allSatisfy { $0.page == 1 && $0.box != nil })
        #expect(result.flags.contains { $0.found?.contains("cơ quan ban hành") == true })
        #expect(result.flags.contains { $0.field == .date && $0.expected == "15/02/2024" }, "what was declared")
    }

    @Test func poorOCRCannotProveOffTopic() {
        let result = checkPlan {
            $0.title = "Ke hoach xay dung nong thon moi"
            $0.body = "Uy ban nhan dan huyen ban hanh ke hoach xay dung nong thon moi, lam duong giao thong va truong hoc tren dia ban."
            $0.source = .ocr; $0.ocrConfidence = 0.35
        }
        #expect(result.reasons == [.needsReview])
    }

    @Test func documentWithoutParsedFieldsAsksForReview() {
        let facts = EvidenceFacts(file: "kh-45.pdf", sha256: "x", document: Fixture.plan.extracted, fields: nil)
        let submission = Fixture.submission([Submission.Claim(indicator: "2.1.2", score: 3, evidence: [Fixture.planEvidence])])
        #expect(checker.check(submission, evidence: ["kh-45.pdf": facts], others: []).claims[0].reasons == [.needsReview])
    }

    @Test func resultCarriesSubmissionAndEveryClaimInOrder() {
        let submission = Fixture.submission([
            Submission.Claim(indicator: "2.1.2", score: 3, evidence: [Fixture.planEvidence]),
            Submission.Claim(indicator: "II.2.1.1", score: 2, evidence: []),
        ])
        let result = checker.check(submission, evidence: Fixture.facts([Fixture.plan]), others: [])
        #expect(result.submission == "trabong-huyen-2024" && result.unit == Fixture.unit)
        #expect(result.claims.map(\.index) == [0, 1])
        #expect(result.claims[1].reasons == [.noEvidence])
        #expect(result.flagCount == 1)
    }
}
