import EvidenceModel
import Foundation

/// Pages are read upright: a page that does not read as an upright page reads is checked with
/// tesseract's orientation detection and, when it is turned, read again turned back.
extension TesseractEngine: PageRecognizer {
    func recognize(_ image: GrayImage, page: Int, deadline: Double) -> OCRResult {
        let started = Date()
        let first = read(image, deadline: deadline)
        // The common case costs nothing: an upright page reads with high confidence in lines wider
        // than tall. Orientation detection takes about a third of a page's OCR time even on the
        // reduced image, so running it on every page would cost that much throughput (make bench).
        guard !UprightCheck.readsUpright(first, width: image.width, height: image.height) else { return first }
        let turn = orientation?.uprightTurn(of: image.reduced(toDPI: UprightCheck.detectionDPI))
        guard let turn, turn.degrees != 0, turn.confidence >= UprightCheck.minDetectionConfidence else { return first }
        let left = deadline - Date().timeIntervalSince(started)
        guard left > 1 else { return first }
        var second = read(image.rotated(clockwise: turn.degrees), deadline: left)
        second.rotation = turn.degrees
        // Keep the reading tesseract trusts more: a wrong turn reads worse than none.
        return UprightCheck.prefers(second, over: first, width: image.width, height: image.height) ? second : first
    }
}

/// The thresholds of the upright check, measured on upright and turned pages.
enum UprightCheck {
    /// Resolution orientation detection runs at: at 150 dpi tesseract is as sure of the turn as at
    /// 300 (confidence 13 to 23 on real pages), at 100 dpi much less (2 to 7).
    static let detectionDPI = 150
    static let minDetectionConfidence = 1.0

    /// An upright page reads at this mean word confidence or better (real scans: 0.85 to 0.95;
    /// pages turned 90 or 180 degrees: about 0.4)...
    static let uprightConfidence = 0.75
    static let uprightWords = 20
    /// ...with its words wider than tall. Tesseract reads a page turned 90 degrees as vertical
    /// text, often with high confidence (0.93 on a real page), but in tall, narrow boxes.
    static let uprightHorizontalShare = 0.8

    static func readsUpright(_ result: OCRResult, width: Int, height: Int) -> Bool {
        result.confidence >= uprightConfidence && result.wordCount >= uprightWords
            && horizontalShare(result, width: width, height: height) >= uprightHorizontalShare
    }

    /// Share of the words of three letters or more whose box is wider than tall.
    static func horizontalShare(_ result: OCRResult, width: Int, height: Int) -> Double {
        var long = 0, wide = 0
        for line in result.lines {
            for word in line.words where word.text.count >= 3 {
                long += 1
                if word.box.width * Double(width) >= word.box.height * Double(height) { wide += 1 }
            }
        }
        return long == 0 ? 0 : Double(wide) / Double(long)
    }

    /// The turned reading wins when tesseract trusts it more, counting lines that run across the
    /// page (in the frame each was read in) as worth 0.1 of confidence: a sideways page read as
    /// vertical text can score as high as the same page read upright.
    static func prefers(_ turned: OCRResult, over original: OCRResult, width: Int, height: Int) -> Bool {
        guard !turned.failed else { return false }
        // The turned image is `height` wide when turned a quarter.
        let quarter = turned.rotation % 180 != 0
        let turnedAcross = horizontalShare(turned, width: quarter ? height : width, height: quarter ? width : height) >= uprightHorizontalShare
        let originalAcross = horizontalShare(original, width: width, height: height) >= uprightHorizontalShare
        return turned.confidence + (turnedAcross ? 0.1 : 0) > original.confidence + (originalAcross ? 0.1 : 0)
    }
}
