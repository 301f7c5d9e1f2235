import CTesseract
import EvidenceModel
import Foundation

/// PNG, JPEG and (multi-page) TIFF through leptonica, each page checked against the size limit
/// from its header before any pixel is decoded.
enum ImageDecoder {
    static func pageCount(of data: Data, format: FileFormat) -> Int {
        guard format == .tiff else { return 1 }
        var count = 0
        while header(of: data, format: format, page: count) != nil, count < 100_000 { count += 1 }
        return count
    }

    static func page(_ index: Int, of data: Data, format: FileFormat, maxMegapixels: Double) throws(ExtractionFailure) -> GrayImage {
        guard let (width, height) = header(of: data, format: format, page: index) else {
            throw ExtractionFailure(.corruptImage, "The \(format.rawValue.uppercased()) image cannot be read.")
        }
        try PDFPage.checkSize(width, height, maxMegapixels: maxMegapixels)
        let image = try LeptonicaImage(data: data, format: format, page: index)
        return image.gray()
    }

    private static func header(of data: Data, format: FileFormat, page: Int) -> (Int, Int)? {
        LeptonicaImage.quiet()
        var width: Int32 = 0, height: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0, res: Int32 = 0, cmap: Int32 = 0, kind: Int32 = 0
        let status = data.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return 1 }
            if format == .tiff {
                return readHeaderMemTiff(base, raw.count, Int32(page), &width, &height, &bps, &spp, &res, &cmap, &kind)
            }
            return page == 0 ? pixReadHeaderMem(base, raw.count, &kind, &width, &height, &bps, &spp, &cmap) : 1
        }
        return status == 0 && width > 0 && height > 0 ? (Int(width), Int(height)) : nil
    }
}

/// One decoded leptonica image, freed with the object.
final class LeptonicaImage {
    private var pix: UnsafeMutablePointer<PIX>?

    init(data: Data, format: FileFormat, page: Int) throws(ExtractionFailure) {
        Self.quiet()
        let decoded = data.withUnsafeBytes { raw -> UnsafeMutablePointer<PIX>? in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return nil }
            return format == .tiff ? pixReadMemTiff(base, raw.count, Int32(page)) : pixReadMem(base, raw.count)
        }
        guard let decoded else {
            throw ExtractionFailure(.corruptImage, "Page \(page + 1) of the \(format.rawValue.uppercased()) image cannot be decoded.")
        }
        pix = decoded
    }

    deinit { pixDestroy(&pix) }

    /// The image in 8-bit grey with its resolution, guessed from an A4 width when the file has none.
    func gray() -> GrayImage {
        guard let source = pix, let grey = pixConvertTo8(source, 0) else {
            return GrayImage(width: 0, height: 0, pixels: [], dpi: 300)
        }
        var owned: UnsafeMutablePointer<PIX>? = grey
        defer { pixDestroy(&owned) }
        let width = Int(pixGetWidth(grey)), height = Int(pixGetHeight(grey))
        let wordsPerLine = Int(pixGetWpl(grey))
        var pixels = [UInt8](repeating: 255, count: width * height)
        if let data = pixGetData(grey) {
            let bytes = UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self)
            pixels.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    let row = bytes + y * wordsPerLine * 4
                    // Leptonica packs pixels big-endian within 32-bit words.
                    for x in 0..<width { out[y * width + x] = row[x ^ 3] }
                }
            }
        }
        var dpi = Int(pixGetXRes(source))
        if !(70...1200).contains(dpi) { dpi = min(600, max(70, Int(Double(width) / 8.27))) }
        return GrayImage(width: width, height: height, pixels: pixels, dpi: dpi)
    }

    /// Leptonica prints every decoding complaint to stderr; evidenced reports failures itself.
    static func quiet() { _ = setMsgSeverity(6) }
}
