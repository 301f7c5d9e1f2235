import Foundation
import Testing
import EvidenceModel
import EvidenceExtractionTesting
@testable import EvidenceExtraction

/// The orchestration with fake OCR engines: page order, progress, and injected faults.
@Suite struct ExtractorFaultTests {
    static let tiff = SampleExpectation.samples.appendingPathComponent("scan-tb-96.tif")
    static let mixed = SampleExpectation.samples.appendingPathComponent("mixed-bb-21.pdf")

    final class Progress: @unchecked Sendable {
        let lock = NSLock(); var seen: [(Int, Int)] = []
        func record(_ done: Int, _ total: Int) { lock.withLock { seen.append((done, total)) } }
    }

    @Test func multiPageTIFFPagesComeBackInOrderWithProgress() throws {
        let progress = Progress()
        let extractor = Extractor(options: .init(workers: 2), recognizers: NullRecognizers())
        let document = try extractor.extractSynchronously(fileAt: Self.tiff) { progress.record($0, $1) }
        #expect(document.format == .tiff)
        #expect(document.pages == 2)
        #expect(document.perPage.map(\.page) == [1, 2])
        #expect(document.perPage.allSatisfy { $0.source == .ocr && $0.text.hasPrefix("page \($0.page) ") })
        #expect(progress.seen.last.map { $0 == (2, 2) } == true)
    }

    @Test func mixedPDFOCRsOnlyTheScannedPage() throws {
        let extractor = Extractor(options: .init(workers: 2), recognizers: NullRecognizers())
        let document = try extractor.extractSynchronously(fileAt: Self.mixed)
        #expect(document.perPage.map(\.source) == [.text, .ocr])
        // The embedded 300-dpi scan is used as it is, not re-rendered.
        #expect(document.perPage[1].text.hasPrefix("page 2 "))
    }

    @Test func engineThatCannotStartFailsTheFileClearly() {
        let extractor = Extractor(recognizers: FaultInjectingRecognizers([.failStartup]))
        #expect(throws: ExtractionFailure.self) { try extractor.extractSynchronously(fileAt: Self.tiff) }
        do { _ = try extractor.extractSynchronously(fileAt: Self.tiff) } catch { #expect(error.code == .ocrFailed) }
    }

    @Test func timedOutAndFailedPagesBecomeWarnings() throws {
        let extractor = Extractor(recognizers: FaultInjectingRecognizers([.timeOutPage(1), .failPage(2)]))
        let document = try extractor.extractSynchronously(fileAt: Self.tiff)
        #expect(document.warnings.contains { $0.hasPrefix("page 1:") && $0.contains("limit") })
        #expect(document.warnings.contains { $0.hasPrefix("page 2:") && $0.contains("failed") })
    }

    @Test func fileDeadlineStopsALongExtraction() {
        var limits = ExtractionLimits.default
        limits.secondsPerFile = 0.2
        let extractor = Extractor(options: .init(workers: 1, limits: limits),
                                  recognizers: FaultInjectingRecognizers([.slowPage(1, seconds: 0.5)]))
        do {
            _ = try extractor.extractSynchronously(fileAt: Self.tiff)
            Issue.record("expected a timeout")
        } catch { #expect(error.code == .timeout) }
    }
}
