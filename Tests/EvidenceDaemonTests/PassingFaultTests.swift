import Foundation
import GRDB
import Logging
import Testing
import EvidenceExtraction
import EvidenceLoading
import EvidenceModel
@testable import EvidenceStore
@testable import EvidenceDaemon
import EvidenceService

/// A passing fault of the machine (the content store's disk, the database refusing a write) keeps
/// the work where it was and retries it; only a fault of the upload itself refuses it (issue 21).
@Suite final class PassingFaultTests {
    let folder: URL
    let inbox: URL
    let store: Store
    let catalog: FrameworkCatalog

    init() throws {
        folder = try TestPaths.temporaryFolder()
        inbox = folder.appendingPathComponent("inbox", isDirectory: true)
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        store = try Store(path: folder.appendingPathComponent("evidenced.sqlite").path)
        catalog = try FrameworkCatalog.load(directory: TestPaths.models.appendingPathComponent("frameworks"))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var refused: URL { folder.appendingPathComponent("refused") }
    var refusedEntries: [String] { (try? FileManager.default.contentsOfDirectory(atPath: refused.path)) ?? [] }

    func intake(objects: URL) throws -> Intake {
        Intake(store: store, contents: try ContentStore(root: objects), loader: SubmissionLoader(catalog: catalog),
               refused: refused, logger: Logger(label: "test"))
    }

    func upload(_ sample: String) throws -> URL {
        let target = inbox.appendingPathComponent(sample)
        try FileManager.default.copyItem(at: TestPaths.samples.appendingPathComponent("submissions/\(sample)"), to: target)
        return target
    }

    @Test func aBrokenContentStoreKeepsTheUploadInTheInbox() throws {
        let objects = folder.appendingPathComponent("objects")
        let intake = try intake(objects: objects)
        // The content store's folder becomes unusable (as a full or failing disk makes it).
        try FileManager.default.removeItem(at: objects)
        try Data("not a folder".utf8).write(to: objects)
        let upload = try upload("bato-huyen-2024")
        guard case .deferred = intake.take(upload) else { Issue.record("expected the upload to be kept"); return }
        #expect(FileManager.default.fileExists(atPath: upload.appendingPathComponent("submission.json").path))
        #expect(refusedEntries.isEmpty)
        #expect(try store.submission(id: "bato-huyen-2024") == nil)
        // The fault clears: the same upload is taken whole.
        try FileManager.default.removeItem(at: objects)
        try FileManager.default.createDirectory(at: objects, withIntermediateDirectories: true)
        #expect(intake.take(upload) == .taken(id: "bato-huyen-2024", change: .new))
        #expect(!FileManager.default.fileExists(atPath: upload.path))
    }

    @Test func aLockedDatabaseKeepsTheUploadAndTheUploadsOwnFaultIsRefused() throws {
        let intake = try intake(objects: folder.appendingPathComponent("objects"))
        try store.writer.write { db in
            try db.execute(sql: "CREATE TRIGGER fault BEFORE INSERT ON submissions BEGIN SELECT RAISE(ABORT, 'database is locked (injected)'); END")
        }
        let upload = try upload("bato-huyen-2024")
        guard case .deferred(let reason) = intake.take(upload) else { Issue.record("expected the upload to be kept"); return }
        #expect(reason.contains("injected"))
        #expect(refusedEntries.isEmpty)
        // A manifest that is not JSON is the upload's own fault: refused with the reason.
        let bad = inbox.appendingPathComponent("bad")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        try Data("{ not json".utf8).write(to: bad.appendingPathComponent("submission.json"))
        guard case .refused = intake.take(bad) else { Issue.record("expected a refusal"); return }
        #expect(refusedEntries.count == 1)
        try store.writer.write { db in try db.execute(sql: "DROP TRIGGER fault") }
        #expect(intake.take(upload) == .taken(id: "bato-huyen-2024", change: .new))
    }

    @Test func aDocumentWhoseSaveFailedGoesBackToTheQueueAndIsReadAgain() async throws {
        let objects = folder.appendingPathComponent("objects")
        let intake = try intake(objects: objects)
        let retries = RetryBook(file: folder.appendingPathComponent(RetryBook.fileName), firstDelay: 0)
        let pipeline = Pipeline(store: store, contents: try ContentStore(root: objects), catalog: catalog, extractor: AnyFileExtractor(),
                                scanner: InboxScanner(inbox: inbox, stabilityDelay: 0), intake: intake, concurrency: 2,
                                retries: retries, logger: Logger(label: "test"))
        _ = try upload("bato-huyen-2024")
        #expect(pipeline.takeReadyUploads(waitForStability: false).count == 1)
        try await store.writer.write { db in
            try db.execute(sql: "CREATE TRIGGER fault BEFORE UPDATE OF state ON documents WHEN NEW.state = 'parsed' BEGIN SELECT RAISE(ABORT, 'disk I/O error (injected)'); END")
        }
        _ = try await pipeline.extractQueued()
        let backlog = try store.backlog()
        #expect((backlog.documents[.extracting] ?? 0) == 0, "no document left extracting: \(backlog.documents)")
        #expect((backlog.documents[.queued] ?? 0) > 0)
        #expect(retries.waiting.contains { $0.kind == "document" && $0.reason.contains("injected") })
        // `evidenced status` reads what waits and why.
        #expect(RetryBook.read(folder.appendingPathComponent(RetryBook.fileName)).count == retries.waiting.count)
        try await store.writer.write { db in try db.execute(sql: "DROP TRIGGER fault") }
        while try await pipeline.extractQueued() > 0 {}
        #expect((try store.backlog().documents[.queued] ?? 0) == 0)
        #expect(try pipeline.checkReady().map(\.submission) == ["bato-huyen-2024"])
        #expect(retries.waiting.isEmpty)
    }

    @Test func theBackOffDoublesAndIsBounded() {
        let book = RetryBook(file: nil, firstDelay: 2, longestDelay: 300)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(book.failed("inbox/x", kind: "upload", reason: "busy", now: now) == 2)
        #expect(book.failed("inbox/x", kind: "upload", reason: "busy", now: now) == 4)
        #expect(!book.isDue("inbox/x", now: now.addingTimeInterval(3)))
        #expect(book.isDue("inbox/x", now: now.addingTimeInterval(4)))
        for _ in 0..<30 { book.failed("inbox/x", kind: "upload", reason: "busy", now: now) }
        #expect(book.failed("inbox/x", kind: "upload", reason: "busy", now: now) == 300)
        book.succeeded("inbox/x")
        #expect(book.waiting.isEmpty && book.isDue("inbox/x", now: now))
    }
}

/// Reads any file as a one-page text document (the pipeline's own steps are what is tested).
private struct AnyFileExtractor: DocumentExtracting {
    func extract(fileAt url: URL, progress: ExtractionProgress?) async throws(ExtractionFailure) -> ExtractedDocument {
        ExtractedDocument(file: url.lastPathComponent, sha256: url.lastPathComponent, format: .text, pages: 1,
                          perPage: [PageText(page: 1, source: .text, text: "KẾ HOẠCH Số: 12/KH-UBND")])
    }
}
