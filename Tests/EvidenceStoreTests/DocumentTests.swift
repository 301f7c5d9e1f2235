import EvidenceModel
import Foundation
import EvidenceStoreTesting
import Testing
@testable import EvidenceStore

@Suite struct DocumentTests {
    @Test(arguments: StoreBackend.allCases) func unknownDocumentIsNil(_ backend: StoreBackend) throws {
        #expect(try backend.makeStore().document(sha256: sha("nothing")) == nil)
    }

    @Test(arguments: StoreBackend.allCases) func savedDocumentComesBackWhole(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let (doc, fields) = Sample.document("kh-45.pdf")
        try store.saveDocument(doc, fields: fields)
        let stored = try #require(try store.document(sha256: doc.sha256))
        #expect(stored.state == .parsed)
        #expect(stored.extracted == doc)
        #expect(stored.fields == fields)
        #expect(stored.failure == nil)
    }

    /// The flag page's light read: the format of a document that was read, nil before.
    @Test(arguments: StoreBackend.allCases) func readFormatIsTheExtractedFormatWithoutItsText(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let (doc, fields) = Sample.document("kh-45.pdf")
        #expect(try store.readFormat(sha256: doc.sha256) == nil)
        try store.enqueueDocument(sha256: doc.sha256)
        #expect(try store.readFormat(sha256: doc.sha256) == nil)
        try store.saveDocument(doc, fields: fields)
        #expect(try store.readFormat(sha256: doc.sha256.uppercased()) == doc.format)
        try store.markDocument(sha256: doc.sha256, state: .failed)
        #expect(try store.readFormat(sha256: doc.sha256) == doc.format)
    }

    /// Boxes are read without a JSONDecoder when stored as `StoredJSON` writes them, and through it otherwise.
    @Test func storedBoxesReadBackExactly() throws {
        for box in [Box(x: 0, y: 0, width: 1, height: 1), Box(x: 0.1, y: 0.30000000000000004, width: 1e-7, height: 123_456_789.125),
                    Box(x: -0.5, y: 2, width: 1e21, height: 0.07777777777777778)] {
            guard case .text(let text) = StoredJSON(box).storeValue else { Issue.record("not text"); continue }
            #expect(Box(storedJSON: text) == box)
            let columns = StoreColumns(["box"])
            #expect(try StoreRow(columns, [.text(text)]).box("box") == box)
            // Written otherwise (spaces, another key order): through JSONDecoder, the same box.
            let spaced = #"{ "y": \#(box.y), "x": \#(box.x), "width": \#(box.width), "height": \#(box.height) }"#
            #expect(Box(storedJSON: spaced) == nil)
            #expect(try StoreRow(columns, [.text(spaced)]).box("box") == box)
        }
        #expect(try StoreRow(StoreColumns(["box"]), [.null]).box("box") == nil)
        #expect(Box(storedJSON: #"{"height":1,"width":1,"x":1,"y":1}x"#) == nil)
        #expect(throws: StoreRowError.self) { try StoreRow(StoreColumns(["box"]), [.text(#"{"height":"#)]).box("box") }
    }

    @Test(arguments: StoreBackend.allCases) func contentIsStoredOnceAndReusedByEverySubmission(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let (doc, fields) = Sample.document("kh-45.pdf")
        try store.saveDocument(doc, fields: fields)
        // Two submissions cite the same content under other names.
        for id in ["a-2024", "b-2024"] {
            var submission = Sample.submission(id, files: ["kh.pdf", "qd.pdf"])
            submission.claims[0].evidence[0].file = "kh.pdf"
            _ = try store.recordSubmission(submission, manifestSHA256: sha(id),
                                           files: ["kh.pdf": doc.sha256, "qd.pdf": sha("qd-" + id)])
        }
        let count = try store.database.read { db in
            try db.count("SELECT COUNT(*) FROM documents WHERE sha256 = \(doc.sha256)")
        }
        #expect(count == 1)
        // Recording submissions did not send it back to extraction.
        #expect(try store.document(sha256: doc.sha256)?.state == .parsed)
        #expect(try store.pendingDocuments().contains(doc.sha256) == false)
        #expect(try store.pendingDocuments().count == 2)
    }

    @Test(arguments: StoreBackend.allCases) func enqueueIsIdempotentAndKeepsState(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        #expect(try store.enqueueDocument(sha256: sha("x"), name: "x.pdf"))
        #expect(try store.enqueueDocument(sha256: sha("x")) == false)
        try store.markDocument(sha256: sha("x"), state: .failed, failure: .init(.corruptPDF, "xref broken"))
        #expect(try store.enqueueDocument(sha256: sha("x")) == false)
        #expect(try store.document(sha256: sha("x"))?.state == .failed)
    }

