import CTesseract
import EvidenceModel
import Foundation

/// One tesseract instance. Not thread-safe: one per worker thread.
final class TesseractEngine {
    let handle: OpaquePointer
    private let tessdataPath: String?
    /// Loaded on the first page that does not read upright (most never need it).
    lazy var orientation: OrientationDetector? = OrientationDetector(tessdataPath: tessdataPath)

    init(language: String, tessdataPath: String?, segmentation: TessPageSegMode = PSM_AUTO) throws(ExtractionFailure) {
        guard let api = TessBaseAPICreate() else {
            throw ExtractionFailure(.ocrFailed, "Tesseract could not be started.")
        }
        // Init3 returns 0 on success; a missing traineddata file is the usual failure.
        // LSTM only: the legacy engine's classifier is never used and costs tens of megabytes per worker.
        guard TessBaseAPIInit2(api, tessdataPath, language, OEM_LSTM_ONLY) == 0 else {
            TessBaseAPIDelete(api)
            throw ExtractionFailure(.ocrFailed,
                "Tesseract has no model for language '\(language)' (install tesseract-ocr-\(language)).")
        }
        TessBaseAPISetPageSegMode(api, segmentation)
        // Keep interword spaces as printed so columns stay apart in the plain text.
        TessBaseAPISetVariable(api, "preserve_interword_spaces", "1")
        // Tesseract's own notes ('Detected 368 diacritics') would fill a worker's stderr, which the
        // daemon keeps for the operator when the worker fails: failures come back as return codes.
        TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        handle = api
        self.tessdataPath = tessdataPath
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// Recognises one page image as it is; `deadline` bounds tesseract's own work.
    func read(_ image: GrayImage, deadline: Double) -> OCRResult {
        image.pixels.withUnsafeBufferPointer { buffer in
            // SetImage copies the pixels, so the buffer only has to live through the call.
            TessBaseAPISetImage(handle, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        TessBaseAPISetSourceResolution(handle, Int32(image.dpi))
        defer { TessBaseAPIClear(handle) }

        let monitor = TessMonitorCreate()
        defer { TessMonitorDelete(monitor) }
        TessMonitorSetDeadlineMSecs(monitor, Int32(min(Double(Int32.max), deadline * 1000)))
        let started = Date()
        let status = TessBaseAPIRecognize(handle, monitor)
        let timedOut = Date().timeIntervalSince(started) >= deadline

        let text: String
        if let raw = TessBaseAPIGetUTF8Text(handle) {
            text = String(cString: raw).nfc
            TessDeleteText(raw)
        } else {
            text = ""
        }
        let confidence = Double(max(0, TessBaseAPIMeanTextConf(handle))) / 100
        let lines = readLines(width: Double(image.width), height: Double(image.height))
        return OCRResult(text: text, confidence: confidence, lines: lines,
                         failed: status != 0, timedOut: timedOut)
    }

    /// Walks the result iterator word by word, starting a line wherever tesseract does.
    private func readLines(width: Double, height: Double) -> [TextLine] {
        guard let iterator = TessBaseAPIGetIterator(handle) else { return [] }
        defer { TessResultIteratorDelete(iterator) }
        let pageIterator = TessResultIteratorGetPageIterator(iterator)
        var lines: [TextLine] = []
        var words: [TextLine.Word] = []
        var lineBox = EvidenceModel.Box(x: 0, y: 0, width: 0, height: 0)

        func box(_ level: TessPageIteratorLevel) -> EvidenceModel.Box? {
            var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
            guard TessPageIteratorBoundingBox(pageIterator, level, &left, &top, &right, &bottom) != 0 else { return nil }
            return EvidenceModel.Box(x: Double(left) / width, y: Double(top) / height,
                       width: Double(right - left) / width, height: Double(bottom - top) / height)
        }
        func endLine() {
            if !words.isEmpty {
                lines.append(TextLine(text: words.map(\.text).joined(separator: " "), box: lineBox, words: words))
            }
            words = []
        }
        repeat {
            if TessPageIteratorIsAtBeginningOf(pageIterator, RIL_TEXTLINE) != 0 {
                endLine()
                lineBox = box(RIL_TEXTLINE) ?? lineBox
            }
            guard let raw = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
            let word = String(cString: raw).nfc
            TessDeleteText(raw)
            // The word's confidence tells a hand-filled figure from a printed one (the parser abstains).
            let confidence = Double(max(0, min(100, TessResultIteratorConfidence(iterator, RIL_WORD)))) / 100
            if !word.isEmpty, let wordBox = box(RIL_WORD) { words.append(.init(text: word, box: wordBox, confidence: confidence)) }
        } while TessResultIteratorNext(iterator, RIL_WORD) != 0
        endLine()
        return lines
    }
}

