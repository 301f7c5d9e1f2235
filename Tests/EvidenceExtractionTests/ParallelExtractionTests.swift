import EvidenceDaemon
import EvidenceModel
import EvidenceExtractionTesting
import Foundation
import Testing
@testable import EvidenceExtraction

/// Pages and files extracted side by side give exactly what one at a time gives, in order, and
/// never load more OCR engines than there are workers.
@Suite struct ParallelExtractionTests {
    static let samples = SampleExpectation.samples

    /// A 12-page PDF (born-digital, mixed, legacy-encoded and scanned pages) joined with qpdf.
    static func longPDF(in folder: URL) throws -> URL {
        let parts = ["born-digital-kh-178.pdf", "mixed-bb-21.pdf", "legacy-tcvn3-qd-1385.pdf", "born-digital-bb-08.pdf",
                     "born-digital-qd-1246.pdf", "legacy-vni-cv-415.pdf", "scanned-signed-cv-2391.pdf", "born-digital-cv-sonha-605.pdf"]
        let output = folder.appendingPathComponent("long.pdf")
        let qpdf = Process()
        qpdf.executableURL = URL(fileURLWithPath: "/usr/bin/qpdf")
        qpdf.arguments = ["--empty", "--pages"] + parts.map { samples.appendingPathComponent($0).path } + ["--", output.path]
        try qpdf.run()
        qpdf.waitUntilExit()
        try #require(qpdf.terminationStatus == 0)
        return output
    }

    @Test func pagesReadOnSeveralThreadsEqualPagesReadInTurn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try Self.longPDF(in: folder)
        let one = try Extractor(options: .init(workers: 1), recognizers: NullRecognizers()).extractSynchronously(fileAt: pdf)
        let three = try Extractor(options: .init(workers: 3), recognizers: NullRecognizers()).extractSynchronously(fileAt: pdf)
        #expect(one.pages >= PDFExtraction.parallelPages)
        #expect(three.perPage == one.perPage)
        #expect(three.warnings == one.warnings)
        #expect(three.digitalSignature == one.digitalSignature)
        #expect(one.perPage.contains { $0.source == .ocr } && one.perPage.contains { $0.source == .text })
    }

    /// Counts the engines alive and the most ever alive at once.
    final class CountingRecognizers: RecognizerFactory, @unchecked Sendable {
        let lock = NSLock()
        var created = 0
        func makeRecognizer() throws(ExtractionFailure) -> any PageRecognizer {
            lock.withLock { created += 1 }
            return try NullRecognizers().makeRecognizer()
        }
    }

    @Test func filesSideBySideShareTheWorkersEngines() async throws {
        let factory = CountingRecognizers()
        let extractor = Extractor(options: .init(workers: 2), recognizers: factory)
        let files = ["scan-tb-96.tif", "scanned-qd-1246.pdf", "mixed-bb-21.pdf", "scanned-signed-cv-2391.pdf", "scan-tb-96.tif"]
            .map { Self.samples.appendingPathComponent($0).path }
        let lines = LineCollector()
        let failures = await ExtractRunner(extractor: extractor, json: true, layout: false, concurrency: 4)
            .run(files: files, output: { lines.append($0) })
        #expect(failures == 0)
        #expect(factory.created <= 2)
        let reported = lines.all.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["file"] as? String
        }
        #expect(reported == files)
    }

    /// Reports leave in the order the files were given, whichever finishes first.
    @Test func reportsKeepTheInputOrder() async {
        struct Slow: DocumentExtracting {
            func extract(fileAt url: URL, progress: ExtractionProgress?) async throws(ExtractionFailure) -> ExtractedDocument {
                let delay = Int(url.lastPathComponent.dropFirst()) ?? 0
                try? await Task.sleep(for: .milliseconds(delay))
                if url.lastPathComponent == "f0" { throw ExtractionFailure(.notFound, "No file.") }
                return StubExtractor.document(url.lastPathComponent, text: "x")
            }
        }
        let files = ["f80", "f0", "f40", "f10", "f60", "f5"]
        let lines = LineCollector()
        let failures = await ExtractRunner(extractor: Slow(), json: true, layout: false, concurrency: 3)
            .run(files: files, output: { lines.append($0) })
        #expect(failures == 1)
        let names = lines.all.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["file"] as? String }
        #expect(names == files)
    }
}