    @Test(arguments: StoreBackend.allCases) func uppercaseSHAIsTheSameDocumentAndGarbageIsRefused(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        try store.enqueueDocument(sha256: sha("x").uppercased())
        #expect(try store.document(sha256: sha("x")) != nil)
        #expect(throws: StoreError.invalidSHA256("abc")) { try store.enqueueDocument(sha256: "abc") }
        #expect(throws: StoreError.self) { try store.document(sha256: String(repeating: "z", count: 64)) }
    }

    @Test(arguments: StoreBackend.allCases) func failureIsRecordedAndClearedBySuccess(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let (doc, fields) = Sample.document("scan.png")
        try store.markDocument(sha256: doc.sha256, state: .extracting)
        try store.markDocument(sha256: doc.sha256, state: .failed, failure: .init(.timeout, "OCR quá 120 giây"))
        let failed = try #require(try store.document(sha256: doc.sha256))
        #expect(failed.state == .failed)
        #expect(failed.failure == ExtractionFailure(.timeout, "OCR quá 120 giây"))
        #expect(failed.attempts == 1)

        try store.saveDocument(doc, fields: fields)
        let parsed = try #require(try store.document(sha256: doc.sha256))
        #expect(parsed.state == .parsed)
        #expect(parsed.failure == nil)
    }

    @Test(arguments: StoreBackend.allCases) func takingQueuedDocumentsHandsEachOutOnce(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        for name in ["a", "b", "c"] { try store.enqueueDocument(sha256: sha(name)) }
        let first = try store.takeQueuedDocuments(limit: 2)
        let second = try store.takeQueuedDocuments(limit: 2)
        #expect(first.count == 2)
        #expect(second.count == 1)
        #expect(Set(first + second) == Set(["a", "b", "c"].map(sha)))
        #expect(try store.takeQueuedDocuments(limit: 5).isEmpty)
        for key in first + second {
            let doc = try #require(try store.document(sha256: key))
            #expect(doc.state == .extracting)
            #expect(doc.attempts == 1)
        }
    }

    /// The claim order a backlog is worked through: an expired lease's document first (its node
    /// died), then minute by minute the arrivals, each minute's largest file first; a minute whose
    /// documents are all held is passed over for the next, however many minutes are queued.
    @Test(arguments: StoreBackend.allCases) func aBacklogIsClaimedMinuteByMinuteLargestFirst(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let start = Date(timeIntervalSince1970: 1_800_000_000)  // on a minute
        func at(_ seconds: Double) -> Date { start.addingTimeInterval(seconds) }
        try store.enqueueDocuments([(sha("first-small"), 10, at(1)), (sha("first-large"), 900, at(2)), (sha("first-held"), 500, at(3)),
                                    (sha("second-small"), 20, at(61)), (sha("second-large"), 800, at(62))])
        try store.enqueueDocuments((0..<20).map { (sha("later-\($0)"), nil, at(Double(180 + 60 * $0))) })
        let dead = Lease(node: "dead", seconds: 60), live = Lease(node: "live", seconds: 60), me = Lease(node: "me", seconds: 60)
        #expect(try store.takeQueuedDocuments(limit: 1, lease: dead, now: at(3_000)) == [sha("first-large")])
        #expect(try store.takeQueuedDocuments(limit: 1, lease: live, now: at(3_040)) == [sha("first-held")])
        // The dead node's lease has expired, the live one's not.
        #expect(try store.takeQueuedDocuments(limit: 3, lease: me, now: at(3_070)) == [sha("first-large"), sha("first-small"), sha("second-large")])
        #expect(try store.takeQueuedDocuments(limit: 2, lease: me, now: at(3_070)) == [sha("second-small"), sha("later-0")])
        #expect(try store.takeQueuedDocuments(limit: 30, lease: me, now: at(3_070)).count == 19)
    }

    @Test(arguments: StoreBackend.allCases) func newerFieldsReplaceOlderKeepingText(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let (doc, fields) = Sample.document("kh-45.pdf")
        try store.saveDocument(doc, fields: fields)
        var better = fields
        better.number = "46/KH-UBND"
        try store.saveFields(better, sha256: doc.sha256)
        let stored = try #require(try store.document(sha256: doc.sha256))
        #expect(stored.fields?.number == "46/KH-UBND")
        #expect(stored.extracted == doc)
        #expect(throws: StoreError.unknownDocument(sha("none"))) { try store.saveFields(nil, sha256: sha("none")) }
    }
}
