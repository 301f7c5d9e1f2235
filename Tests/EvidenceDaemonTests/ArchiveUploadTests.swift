import Foundation
import Logging
import Testing
import EvidenceLoading
import EvidenceModel
import EvidenceStore
@testable import EvidenceDaemon
import EvidenceService

/// Submissions uploaded as one `.zip` (fixtures made by scripts/make_archive_fixtures.py): taken
/// like folders when sound, refused with the reason and kept aside when not, never written outside.
@Suite final class ArchiveUploadTests {
    let folder: URL
    let inbox: URL
    let fixtures: URL
    let store: Store
    let intake: Intake

    init() throws {
        folder = try TestPaths.temporaryFolder()
        inbox = folder.appendingPathComponent("inbox", isDirectory: true)
        fixtures = folder.appendingPathComponent("fixtures", isDirectory: true)
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestPaths.root.appendingPathComponent("scripts/make_archive_fixtures.py").path,
                             TestPaths.samples.appendingPathComponent("submissions/trabong-huyen-2024").path, fixtures.path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "the fixtures were made")
        store = try Store.inMemory()
        let catalog = try FrameworkCatalog.load(directory: TestPaths.models.appendingPathComponent("frameworks"))
        intake = Intake(store: store, contents: try ContentStore(root: folder.appendingPathComponent("objects")),
                        loader: SubmissionLoader(catalog: catalog), refused: folder.appendingPathComponent("refused"),
                        logger: Logger(label: "test"))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Drops a fixture into the inbox and takes it.
    func take(_ name: String) throws -> Intake.Outcome {
        let upload = inbox.appendingPathComponent(name)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: upload)
        return intake.takeArchive(upload)
    }

    var inboxEntries: [String] { (try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? [] }
    var refusedEntries: [String] { (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("refused").path)) ?? [] }

    @Test func aZippedFolderIsTakenWithItsLegacyEncodedNames() throws {
        #expect(try take("good.zip") == .taken(id: "trabong-huyen-2024", change: .new))
        let stored = try #require(try store.submission(id: "trabong-huyen-2024"))
        let files = try store.documents(ofSubmission: stored.submission.submission)
        // 'Biên bản.pdf', zipped in Windows-1258 without the UTF-8 flag, is the file the manifest names.
        #expect(files.keys.contains("Biên bản.pdf"), "\(files.keys.sorted())")
        #expect(files.count == 5)
        #expect(inboxEntries.isEmpty, "the archive and its unpacked copy are gone")
    }

    @Test(arguments: [
        ("traversal.zip", "outside the submission's folder"), ("link.zip", "symbolic link"),
        ("bomb.zip", "ZIP bomb"), ("many.zip", "10000 entries"), ("fake.zip", "not a ZIP file"),
    ])
    func aBadArchiveIsRefusedWithItsReasonAndKept(name: String, reason: String) throws {
        guard case .refused(let why) = try take(name) else { Issue.record("\(name) was taken"); return }
        #expect(why.contains(reason), "\(why)")
        #expect(inboxEntries.isEmpty, "nothing left in the inbox: \(inboxEntries)")
        #expect(refusedEntries.contains { $0.hasSuffix(".zip") }, "the archive is kept aside")
        #expect(refusedEntries.contains { $0.hasSuffix(".REFUSED.txt") })
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("evil.txt").path))
        #expect(try store.submission(id: "trabong-huyen-2024") == nil)
    }

    /// The upload is unpacked; an archive inside it given as evidence is that item's archive, unpacked
    /// one level in turn (EvidenceArchiveTests), its files stored under the name it was given.
    @Test func anArchiveInsideGivenAsEvidenceIsStoredAsItsFiles() throws {
        #expect(try take("nested.zip") == .taken(id: "trabong-huyen-2024", change: .new))
        let documents = try store.documents(ofSubmission: "trabong-huyen-2024")
        #expect(documents["Biên bản.pdf"] == nil)
        #expect(documents.keys.contains("Biên bản.pdf/ho-so/kh-25-ung-dung-cntt-2024.pdf"), "\(documents.keys.sorted())")
    }

    @Test func theScannerSeesAStableArchiveAsAnUpload() throws {
        let upload = inbox.appendingPathComponent("good.zip")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("good.zip"), to: upload)
        let scanner = InboxScanner(inbox: inbox, stabilityDelay: 1)
        let now = Date()
        #expect(scanner.readyFolders(now: now).isEmpty, "not yet stable")
        #expect(scanner.readyFolders(now: now.addingTimeInterval(2)) == [upload])
    }
}
