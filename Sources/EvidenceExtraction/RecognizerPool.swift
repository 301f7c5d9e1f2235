import EvidenceModel
import Foundation

/// Keeps idle recognizers between pages and documents (loading a traineddata model costs more
/// than a small page's OCR), and never more than `capacity` of them: files extracted side by side
/// wait for an engine rather than load another 70 MB model each.
final class RecognizerPool: @unchecked Sendable {
    private let factory: any RecognizerFactory
    private let capacity: Int
    private let condition = NSCondition()
    private var idle: [any PageRecognizer] = []
    private var created = 0

    init(factory: any RecognizerFactory, capacity: Int) {
        self.factory = factory
        self.capacity = max(1, capacity)
    }

    func withRecognizer<T>(_ body: (any PageRecognizer) throws(ExtractionFailure) -> T) throws(ExtractionFailure) -> T {
        let recognizer = try checkout()
        defer { checkin(recognizer) }
        return try body(recognizer)
    }

    /// Frees the idle engines now rather than at some later deinit (tesseract complains about
    /// models still loaded when the process exits).
    func drain() {
        condition.withLock {
            created -= idle.count
            idle.removeAll()
        }
    }

    private func checkout() throws(ExtractionFailure) -> any PageRecognizer {
        condition.lock()
        while idle.isEmpty && created >= capacity { condition.wait() }
        if let ready = idle.popLast() {
            condition.unlock()
            return ready
        }
        created += 1
        condition.unlock()
        do { return try factory.makeRecognizer() } catch {
            condition.withLock { created -= 1; condition.signal() }
            throw error
        }
    }

    private func checkin(_ recognizer: any PageRecognizer) {
        condition.withLock {
            idle.append(recognizer)
            condition.signal()
        }
    }
}
