import CTesseract
import EvidenceModel
import Foundation

/// Reads the hand-filled figures of a blank's crop under several conditions (issue 22): the grey as
/// scanned and Otsu's black and white, three sizes, tesseract's single line and single word modes,
/// always with the English LSTM model restricted to figures (`tessedit_char_whitelist`) and its
/// per-character alternatives kept (`lstm_choice_mode`). One reading is not to be trusted
/// (tesseract reads a hand-written '24' as '84' with confidence); what the readings agree on is
/// judged by `HandwrittenFigures` (EvidenceModel) with thresholds measured on labelled crops.
///
/// One small engine made on first use and shared under a lock: this runs only for the blanks the
/// parser abstained on as hand-written, two crops a document at most, a dozen small readings each.
final class HandwritingReader: @unchecked Sendable {
    static let shared = HandwritingReader()
    private let lock = NSLock()
    private var engine: TesseractEngine?
    private var unavailable = false

    /// Figure heights in pixels, measured on the labelled crops (scripts/handwriting_crops.py):
    /// 32-48 read hand figures best, 64 much worse.
    static let heights = [32, 40, 48]
    static let modes: [(name: String, mode: TessPageSegMode)] = [("line", PSM_SINGLE_LINE), ("word", PSM_SINGLE_WORD)]
    static let deadline = 2.0

    /// Every condition's reading of the crop; empty when no figures stand in it. `inside`: the
    /// blank's columns when the crop reaches past it (`GrayImage.handwrittenFigures`).
    /// `modes`: tesseract's segmentations to read in (`modes`, or some of them).
    func readings(of crop: GrayImage, inside: Range<Int>? = nil,
                  modes: [(name: String, mode: TessPageSegMode)] = HandwritingReader.modes) -> [HandwrittenFigures.Reading] {
        FigureInk(crop, inside: inside).map { readings(of: $0, in: crop, modes: modes) } ?? []
    }

    /// Every condition's reading of the figures' ink found in `crop` (`FigureInk`), for a caller that
    /// also wants the ink's outlines without finding it again.
    func readings(of ink: FigureInk, in crop: GrayImage,
                  modes: [(name: String, mode: TessPageSegMode)] = HandwritingReader.modes) -> [HandwrittenFigures.Reading] {
        var out: [HandwrittenFigures.Reading] = []
        for binarised in [false, true] {
            let figures = ink.figures(of: crop, binarised: binarised)
            for height in Self.heights {
                let image = figures.scaled(toHeight: height, margin: height * 2 / 5)
                for (name, mode) in modes {
                    let condition = "\(binarised ? "otsu" : "grey")/\(height)px/\(name)"
                    if let reading = read(image, mode: mode, condition: condition) { out.append(reading) }
                }
            }
        }
        return out
    }

    private func read(_ image: GrayImage, mode: TessPageSegMode, condition: String) -> HandwrittenFigures.Reading? {
        lock.withLock {
            if engine == nil && !unavailable {
                engine = try? TesseractEngine(language: "eng", tessdataPath: nil, segmentation: mode)
                if let engine {
                    TessBaseAPISetVariable(engine.handle, "tessedit_char_whitelist", "0123456789")
                    // 2: every character's alternatives as the LSTM weighed them, for the choice iterator.
                    TessBaseAPISetVariable(engine.handle, "lstm_choice_mode", "2")
                }
                unavailable = engine == nil
            }
            guard let engine else { return nil }
            TessBaseAPISetPageSegMode(engine.handle, mode)
            return engine.readFigures(image, deadline: Self.deadline, condition: condition)
        }
    }
}

extension TesseractEngine {
    /// The figures read, the least sure figure's confidence and each figure's strongest rival.
    func readFigures(_ image: GrayImage, deadline: Double, condition: String) -> HandwrittenFigures.Reading {
        image.pixels.withUnsafeBufferPointer { buffer in
            TessBaseAPISetImage(handle, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        TessBaseAPISetSourceResolution(handle, 300)
        defer { TessBaseAPIClear(handle) }
        let monitor = TessMonitorCreate()
        defer { TessMonitorDelete(monitor) }
        TessMonitorSetDeadlineMSecs(monitor, Int32(deadline * 1000))
        guard TessBaseAPIRecognize(handle, monitor) == 0, let iterator = TessBaseAPIGetIterator(handle) else {
            return .init(condition: condition, text: "", confidence: 0)
        }
        defer { TessResultIteratorDelete(iterator) }
        var text = "", least = 1.0
        var rivals: [HandwrittenFigures.Rival?] = []
        repeat {
            guard let raw = TessResultIteratorGetUTF8Text(iterator, RIL_SYMBOL) else { continue }
            let symbol = String(cString: raw)
            TessDeleteText(raw)
            guard symbol.count == 1, symbol.allSatisfy({ $0.isASCII && $0.isNumber }) else { continue }
            text += symbol
            least = min(least, Double(max(0, min(100, TessResultIteratorConfidence(iterator, RIL_SYMBOL)))) / 100)
            var rival: HandwrittenFigures.Rival?
            if let choices = TessResultIteratorGetChoiceIterator(iterator) {
                repeat {
                    guard let choice = TessChoiceIteratorGetUTF8Text(choices) else { continue }
                    let figure = String(cString: choice)
                    let confidence = Double(max(0, min(100, TessChoiceIteratorConfidence(choices)))) / 100
                    if figure != symbol, confidence > (rival?.confidence ?? 0) { rival = .init(figure: figure, confidence: confidence) }
                } while TessChoiceIteratorNext(choices) != 0
                TessChoiceIteratorDelete(choices)
            }
            rivals.append(rival)
        } while TessResultIteratorNext(iterator, RIL_SYMBOL) != 0
        return .init(condition: condition, text: text, confidence: text.isEmpty ? 0 : least, rivals: rivals)
    }
}
