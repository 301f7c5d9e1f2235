import EvidenceModel
import Foundation

/// Keeps idle recognizers between pages and documents: loading a traineddata model costs more
/// than a small page's OCR.
final class RecognizerPool: @unchecked Sendable {
    private let factory: any RecognizerFactory
    private let lock = NSLock()
    private var idle: [any PageRecognizer] = []

    init(factory: any RecognizerFactory) { self.factory = factory }

    func withRecognizer<T>(_ body: (any PageRecognizer) throws(ExtractionFailure) -> T) throws(ExtractionFailure) -> T {
        let recognizer = try checkout()
        defer { lock.withLock { idle.append(recognizer) } }
        return try body(recognizer)
    }

    /// Frees the idle engines now rather than at some later deinit (tesseract complains about
    /// models still loaded when the process exits).
    func drain() { lock.withLock { idle.removeAll() } }

    private func checkout() throws(ExtractionFailure) -> any PageRecognizer {
        if let ready = lock.withLock({ idle.popLast() }) { return ready }
        return try factory.makeRecognizer()
    }
}
