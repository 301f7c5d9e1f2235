import EvidenceExtraction
import EvidenceModel
import EvidenceParsing
import Foundation

/// `evidenced extract`: every file in turn, one report each; a bad file never stops the others.
public struct ExtractRunner: Sendable {
    public var extractor: any DocumentExtracting
    public var json: Bool
    public var layout: Bool

    public init(extractor: any DocumentExtracting, json: Bool, layout: Bool) {
        self.extractor = extractor; self.json = json; self.layout = layout
    }

    /// Writes one report per file to `output`; returns how many files failed.
    public func run(files: [String], output: @Sendable (String) -> Void, progress: ExtractionProgressReporter? = nil) async -> Int {
        var failures = 0
        for file in files {
            let url = URL(fileURLWithPath: file)
            let outcome: Result<ExtractedDocument, ExtractionFailure>
            do {
                outcome = .success(try await extractor.extract(fileAt: url, progress: progress?.callback(for: file)))
            } catch {
                outcome = .failure(error)
                failures += 1
            }
            progress?.finish()
            let fields = (try? outcome.get()).map { DocumentParser().parse($0.perPage) }
            let report = ExtractReport(file: file, outcome: outcome, fields: fields, layout: layout)
            output(json ? JSONLines.encode(report) : ExtractSummary.text(report))
        }
        return failures
    }
}

/// A progress line on a terminal ('file: page 3/20'), nothing when stderr is not a terminal.
public final class ExtractionProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private var shown = false

    public init?() {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
    }

    func callback(for file: String) -> ExtractionProgress {
        { [self] done, total in
            guard total > 1 else { return }
            lock.withLock {
                shown = true
                FileHandle.standardError.write(Data("\r\u{1B}[K\(file): page \(done)/\(total)".utf8))
            }
        }
    }

    func finish() {
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            shown = false
        }
    }
}
