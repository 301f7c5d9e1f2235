import ArgumentParser
import EvidenceDaemon
import EvidenceExtraction
import Foundation

struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract the text of evidence files (PDF, PNG, JPEG, TIFF, HEIC, Office, UTF-8 text), page by page.")

    @Argument(help: "Evidence files.") var files: [String]
    @ArgumentParser.Flag(help: "One JSON object per file (JSON Lines).") var json = false
    @ArgumentParser.Flag(help: "With --json, each line's box on the page.") var layout = false
    @Option(help: "Tesseract language(s).") var language = "vie"
    @Option(help: "Resolution PDF pages are rendered at for OCR.") var dpi = 300
    @Option(help: "Parallel workers: OCR engines, and files extracted side by side (default: the number of cores).") var workers = ExtractionOptions.cores
    @Option(help: "Refuse files with more pages.") var maxPages = ExtractionLimits.default.maxPages
    @Option(help: "Refuse images larger than this many megapixels.") var maxMegapixels = ExtractionLimits.default.maxMegapixels
    @Option(help: "OCR time limit per page, in seconds.") var secondsPerPage = ExtractionLimits.default.secondsPerPage
    @Option(help: "Folder of CA certificates (PEM or DER) whose signatures count as trusted.") var trustedCaDir: String?

    func validate() throws {
        guard (72...1200).contains(dpi) else { throw ValidationError("--dpi must be between 72 and 1200.") }
        guard workers >= 1 else { throw ValidationError("--workers must be at least 1.") }
        guard maxPages >= 1, maxMegapixels > 0, secondsPerPage > 0 else { throw ValidationError("Limits must be positive.") }
    }

    func run() async throws {
        var limits = ExtractionLimits.default
        limits.maxPages = maxPages; limits.maxMegapixels = maxMegapixels; limits.secondsPerPage = secondsPerPage
        let options = ExtractionOptions(language: language, dpi: dpi, workers: workers, limits: limits,
                                        trustedCADirectory: trustedCaDir.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        let extractor = Extractor(options: options)
        let runner = ExtractRunner(extractor: extractor, json: json, layout: layout, concurrency: workers)
        let failures = await runner.run(files: files, output: { print($0) }, progress: ExtractionProgressReporter())
        extractor.releaseEngines()
        if failures > 0 { throw ExitCode(1) }
    }
}
