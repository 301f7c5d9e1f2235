package import EvidenceModel

/// Recognises page images. Instances are used by one thread at a time; a factory makes one per worker.
package protocol PageRecognizer: AnyObject {
    func recognize(_ image: GrayImage, page: Int, deadline: Double) -> OCRResult
}

/// Makes recognizers; the extension point where tests put a null or fault-injecting OCR.
package protocol RecognizerFactory: Sendable {
    func makeRecognizer() throws(ExtractionFailure) -> any PageRecognizer
}

/// What OCR made of one page.
package struct OCRResult: Sendable {
    package var text: String
    /// Mean word confidence, 0...1.
    package var confidence: Double
    package var lines: [TextLine]
    package var failed: Bool
    package var timedOut: Bool
    /// Degrees clockwise the image was turned before it was read (`PageText.rotation`).
    package var rotation: Int
    /// Number of words read.
    package var wordCount: Int { lines.reduce(0) { $0 + $1.words.count } }

    package init(text: String, confidence: Double, lines: [TextLine] = [], failed: Bool = false, timedOut: Bool = false, rotation: Int = 0) {
        self.text = text; self.confidence = confidence; self.lines = lines; self.failed = failed; self.timedOut = timedOut
        self.rotation = rotation
    }
}

/// Tesseract with one language setting.
package struct TesseractFactory: RecognizerFactory {
    package var language: String
    package var tessdataPath: String?
    package init(language: String = "vie", tessdataPath: String? = nil) {
        self.language = language; self.tessdataPath = tessdataPath
    }
    package func makeRecognizer() throws(ExtractionFailure) -> any PageRecognizer {
        try TesseractEngine(language: language, tessdataPath: tessdataPath)
    }
}

