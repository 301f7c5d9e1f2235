import EvidenceModel
import Foundation
import EvidenceStoreTesting
import Testing
@testable import EvidenceStore

@Suite struct CrashSafetyTests {
    /// Another connection (as another process would) sees each change as soon as the call returns.
    @Test(arguments: StoreBackend.allCases) func changesAreCommittedBeforeReturning(_ backend: StoreBackend) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let location = try backend.makeLocation(in: dir.url)
        let daemon = try location.open()
        let observer = try location.open()

        _ = try daemon.recordSubmission(Sample.submission(), manifestSHA256: sha("m"), files: Sample.files())
        #expect(try observer.submission(id: "trabong-huyen-2024")?.state == .queued)
        try daemon.setSubmissionState(id: "trabong-huyen-2024", .extracting)
        #expect(try observer.submission(id: "trabong-huyen-2024")?.state == .extracting)
        try daemon.markDocument(sha256: sha("kh-45.pdf"), state: .extracting)
        #expect(try observer.document(sha256: sha("kh-45.pdf"))?.state == .extracting)
        let ids = try daemon.recordResult(Sample.result())
        #expect(try observer.list().map(\.id) == ids)
        #expect(try observer.submission(id: "trabong-huyen-2024")?.state == .checked)
    }

    /// A multi-row change that fails midway (here a foreign key refused after rows were written)
    /// leaves nothing behind: every change runs inside one `write {}`.
    @Test(arguments: StoreBackend.allCases) func aTransactionThatThrowsMidwayLeavesNothing(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        #expect(throws: (any Error).self) {
            try store.database.write { db in
                _ = try Store.enqueueDocument(db, sha256: sha("half"), name: "half.pdf", at: Date())
                try db.execute("INSERT INTO submission_files (submissionId, path, sha256) VALUES ('missing', 'half.pdf', \(sha("half")))")
            }
        }
        #expect(try store.document(sha256: sha("half")) == nil)
    }

    @Test(arguments: StoreBackend.allCases) func aRefusedAckOrResultWritesNothing(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store)
        // The first id is valid and would be acked first; the second is unknown.
        #expect(throws: StoreError.self) { try store.ack(consumer: "scoring", ids: [ids[0], 424242]) }
        #expect(try store.queueDepth(consumer: "scoring") == 2)
    }

    /// A daemon killed while extracting: after restart what it held goes back to queued, and a
    /// result recorded before the kill is not recorded twice.
    @Test(arguments: StoreBackend.allCases) func aRestartRequeuesWhatTheKilledRunHeld(_ backend: StoreBackend) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let location = try backend.makeLocation(in: dir.url)
        let killed = NodeInfo(id: "host-1-101-ab", host: "host-1", pid: 101, role: "all", leaseSeconds: 60, startedAt: Date())
        do {
            let before = try location.open()
            try before.registerNode(killed)
            _ = try before.recordSubmission(Sample.submission("a-2024"), manifestSHA256: sha("ma"), files: Sample.files(salt: "a"))
            _ = try before.recordSubmission(Sample.submission("b-2024"), manifestSHA256: sha("mb"), files: Sample.files(salt: "b"))
            _ = try before.takeQueuedDocuments(limit: 3, lease: killed.lease)
            try before.recordResult(Sample.result("b-2024"))
        }   // "kill -9": the store is simply dropped; nothing else is flushed.

        let after = try location.open()
        let resumed = try after.recoverEarlierRuns(of: "host-1-102-cd", host: "host-1", isRunning: { $0 != 101 })
        #expect(resumed == Resumed(documents: 3, submissions: 0))
        #expect(try after.pendingSubmissions() == ["a-2024"])
        #expect(try after.pendingDocuments().count == 4)
        #expect(try after.backlog().documents[.extracting] == 0)
        // b was checked before the crash; checking it again queues nothing new.
        #expect(try after.recordResult(Sample.result("b-2024")).isEmpty)
        #expect(try after.list().count == 2)
        #expect(try after.recoverEarlierRuns(of: "host-1-102-cd", host: "host-1", isRunning: { $0 != 101 })
                == Resumed(documents: 0, submissions: 0))
    }
}
