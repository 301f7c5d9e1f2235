import EvidenceModel
import Foundation
import EvidenceStoreTesting
import Testing
@testable import EvidenceStore

@Suite struct ConcurrencyTests {
    /// In WAL mode a reader is not blocked by an open write transaction: it reads the last
    /// committed state while the writer is midway, and the new state once it commits.
    @Test(arguments: StoreBackend.allCases) func readersReadWhileAWriterWrites(_ backend: StoreBackend) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let location = try backend.makeLocation(in: dir.url)
        let writer = try location.open()
        let reader = try location.open()
        let before = try Sample.recordChecked(writer, id: "a-2024")

        let writing = DispatchSemaphore(value: 0)
        let readDone = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        let thread = Thread {
            do {
                try writer.database.write { db in
                    _ = try Store.enqueueDocument(db, sha256: sha("mid"), name: nil, at: Date())
                    writing.signal()
                    // Hold the transaction open until the reader has read (or give up).
                    outcome.readerFinishedInTime = readDone.wait(timeout: .now() + 10) == .success
                }
            } catch {
                outcome.readerFinishedInTime = false
            }
            writing.signal()
        }
        thread.start()
        writing.wait()
        let seenDuring = try reader.list().map(\.id)
        let documentDuring = try reader.document(sha256: sha("mid"))
        readDone.signal()
        writing.wait()  // the writer committed

        #expect(outcome.readerFinishedInTime)
        #expect(seenDuring == before)
        #expect(documentDuring == nil)
        #expect(try reader.document(sha256: sha("mid"))?.state == .queued)
    }

    @Test(arguments: StoreBackend.allCases) func concurrentWritersAndReadersKeepTheQueueConsistent(_ backend: StoreBackend) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try backend.makeLocation(in: dir.url).open()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<8 {
                group.addTask { try Sample.recordChecked(store, id: "s-\(n)") }
                group.addTask { _ = try store.pull(consumer: "scoring"); _ = try store.backlog() }
            }
            try await group.waitForAll()
        }
        let ids = try store.list().map(\.id)
        #expect(ids.count == 16)
        #expect(Set(ids).count == 16)
        #expect(ids == ids.sorted())
        #expect(try store.pull(consumer: "scoring", limit: 100).map(\.id) == ids)
    }
}

final class Outcome: @unchecked Sendable {
    // Written by the writer thread before it signals, read after the wait: ordered by the semaphore.
    var readerFinishedInTime = false
}
