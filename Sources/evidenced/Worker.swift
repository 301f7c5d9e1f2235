import ArgumentParser
import EvidenceDaemon
import EvidenceExtraction
import Foundation

/// The daemon's child process for one file (not for people: see `extract`).
struct Worker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract one file for the daemon, in a child process (internal).", shouldDisplay: false)

    @Argument(help: "The file (omit with --serve).") var file: String?
    @ArgumentParser.Flag(help: "Serve file paths read line by line from standard input.") var serve = false
    @Option var parent: Int32
    @Option var language = "vie"
    @Option var dpi = 300
    @Option var workers = ExtractionOptions.cores
    @Option var maxPages = ExtractionLimits.default.maxPages
    @Option var maxMegapixels = ExtractionLimits.default.maxMegapixels
    @Option var secondsPerPage = ExtractionLimits.default.secondsPerPage
    @Option var secondsPerFile = ExtractionLimits.default.secondsPerFile
    @Option var trustedCaDir: String?

    func run() async throws {
        let limits = ExtractionLimits(maxPages: maxPages, maxMegapixels: maxMegapixels,
                                      secondsPerPage: secondsPerPage, secondsPerFile: secondsPerFile)
        let options = ExtractionOptions(language: language, dpi: dpi, workers: workers, limits: limits,
                                        trustedCADirectory: trustedCaDir)
        let status: Int32
        if serve {
            status = await WorkerMode.serve(options: options, parent: parent)
        } else if let file {
            status = await WorkerMode.run(file: file, options: options, parent: parent)
        } else {
            throw ValidationError("a file, or --serve")
        }
        if status != 0 { throw ExitCode(status) }
    }
}
