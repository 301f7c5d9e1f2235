import EvidenceLoading
import ArgumentParser
import EvidenceDaemon
import EvidenceExtraction
import EvidenceService
import EvidenceStore
import EvidenceVerification
import Foundation

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check submission folders against their evidence (a dry run unless --submit).",
        discussion: "Exit status: 0 when nothing is flagged, 1 when something is, 2 on error.")

    @Argument(help: "Submission folders, each with a submission.json.") var directories: [String]
    @ArgumentParser.Flag(help: "One JSON object per submission (JSON Lines).") var json = false
    @ArgumentParser.Flag(help: "Record the submissions and queue their flags, as the daemon does.") var submit = false
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let catalog: FrameworkCatalog, database: Store?
        do {
            catalog = try store.catalog()
            database = try store.store(mustExist: !submit)
        } catch { throw fail("\(error)") }
        let extractor = Extractor(options: (try? store.configuration().extractionOptions) ?? .init())
        let runner = CheckRunner(catalog: catalog, extractor: extractor, store: database, submit: submit)
        let outcomes = await runner.run(directories: directories.map { URL(fileURLWithPath: $0, isDirectory: true) })
        extractor.releaseEngines()
        for outcome in outcomes { print(json ? CheckReport.jsonLine(outcome) : CheckReport.text(outcome)) }
        let status = CheckRunner.Outcome.exitStatus(outcomes)
        if status != 0 { throw ExitCode(status) }
    }
}
