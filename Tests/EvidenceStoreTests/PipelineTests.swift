import EvidenceModel
import Foundation
import EvidenceStoreTesting
import Testing
@testable import EvidenceStore

@Suite struct PipelineTests {
    @Test(arguments: StoreBackend.allCases) func backlogCountsEveryState(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let empty = try store.backlog()
        #expect(empty.documents.count == DocumentState.allCases.count)
        #expect(empty.documents.values.allSatisfy { $0 == 0 })
        #expect(empty.submissions[.checked] == 0)

        try Sample.recordChecked(store, id: "a-2024")
        _ = try store.recordSubmission(Sample.submission("b-2024"), manifestSHA256: sha("mb"), files: Sample.files(salt: "b"))
        let (doc, fields) = Sample.document("kh-45.pdf")
        try store.saveDocument(doc, fields: fields)
        try store.markDocument(sha256: sha("bad"), state: .failed, failure: .init(.encryptedPDF, "PDF có mật khẩu"))

        let backlog = try store.backlog()
        #expect(backlog.submissions[.checked] == 1)
        #expect(backlog.submissions[.queued] == 1)
        #expect(backlog.documents[.queued] == 4)
        #expect(backlog.documents[.parsed] == 1)
        #expect(backlog.documents[.failed] == 1)
        #expect(backlog.currentFlags == 2)
        #expect(backlog.supersededFlags == 0)
    }

    @Test(arguments: StoreBackend.allCases) func throughputCountsRecentlyExtractedDocumentsAndPages(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let start = Date().addingTimeInterval(-1)
        for name in ["a.pdf", "b.pdf"] {
            let (doc, fields) = Sample.document(name)
            try store.saveDocument(doc, fields: fields)
        }
        #expect(try store.throughput(since: start) == Throughput(documents: 2, pages: 4))
        #expect(try store.throughput(since: Date().addingTimeInterval(60)) == Throughput(documents: 0, pages: 0))
    }

    @Test(arguments: StoreBackend.allCases) func failuresAreListedAndRetried(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.recordSubmission(Sample.submission(), manifestSHA256: sha("m"), files: Sample.files())
        try store.setSubmissionState(id: "trabong-huyen-2024", .failed, reason: "manifest: thiếu trường 'claims'")
        let bad = "3f7a9c0d" + String(repeating: "1", count: 56)
        try store.markDocument(sha256: bad, state: .extracting)
        try store.markDocument(sha256: bad, state: .failed, failure: .init(.corruptPDF, "bảng xref hỏng"))

        let failures = try store.failures()
        #expect(failures.count == 2)
        let document = try #require(failures.first { $0.kind == .document })
        #expect(document.id == bad)
        #expect(document.code == "corrupt-pdf")
        #expect(document.message == "bảng xref hỏng")
        #expect(document.attempts == 1)
        #expect(failures.first { $0.kind == .submission }?.message == "manifest: thiếu trường 'claims'")
        #expect(try store.failures(limit: 1).count == 1)

        #expect(try store.retry(id: "trabong-huyen-2024") == .submission)
        #expect(try store.retry(id: String(bad.prefix(12)).uppercased()) == .document)
        #expect(try store.failures().isEmpty)
        #expect(try store.submission(id: "trabong-huyen-2024")?.state == .queued)
        let retried = try #require(try store.document(sha256: bad))
        #expect(retried.state == .queued)
        #expect(retried.failure == nil)
        #expect(retried.attempts == 0)
    }

    @Test(arguments: StoreBackend.allCases) func retryRefusesWhatIsNotFailedOrUnknownOrAmbiguous(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.recordSubmission(Sample.submission(), manifestSHA256: sha("m"), files: Sample.files())
        #expect(throws: StoreError.notFailed(id: "trabong-huyen-2024", state: "queued")) {
            try store.retry(id: "trabong-huyen-2024")
        }
        #expect(throws: StoreError.noSuchItem("nothing-here")) { try store.retry(id: "nothing-here") }
        #expect(throws: StoreError.noSuchItem("00000000ffff")) { try store.retry(id: "00000000ffff") }
        // Both sample files' keys start with zeros.
        #expect(throws: StoreError.ambiguousID("00000000", matches: 2)) { try store.retry(id: "00000000") }
    }

    @Test(arguments: StoreBackend.allCases) func submissionIsReadyOnceEveryFileIsParsedOrFailed(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.recordSubmission(Sample.submission(), manifestSHA256: sha("m"), files: Sample.files())
        #expect(try store.readySubmissions().isEmpty)
        let (doc, fields) = Sample.document("kh-45.pdf")
        try store.saveDocument(doc, fields: fields)
        #expect(try store.readySubmissions().isEmpty)
        try store.markDocument(sha256: sha("qd-12.pdf"), state: .failed, failure: .init(.corruptImage, "ảnh hỏng"))
        #expect(try store.readySubmissions() == ["trabong-huyen-2024"])

        let documents = try store.documents(ofSubmission: "trabong-huyen-2024")
        #expect(documents["kh-45.pdf"]?.fields == fields)
        #expect(documents["qd-12.pdf"]?.failure?.code == .corruptImage)

        try store.recordResult(Sample.result())
        #expect(try store.readySubmissions().isEmpty)
    }
}


@Suite struct QueueOrderTests {
    @Test(arguments: StoreBackend.allCases) func withinAnArrivalTheLargestFileIsTakenFirstButEarlierArrivalsGoBefore(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        try store.enqueueDocument(sha256: sha("small"), name: "small.pdf", bytes: 10_000)
        try store.enqueueDocument(sha256: sha("scan"), name: "scan.pdf", bytes: 9_000_000)
        try store.enqueueDocument(sha256: sha("unknown"), name: "unknown.pdf")
        try store.enqueueDocument(sha256: sha("medium"), name: "medium.pdf", bytes: 400_000)
        try store.enqueueDocument(sha256: sha("old"), name: "old.pdf", bytes: 1)
        // 'old' arrived an hour ago: it goes first however small it is.
        let arrived = try #require(try store.document(sha256: sha("old"))).createdAt
        try store.database.write { db in
            _ = try db.execute("UPDATE documents SET createdAt = \(arrived.addingTimeInterval(-3600)) WHERE sha256 = \(sha("old"))")
        }
        let taken = try store.takeQueuedDocuments(limit: 10)
        #expect(taken == [sha("old"), sha("scan"), sha("medium"), sha("small"), sha("unknown")])
    }
}
