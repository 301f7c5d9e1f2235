import CTesseract
import Foundation

/// Reads the figures a signing software typed into a blank: one line of Latin figures, for which
/// the English model with single-line segmentation is right where the Vietnamese one, on a crop
/// holding nothing else, reads '11' as 'lãi' and an italic '08' as 'U21'. One small engine (4 MB
/// model), made on first use and shared under a lock: fill-ins are a few words per file.
final class FillInReader: @unchecked Sendable {
    static let shared = FillInReader()
    private let lock = NSLock()
    private var engine: TesseractEngine?
    private var unavailable = false

    func read(_ image: GrayImage) -> OCRResult? {
        lock.withLock {
            if engine == nil && !unavailable {
                engine = try? TesseractEngine(language: "eng", tessdataPath: nil, segmentation: PSM_SINGLE_LINE)
                unavailable = engine == nil
            }
            return engine?.recognize(image, page: 1, deadline: 2)
        }
    }
}
