import EvidenceModel
import Foundation
import Testing
@testable import EvidenceStore

@Suite struct SubmissionTests {
    @Test func newUnchangedAndChanged() throws {
        let store = try Store.inMemory()
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

    @Test func recordingQueuesTheFilesAsDocuments() throws {
        let store = try Store.inMemory()
        _ = try store.recordSubmission(Sample.submission(), manifestSHA256: sha("m1"), files: Sample.files())
        #expect(Set(try store.pendingDocuments()) == Set(Sample.files().values))
        #expect(try store.pendingSubmissions() == ["trabong-huyen-2024"])
    }

    @Test func changeRewritesClaimsAndFilesOfTheLatestRevision() throws {
        let store = try Store.inMemory()
        _ = try store.recordSubmission(Sample.submission(files: ["a.pdf", "b.pdf", "c.pdf"]),
                                       manifestSHA256: sha("m1"), files: Sample.files(["a.pdf", "b.pdf", "c.pdf"]))
        var smaller = Sample.submission(files: ["a.pdf"])
        smaller.claims.removeLast()
        _ = try store.recordSubmission(smaller, manifestSHA256: sha("m2"), files: Sample.files(["a.pdf"]))
        let (claims, evidence, files) = try store.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM claims"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM claim_evidence"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM submission_files"))
        }
        #expect(claims == 1)
        #expect(evidence == 1)
        #expect(files == 1)
    }

    @Test func stateChangesAndUnknownSubmission() throws {
        let store = try Store.inMemory()
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

    @Test func knownEvidenceListsOtherSubmissionsWithParsedFields() throws {
        let store = try Store.inMemory()
        let shared = sha("shared")
        let (doc, fields) = Sample.document("kh-45.pdf")
        try store.saveDocument(doc, fields: fields)
        _ = try store.recordSubmission(Sample.submission("a-2024"), manifestSHA256: sha("ma"),
                                       files: ["kh-45.pdf": doc.sha256, "qd-12.pdf": shared])
        // b names a file it did not upload.
        _ = try store.recordSubmission(Sample.submission("b-2024", unit: Sample.sonha), manifestSHA256: sha("mb"),
                                       files: ["kh-45.pdf": shared])

        let forB = try store.knownEvidence(excluding: "b-2024")
        #expect(forB.allSatisfy { $0.submission == "a-2024" && $0.unitCode == "H-TRABONG" })
        #expect(forB.count == 2)
        let kh = try #require(forB.first { $0.file == "kh-45.pdf" })
        #expect(kh.claimIndex == 0)
        #expect(kh.indicator == "2.1.2")
        #expect(kh.sha256 == doc.sha256)
        #expect(kh.number == "45/KH-UBND")
        #expect(kh.issuer == "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG")

        let forA = try store.knownEvidence(excluding: "a-2024")
        #expect(forA.map(\.submission) == ["b-2024", "b-2024"])
        #expect(forA.first { $0.file == "kh-45.pdf" }?.sha256 == shared)
        #expect(forA.first { $0.file == "qd-12.pdf" }?.sha256 == nil)
        #expect(forA.allSatisfy { $0.number == nil })
    }
}
