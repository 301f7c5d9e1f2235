import Foundation
import Logging
import Testing
import EvidenceExtraction
import EvidenceExtractionTesting
import EvidenceLoading
import EvidenceModel
import EvidenceParsing
import EvidenceStore
@testable import EvidenceDaemon
import EvidenceService

/// A `.zip` listed as an evidence item (fixtures by scripts/make_evidence_archive_fixtures.py):
/// unpacked with the inbox's limits, each file inside a document of the item, the one that fits the
/// declaration checked (or each, for a counted indicator); a bad archive is that item's unreadable
/// flag with the reason, and the rest of the submission is checked as usual.
@Suite(.serialized) final class EvidenceArchiveTests {
    static let catalog = try! FrameworkCatalog.load(directory: TestPaths.models.appendingPathComponent("frameworks"))
    static let extractor = MemoizingExtractor(Extractor(options: .init(workers: 2)))
    let folder: URL
    let fixtures: URL

    init() throws {
        folder = try TestPaths.temporaryFolder()
        fixtures = folder.appendingPathComponent("fixtures", isDirectory: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [TestPaths.root.appendingPathComponent("scripts/make_evidence_archive_fixtures.py").path,
                             TestPaths.samples.path, fixtures.path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "the fixtures were made")
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var zipped: URL { fixtures.appendingPathComponent("zipped", isDirectory: true) }
    var refused: URL { fixtures.appendingPathComponent("refused", isDirectory: true) }

    func check(_ directory: URL) async throws -> SubmissionResult {
        let outcomes = await CheckRunner(catalog: Self.catalog, extractor: Self.extractor, store: nil).run(directories: [directory])
        guard case .checked(let result) = outcomes.first else { throw CocoaError(.fileReadCorruptFile) }
        return result
    }

    @Test func archivesGivenAsEvidenceAreCheckedDocumentByDocument() async throws {
        let result = try await check(zipped)
        for claim in result.claims {
            #expect(claim.flags.isEmpty, "claim \(claim.index): \(claim.flags.map { "\($0.reason.rawValue) \($0.file ?? "") \($0.message)" })")
        }
    }

    @Test func aWrongDateOnTheArchivesDocumentIsFlaggedOnTheFileInside() async throws {
        var manifest = try String(contentsOf: zipped.appendingPathComponent("submission.json"), encoding: .utf8)
        manifest = manifest.replacingOccurrences(of: "\"2024-02-05\"", with: "\"2024-02-15\"")
        try manifest.write(to: zipped.appendingPathComponent("submission.json"), atomically: true, encoding: .utf8)
        let result = try await check(zipped)
        let flags = result.claims[3].flags
        #expect(flags.map(\.reason) == [.dateMismatch], "\(flags)")
        // Matched by its number, in the archive under its Vietnamese name (Windows-1258, no UTF-8 flag).
        #expect(flags.first?.file == "ke-hoach.zip/ke-hoach/Kế hoạch 40.pdf", "\(flags.first?.file ?? "")")
        #expect(result.claims[0].flags.isEmpty)
    }

    @Test func aBadArchiveIsThatItemsUnreadableFlagWithItsReason() async throws {
        let result = try await check(refused)
        #expect(result.claims[0].flags.isEmpty, "the plain file is checked as usual: \(result.claims[0].flags)")
        let reasons = ["symbolic link", "one level deep", "ZIP bomb", "outside the submission's folder"]
        let flags = result.claims[1...].flatMap(\.flags)
        #expect(flags.allSatisfy { $0.reason == .unreadable && $0.found == "refused-archive" }, "\(flags)")
        for reason in reasons {
            #expect(flags.contains { $0.message.contains(reason) }, "no flag says '\(reason)': \(flags.map(\.message))")
        }
        #expect(flags.count == 4, "one flag per archive: \(flags.map(\.message))")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("evil.pdf").path))
        #expect(!FileManager.default.fileExists(atPath: fixtures.appendingPathComponent("evil.pdf").path))
    }

    /// The daemon stores an archive's files as `ITEM/PATH` (the junk left out), a refused archive as
    /// itself already failed, and checks them as `check` does.
    @Test func theDaemonStoresAnArchivesFilesAndChecksThem() async throws {
        let store = try Store.inMemory()
        let contents = try ContentStore(root: folder.appendingPathComponent("objects"))
        let intake = Intake(store: store, contents: contents, loader: SubmissionLoader(catalog: Self.catalog),
                            refused: folder.appendingPathComponent("refused-uploads"), logger: Logger(label: "test"))
        for (source, id) in [(zipped, "zipped"), (refused, "refused")] {
            let inbox = folder.appendingPathComponent("inbox-\(id)", isDirectory: true)
            try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
            let upload = inbox.appendingPathComponent("trabong")
            try FileManager.default.copyItem(at: source, to: upload)
            var manifest = try String(contentsOf: upload.appendingPathComponent("submission.json"), encoding: .utf8)
            manifest = manifest.replacingOccurrences(of: "\"trabong-huyen-2024\"", with: "\"trabong-\(id)\"")
            try manifest.write(to: upload.appendingPathComponent("submission.json"), atomically: true, encoding: .utf8)
            #expect(intake.take(upload) == .taken(id: "trabong-\(id)", change: .new))
            #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.path).isEmpty, "no scratch folder left")
        }
        let files = try #require(try store.submission(id: "trabong-zipped")).files
        #expect(Set(files.keys) == ["ke-hoach.zip/ke-hoach/kh-25-ung-dung-cntt-2024.pdf", "ke-hoach.zip/ke-hoach/Kế hoạch 40.pdf",
                                    "bien-ban.zip/bb-08-hop-cds.pdf", "bien-ban.zip/bb-21-hop-dti.pdf",
                                    "qd-1246.zip/qd-1246-to-cong-tac-cds.pdf"], "\(files.keys.sorted())")
        let refusedDocuments = try store.documents(ofSubmission: "trabong-refused")
        for name in ["link.zip", "bomb.zip", "traversal.zip", "nested.zip/bien-ban.zip"] {
            #expect(refusedDocuments[name]?.failure?.code == .refusedArchive, "\(name): \(String(describing: refusedDocuments[name]?.failure))")
        }
        // The worker's part: every queued document extracted, as the pipeline does it.
        for sha256 in try store.takeQueuedDocuments(limit: 100) {
            var document = try await Self.extractor.extract(fileAt: contents.url(of: sha256))
            document.file = sha256
            try store.saveDocument(document, fields: DocumentParser().parseDocuments(document.perPage))
        }
        for id in ["trabong-zipped", "trabong-refused"] {
            let stored = try #require(try store.submission(id: id))
            let loaded = LoadedSubmission(submission: stored.submission, framework: try #require(Self.catalog[stored.submission.framework]),
                                          directory: contents.root)
            let item = BatchVerification.Item(loaded: loaded, facts: Pipeline.facts(for: loaded, documents: try store.documents(ofSubmission: id)))
            let result = try #require(try BatchVerification.results(for: [item], stored: BatchVerification.storedEvidence(in: store)).first)
            if id == "trabong-zipped" {
                #expect(result.claims.allSatisfy { $0.flags.isEmpty }, "\(result.claims.map(\.flags))")
            } else {
                #expect(result.claims[0].flags.isEmpty)
                #expect(result.claims[1...].flatMap(\.flags).map(\.reason) == [.unreadable, .unreadable, .unreadable, .unreadable])
            }
        }
    }
}
