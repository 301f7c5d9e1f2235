import EvidenceLoading
import Foundation
import Testing
import EvidenceExtraction
import EvidenceModel
import EvidenceStore
import EvidenceVerification
@testable import EvidenceDaemon

/// The sample submissions end to end with the real engines: every planted reason is found, clean
/// claims stay clean, and recording them queues each flag once.
@Suite(.serialized) struct SampleSubmissionTests {
    struct Expected: Decodable {
        var submission: String
        var claims: [String: [FlagReason]]
        var tolerated: [String: [FlagReason]]?
    }

    static let folders = ["bato-huyen-2024", "sonha-huyen-2024", "sontay-huyen-2024", "trabong-huyen-2024"]
        .map { TestPaths.samples.appendingPathComponent("submissions/\($0)", isDirectory: true) }
    static let catalog = try! FrameworkCatalog.load(directory: TestPaths.models.appendingPathComponent("frameworks"))
    static let extractor = Extractor(options: .init(workers: 2))

    static func expected(_ folder: URL) throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
    }

    @Test func checkFindsEveryPlantedReasonAndNothingElse() async throws {
        let outcomes = await CheckRunner(catalog: Self.catalog, extractor: Self.extractor, store: nil, submit: false)
            .run(directories: Self.folders)
        #expect(CheckRunner.Outcome.exitStatus(outcomes) == 1)
        var planted = 0, found = 0
        for (folder, outcome) in zip(Self.folders, outcomes) {
            guard case .checked(let result) = outcome else { Issue.record("\(folder.lastPathComponent) failed: \(outcome)"); continue }
            let expected = try Self.expected(folder)
            for claim in result.claims {
                let key = String(claim.index)
                let want = Set(expected.claims[key] ?? []), allowed = want.union(expected.tolerated?[key] ?? [])
                let got = Set(claim.flags.map(\.reason))
                planted += want.count
                found += want.intersection(got).count
                #expect(want.isSubset(of: got), "\(result.submission) claim \(key): expected \(want.map(\.rawValue)), got \(got.map(\.rawValue))")
                #expect(got.isSubset(of: allowed), "\(result.submission) claim \(key): unexpected \(got.subtracting(allowed).map(\.rawValue))")
                for flag in claim.flags {
                    #expect(!flag.message.isEmpty && flag.message != flag.message.folded, "messages are Vietnamese with diacritics")
                }
            }
        }
        print("Sample submissions: \(found) of \(planted) planted reasons found")
    }

    @Test func submitRecordsOnceAndARecheckQueuesNothingNew() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(path: folder.appendingPathComponent("evidenced.sqlite").path)
        let runner = CheckRunner(catalog: Self.catalog, extractor: Self.extractor, store: store, submit: true)
        let first = await runner.run(directories: Self.folders)
        let flagged = first.reduce(0) { total, outcome in
            if case .checked(let result) = outcome { return total + result.flagCount }
            return total
        }
        let queued = try store.pull(consumer: "scoring", limit: 1000)
        #expect(queued.count == flagged)
        #expect(Set(queued.map(\.id)).count == queued.count)
        // Documents extracted on the first run are reused; nothing new is queued.
        _ = await runner.run(directories: Self.folders)
        #expect(try store.pull(consumer: "scoring", limit: 1000).map(\.id) == queued.map(\.id))
        #expect(try store.backlog().documents[.parsed] ?? 0 > 0)
    }

    @Test func cleanSubmissionExitsZero() async throws {
        let clean = try #require(Self.folders.last)
        let outcomes = await CheckRunner(catalog: Self.catalog, extractor: Self.extractor, store: nil, submit: false)
            .run(directories: [clean])
        #expect(CheckRunner.Outcome.exitStatus(outcomes) == 0)
    }

    @Test func badFolderIsAnErrorNamingTheField() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"{"submission": "x", "unit": {"code": "X", "name": "X", "level": "planet"}}"#
            .write(to: folder.appendingPathComponent("submission.json"), atomically: true, encoding: .utf8)
        let outcomes = await CheckRunner(catalog: Self.catalog, extractor: Self.extractor, store: nil, submit: false)
            .run(directories: [folder, Self.folders[3]])
        #expect(CheckRunner.Outcome.exitStatus(outcomes) == 2)
        guard case .failed(_, let message) = outcomes[0] else { Issue.record("expected an error"); return }
        #expect(message.contains("unit.level"), "names the field: \(message)")
        #expect(message.contains("planet"), "and the value refused: \(message)")
        guard case .checked = outcomes[1] else { Issue.record("the good folder is still checked"); return }
    }
}
