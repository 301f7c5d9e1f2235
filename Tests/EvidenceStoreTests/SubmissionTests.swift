import EvidenceModel
import Foundation
import EvidenceStoreTesting
import Testing
@testable import EvidenceStore

@Suite struct SubmissionTests {
    @Test(arguments: StoreBackend.allCases) func newUnchangedAndChanged(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let submission = Sample.submission()
        let files = Sample.files()
        #expect(try store.recordSubmission(submission, manifestSHA256: sha("m1"), files: files) == .new)
        #expect(try store.recordSubmission(submission, manifestSHA256: sha("m1"), files: files) == .unchanged)

        let stored = try #require(try store.submission(id: submission.submission))
        #expect(stored.submission == submission)
        #expect(stored.files == files)
        #expect(stored.revision == 1)
        #expect(stored.state == .queued)

        // A new manifest…
        var edited = submission
        edited.claims[0].score = 2
        #expect(try store.recordSubmission(edited, manifestSHA256: sha("m2"), files: files) == .changed)
        // …or the same manifest with a file's content replaced.
        var replaced = files
        replaced["qd-12.pdf"] = sha("qd-12 v2")
        #expect(try store.recordSubmission(edited, manifestSHA256: sha("m2"), files: replaced) == .changed)
        let latest = try #require(try store.submission(id: submission.submission))
        #expect(latest.revision == 3)
        #expect(latest.submission.claims[0].score == 2)
        #expect(latest.files["qd-12.pdf"] == sha("qd-12 v2"))
    }

    @Test(arguments: StoreBackend.allCases) func recordingQueuesTheFilesAsDocuments(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.recordSubmission(Sample.submission(), manifestSHA256: sha("m1"), files: Sample.files())
        #expect(Set(try store.pendingDocuments()) == Set(Sample.files().values))
        #expect(try store.pendingSubmissions() == ["trabong-huyen-2024"])
    }

    @Test(arguments: StoreBackend.allCases) func changeRewritesClaimsAndFilesOfTheLatestRevision(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.recordSubmission(Sample.submission(files: ["a.pdf", "b.pdf", "c.pdf"]),
                                       manifestSHA256: sha("m1"), files: Sample.files(["a.pdf", "b.pdf", "c.pdf"]))
        var smaller = Sample.submission(files: ["a.pdf"])
        smaller.claims.removeLast()
        _ = try store.recordSubmission(smaller, manifestSHA256: sha("m2"), files: Sample.files(["a.pdf"]))
        let (claims, evidence, files) = try store.database.read { db in
            (try db.count("SELECT COUNT(*) FROM claims"), try db.count("SELECT COUNT(*) FROM claim_evidence"),
             try db.count("SELECT COUNT(*) FROM submission_files"))
        }
        #expect(claims == 1)
        #expect(evidence == 1)
        #expect(files == 1)
    }

    @Test(arguments: StoreBackend.allCases) func stateChangesAndUnknownSubmission(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.recordSubmission(Sample.submission(), manifestSHA256: sha("m1"), files: Sample.files())
        try store.setSubmissionState(id: "trabong-huyen-2024", .failed, reason: "khung chỉ số không tồn tại")
        let failed = try #require(try store.submission(id: "trabong-huyen-2024"))
        #expect(failed.state == .failed)
        #expect(failed.failureReason == "khung chỉ số không tồn tại")
        try store.setSubmissionState(id: "trabong-huyen-2024", .extracting)
        #expect(try store.submission(id: "trabong-huyen-2024")?.failureReason == nil)
        #expect(throws: StoreError.unknownSubmission("nope")) { try store.setSubmissionState(id: "nope", .queued) }
        #expect(try store.submission(id: "nope") == nil)
    }

