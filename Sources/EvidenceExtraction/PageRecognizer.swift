public import EvidenceModel

/// Recognises page images. Instances are used by one thread at a time; a factory makes one per worker.
public protocol PageRecognizer: AnyObject {
    func recognize(_ image: GrayImage, page: Int, deadline: Double) -> OCRResult
}

/// Makes recognizers; the extension point where tests put a null or fault-injecting OCR.
public protocol RecognizerFactory: Sendable {
    func makeRecognizer() throws(ExtractionFailure) -> any PageRecognizer
}

/// What OCR made of one page.
public struct OCRResult: Sendable {
    public var text: String
    /// Mean word confidence, 0...1.
    public var confidence: Double
    public var lines: [TextLine]
    public var failed: Bool
    public var timedOut: Bool
    /// Degrees clockwise the image was turned before it was read (`PageText.rotation`).
    public var rotation: Int
    /// Number of words read.
    public var wordCount: Int { lines.reduce(0) { $0 + $1.words.count } }

    public init(text: String, confidence: Double, lines: [TextLine] = [], failed: Bool = false, timedOut: Bool = false, rotation: Int = 0) {
        self.text = text; self.confidence = confidence; self.lines = lines; self.failed = failed; self.timedOut = timedOut
        self.rotation = rotation
    }
}

/// Tesseract with one language setting.
public struct TesseractFactory: RecognizerFactory {
    public var language: String
    public var tessdataPath: String?
    public init(language: String = "vie", tessdataPath: String? = nil) {
        self.language = language; self.tessdataPath = tessdataPath
    }
    public func makeRecognizer() throws(ExtractionFailure) -> any PageRecognizer {
        try TesseractEngine(language: language, tessdataPath: tessdataPath)
    }
}

