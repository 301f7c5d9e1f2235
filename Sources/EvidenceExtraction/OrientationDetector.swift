import CTesseract
import Foundation

/// Tesseract's orientation and script detection (`osd.traineddata`), one instance per worker.
final class OrientationDetector {
    private let handle: OpaquePointer

    /// nil when the model is not installed (package tesseract-ocr-osd): pages are then read as they come.
    init?(tessdataPath: String?) {
        guard let api = TessBaseAPICreate() else { return nil }
        guard TessBaseAPIInit2(api, tessdataPath, "osd", OEM_TESSERACT_ONLY) == 0 else {
            TessBaseAPIDelete(api)
            return nil
        }
        TessBaseAPISetPageSegMode(api, PSM_OSD_ONLY)
        // Its notes on pages with too little text to tell go nowhere: nil says the same.
        TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        handle = api
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// Degrees clockwise that turn `image` upright, with tesseract's confidence in it; nil when
    /// the page has too little text to tell.
    func uprightTurn(of image: GrayImage) -> (degrees: Int, confidence: Double)? {
        image.pixels.withUnsafeBufferPointer { buffer in
            TessBaseAPISetImage(handle, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        TessBaseAPISetSourceResolution(handle, Int32(image.dpi))
        defer { TessBaseAPIClear(handle) }
        var degrees: Int32 = 0
        var confidence: Float = 0
        var scriptConfidence: Float = 0
        // orient_deg is how far the text is turned clockwise; the turn back completes the circle.
        guard TessBaseAPIDetectOrientationScript(handle, &degrees, &confidence, nil, &scriptConfidence) != 0 else { return nil }
        return ((360 - Int(degrees)) % 360, Double(confidence))
    }
}