    @Test(arguments: StoreBackend.allCases) func evidenceSharingFindsOtherSubmissionsByContentAndNumber(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let shared = sha("shared")
        let (doc, fields) = Sample.document("kh-45.pdf")
        try store.saveDocument(doc, fields: fields)
        _ = try store.recordSubmission(Sample.submission("a-2024"), manifestSHA256: sha("ma"),
                                       files: ["kh-45.pdf": doc.sha256, "qd-12.pdf": shared])
        // b names a file it did not upload, and gives the content a names qd-12.pdf.
        _ = try store.recordSubmission(Sample.submission("b-2024", unit: Sample.sonha), manifestSHA256: sha("mb"),
                                       files: ["kh-45.pdf": shared])

        // By number alone (another scan of the same document): a's kh-45.pdf, with its parsed fields.
        let byNumber = try store.evidence(sharing: [], numberKeys: [DocumentNumber.key("45/KH-UBND")], excluding: ["b-2024"])
        #expect(byNumber.count == 1)
        let kh = try #require(byNumber.first)
        #expect(kh.submission == "a-2024" && kh.unitCode == "H-TRABONG" && kh.file == "kh-45.pdf")
        #expect(kh.claimIndex == 0)
        #expect(kh.indicator == "2.1.2")
        #expect(kh.sha256 == doc.sha256)
        #expect(kh.number == "45/KH-UBND")
        #expect(kh.issuer == "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG")

        // By content: both submissions hold `shared` (under different names); excluded ones are left out.
        let byContent = try store.evidence(sharing: [shared], numberKeys: [])
        #expect(Set(byContent.map(\.submission)) == ["a-2024", "b-2024"])
        #expect(byContent.first { $0.submission == "b-2024" }?.file == "kh-45.pdf")
        #expect(byContent.allSatisfy { $0.number == nil })
        #expect(try store.evidence(sharing: [shared], numberKeys: [], excluding: ["a-2024", "b-2024"]).isEmpty)
        #expect(try store.evidence(sharing: [sha("other")], numberKeys: ["9/KH-UDND"]).isEmpty)
    }

    /// A `.zip` given as evidence is stored as its files, 'ITEM/PATH': each is that item's evidence,
    /// found under its own path, and a plain file whose name merely starts like the item's is not.
    @Test(arguments: StoreBackend.allCases) func evidenceSharingFindsTheFilesOfAnArchiveItem(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let (doc, fields) = Sample.document("kh-45.pdf")
        try store.saveDocument(doc, fields: fields)
        _ = try store.recordSubmission(Sample.submission("a-2024", files: ["ho-so.zip", "ho-so.zip.pdf"]), manifestSHA256: sha("ma"),
                                       files: ["ho-so.zip/van-ban/kh-45.pdf": doc.sha256, "ho-so.zip.pdf": sha("other")])
        let found = try store.evidence(sharing: [doc.sha256], numberKeys: [])
        #expect(found.map(\.file) == ["ho-so.zip/van-ban/kh-45.pdf"])
        #expect(found.first?.claimIndex == 0 && found.first?.number == "45/KH-UBND")
        #expect(try store.evidence(sharing: [sha("other")], numberKeys: []).map(\.claimIndex) == [1])
    }

    @Test(arguments: StoreBackend.allCases) func anUntrustedNumberIsNotAnIdentity(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        var (doc, fields) = Sample.document("kh-45.pdf")
        fields.fieldConfidence[.number] = 0.3
        try store.saveDocument(doc, fields: fields)
        _ = try store.recordSubmission(Sample.submission("a-2024"), manifestSHA256: sha("ma"), files: ["kh-45.pdf": doc.sha256])
        #expect(try store.evidence(sharing: [], numberKeys: [DocumentNumber.key("45/KH-UBND")]).isEmpty)
        let byContent = try store.evidence(sharing: [doc.sha256], numberKeys: [])
        #expect(byContent.count == 1 && byContent[0].number == nil && byContent[0].issuer == nil)
    }
}

@Suite struct SubmissionOwnershipTests {
    @Test(arguments: StoreBackend.allCases) func anotherUnitCannotTakeOverASubmissionId(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.recordSubmission(Sample.submission("shared-2024", unit: Sample.trabong), manifestSHA256: sha("m1"), files: [:])
        #expect(throws: StoreError.submissionOfAnotherUnit(id: "shared-2024", owner: Sample.trabong.code)) {
            try store.recordSubmission(Sample.submission("shared-2024", unit: Sample.sonha), manifestSHA256: sha("m2"), files: [:])
        }
        #expect(try store.submission(id: "shared-2024")?.submission.unit == Sample.trabong)
    }

    @Test(arguments: StoreBackend.allCases) func aPrecheckIsNotDecidedNorDelivered(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        var submission = Sample.submission("trial-2024")
        submission.precheck = true
        _ = try store.recordSubmission(submission, manifestSHA256: sha("m3"), files: Sample.files(salt: "trial"))
        let ids = try store.recordResult(Sample.result("trial-2024", unit: Sample.trabong))
        #expect(!ids.isEmpty)
        #expect(try store.pull(consumer: "scoring").isEmpty)
        #expect(throws: StoreError.self) { try store.decide(flagId: ids[0], by: "council", action: .confirm) }
        #expect(try store.evidence(sharing: Set(Sample.files(salt: "trial").values), numberKeys: []).isEmpty)
    }
}
