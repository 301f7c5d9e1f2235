import EvidenceModel
import CProcessControl
import Foundation

/// OCRs a set of pages in parallel: each worker makes one page image, recognises it and drops it.
enum OCRStep {
    /// `image` is called from worker threads; it must serialise access to shared decoders itself.
    static func recognize(pages: [Int], total: Int, context: inout ExtractionContext,
                          image: @escaping @Sendable (Int) throws(ExtractionFailure) -> GrayImage) throws(ExtractionFailure) -> [Int: PageText] {
        let recognizers = context.recognizers
        let limits = context.options.limits
        let deadline = context.deadline
        let progress = context.progress
        let counter = ProgressCounter(done: total - pages.count, total: total)
        let results = PageScheduler.run(pages: pages, workers: context.options.workers) { page -> Result<OCRResult, ExtractionFailure> in
            let secondsLeft = deadline.timeIntervalSinceNow
            guard secondsLeft > 0 else {
                return .failure(ExtractionFailure(.timeout, "The file took longer than \(Int(limits.secondsPerFile)) s to extract."))
            }
            let result = Result { () throws(ExtractionFailure) -> OCRResult in
                // The engine first, then the image: files extracted side by side share the engines,
                // so at most one page image per engine is ever in memory.
                try recognizers.withRecognizer { recognizer throws(ExtractionFailure) in
                    let picture = try image(page)
                    return recognizer.recognize(picture, page: page + 1, deadline: min(limits.secondsPerPage, secondsLeft))
                }
            }
            // Page images are tens of megabytes: give the freed memory back to the system now, or
            // glibc's per-thread arenas keep it and a long scan's resident size creeps up.
            _ = evidenced_release_free_memory()
            progress?(counter.increment(), total)
            return result
        }
        var pageTexts: [Int: PageText] = [:]
        for page in pages.sorted() {
            guard let result = results[page] else { continue }
            let ocr = try result.get()
            if ocr.timedOut { context.warnings.append("page \(page + 1): OCR stopped at the \(Int(limits.secondsPerPage)) s limit; its text may be incomplete") }
            if ocr.failed { context.warnings.append("page \(page + 1): OCR failed") }
            pageTexts[page] = PageText(page: page + 1, source: .ocr, confidence: ocr.confidence, text: ocr.text, lines: ocr.lines,
                                       rotation: ocr.rotation)
        }
        return pageTexts
    }
}

/// Pages done, counted across worker threads.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done: Int
    let total: Int
    init(done: Int, total: Int) { self.done = done; self.total = total }
    func increment() -> Int { lock.withLock { done += 1; return done } }
}
