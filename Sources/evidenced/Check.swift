import EvidenceLoading
import ArgumentParser
import EvidenceDaemon
import EvidenceExtraction
import EvidenceService
import EvidenceStore
import EvidenceVerification
import Foundation
import Logging

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check submission folders against their evidence (a dry run unless --submit).",
        discussion: "Exit status: 0 when nothing is flagged, 1 when something is, 2 on error.")

    @Argument(help: "Submission folders, each with a submission.json.") var directories: [String]
    @ArgumentParser.Flag(help: "One JSON object per submission (JSON Lines).") var json = false
    @ArgumentParser.Flag(help: "Record the submissions and queue their flags, as the daemon does.") var submit = false
    @Option(help: "With --submit: the data directory whose content store takes the files (default: the folder of --db, else the configured one).")
    var data: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let catalog: FrameworkCatalog, database: Store?, recorder: SubmissionRecorder?
        do {
            catalog = try store.catalog()
            database = try store.store(mustExist: !submit)
            recorder = try database.flatMap { database in submit ? try self.recorder(into: database) : nil }
        } catch { throw fail("\(error)") }
        let extractor = Extractor(options: (try? store.configuration().extractionOptions) ?? .init())
        let runner = recorder.map { CheckRunner(catalog: catalog, extractor: extractor, recorder: $0) }
            ?? CheckRunner(catalog: catalog, extractor: extractor, store: database)
        let outcomes = await runner.run(directories: directories.map { URL(fileURLWithPath: $0, isDirectory: true) })
        extractor.releaseEngines()
        for outcome in outcomes { print(json ? CheckReport.jsonLine(outcome) : CheckReport.text(outcome)) }
        let status = CheckRunner.Outcome.exitStatus(outcomes)
        if status != 0 { throw ExitCode(status) }
    }

    /// The daemon's way of recording: files into the content store of the data directory (`--data`;
    /// else beside `--db`, where the daemon keeps its database; else the configured one).
    private func recorder(into database: Store) throws -> SubmissionRecorder {
        let directory = try data.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? store.db.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? store.configuration().dataDirectoryURL
        return SubmissionRecorder(store: database, contents: try ContentStore(root: Configuration.contentDirectory(in: directory)),
                                  logger: Logger(label: "evidenced-check"))
    }
}
