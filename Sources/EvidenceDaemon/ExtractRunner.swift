package import EvidenceExtraction
import EvidenceModel
import EvidenceParsing
import Foundation

/// `evidenced extract`: one report per file, in the order given; a bad file never stops the others.
/// Up to `concurrency` files are extracted side by side: a born-digital PDF keeps one core busy,
/// and OCR pages share the extractor's engines, so this never loads more models.
package struct ExtractRunner: Sendable {
    package var extractor: any DocumentExtracting
    package var json: Bool
    package var layout: Bool
    package var concurrency: Int

    package init(extractor: any DocumentExtracting, json: Bool, layout: Bool, concurrency: Int = 1) {
        self.extractor = extractor; self.json = json; self.layout = layout; self.concurrency = max(1, concurrency)
    }

    /// Writes one report per file to `output`; returns how many files failed.
    package func run(files: [String], output: @Sendable (String) -> Void, progress: ExtractionProgressReporter? = nil) async -> Int {
        await withTaskGroup(of: (index: Int, report: String, failed: Bool).self) { group in
            var started = 0, written = 0, failures = 0
            var finished: [Int: (report: String, failed: Bool)] = [:]
            func startNext() {
                guard started < files.count else { return }
                let index = started
                started += 1
                group.addTask {
                    let (report, failed) = await self.report(on: files[index], progress: progress)
                    return (index, report, failed)
                }
            }
            for _ in 0..<concurrency { startNext() }
            for await done in group {
                finished[done.index] = (done.report, done.failed)
                // Reports leave in input order, each as soon as all before it are out.
                while let next = finished.removeValue(forKey: written) {
                    output(next.report)
                    if next.failed { failures += 1 }
                    written += 1
                }
                startNext()
            }
            return failures
        }
    }

    private func report(on file: String, progress: ExtractionProgressReporter?) async -> (String, failed: Bool) {
        let outcome: Result<ExtractedDocument, ExtractionFailure>
        do {
            outcome = .success(try await extractor.extract(fileAt: URL(fileURLWithPath: file), progress: progress?.callback(for: file)))
        } catch {
            outcome = .failure(error)
        }
        progress?.finish()
        var fields: DocumentFields?
        if let document = try? outcome.get() {
            fields = await ParsedDocument.fields(of: document, fileAt: URL(fileURLWithPath: file))
        }
        let report = ExtractReport(file: file, outcome: outcome, fields: fields, layout: layout)
        return (json ? JSONLines.encode(report) : ExtractSummary.text(report), (try? outcome.get()) == nil)
    }
}

/// A progress line on a terminal ('file: page 3/20'), nothing when stderr is not a terminal.
package final class ExtractionProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private var shown = false

    package init?() {
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
