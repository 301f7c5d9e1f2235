package import EvidenceExtraction
package import EvidenceModel
import Foundation

/// OCR that reads nothing, instantly: for tests of scheduling and page decisions.
package struct NullRecognizers: RecognizerFactory {
    package init() {}
    package func makeRecognizer() throws(ExtractionFailure) -> any PageRecognizer { Null() }

    final class Null: PageRecognizer {
        func recognize(_ image: GrayImage, page: Int, deadline: Double) -> OCRResult {
            OCRResult(text: "page \(page) \(image.width)x\(image.height)", confidence: 1)
        }
    }
}

/// OCR that fails in chosen ways on chosen pages: engine start-up failure, a failed or timed-out
/// page, or a slow page.
package struct FaultInjectingRecognizers: RecognizerFactory {
    package enum Fault: Sendable { case failStartup, failPage(Int), timeOutPage(Int), slowPage(Int, seconds: Double) }
    package var faults: [Fault]
    package init(_ faults: [Fault]) { self.faults = faults }

    package func makeRecognizer() throws(ExtractionFailure) -> any PageRecognizer {
        for case .failStartup in faults { throw ExtractionFailure(.ocrFailed, "Injected: the OCR engine did not start.") }
        return Faulty(faults: faults)
    }

    final class Faulty: PageRecognizer {
        let faults: [Fault]
        init(faults: [Fault]) { self.faults = faults }
        func recognize(_ image: GrayImage, page: Int, deadline: Double) -> OCRResult {
            var result = OCRResult(text: "page \(page)", confidence: 0.9)
            for fault in faults {
                switch fault {
                case .failPage(page): result.failed = true; result.text = ""
                case .timeOutPage(page): result.timedOut = true
                case .slowPage(page, let seconds): Thread.sleep(forTimeInterval: min(seconds, deadline))
                default: break
                }
            }
            return result
        }
    }
}
