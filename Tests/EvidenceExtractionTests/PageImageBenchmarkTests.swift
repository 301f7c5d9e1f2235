import EvidenceModel
import Foundation
import Testing
@testable import EvidenceExtraction

/// Render and cache-hit times of page and region images on real PDFs (EVIDENCE_PAGE_IMAGE_BENCH=DIR
/// of PDFs; prints the figures, asserts only that a hit returns the rendered bytes).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["EVIDENCE_PAGE_IMAGE_BENCH"] != nil))
struct PageImageBenchmarkTests {
    @Test func renderAndCacheHitTimes() throws {
        let folder = URL(fileURLWithPath: try #require(ProcessInfo.processInfo.environment["EVIDENCE_PAGE_IMAGE_BENCH"]))
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("page-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let images = try PageImages(cacheDirectory: cache)
        let clock = ContinuousClock()
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "pdf" }.sorted { $0.path < $1.path }
        var renders: [Duration] = [], hits: [Duration] = []
        for file in files {
            let sha = try ContentDigest.sha256(fileAt: file)
            let box = Box(x: 0.1, y: 0.1, width: 0.3, height: 0.03)
            var first: PageImage?
            renders.append(clock.measure { first = try? images.page(sha256: sha, fileAt: file, format: .pdf, page: 1, width: 1200, rotation: 0) })
            renders.append(clock.measure { _ = try? images.region(sha256: sha, fileAt: file, format: .pdf, page: 1, box: box, rotation: 0) })
            var again: PageImage?
            hits.append(clock.measure { again = try? images.page(sha256: sha, fileAt: file, format: .pdf, page: 1, width: 1200, rotation: 0) })
            #expect(again?.fromCache == true && again?.png == first?.png)
        }
        let ms = { (d: Duration) in Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000 }
        let sortedRenders = renders.map(ms).sorted(), sortedHits = hits.map(ms).sorted()
        print(String(format: "page images: %d renders, median %.0f ms, max %.0f ms; %d cache hits, median %.2f ms, max %.2f ms",
                     sortedRenders.count, sortedRenders[sortedRenders.count / 2], sortedRenders.last ?? 0,
                     sortedHits.count, sortedHits[sortedHits.count / 2], sortedHits.last ?? 0))
    }
}
