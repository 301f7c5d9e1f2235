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

    /// `luma`: grey as the eye sees it (a red seal stays visible), for showing the page to people;
    /// otherwise the channel OCR reads best.
    static func page(_ index: Int, of data: Data, format: FileFormat, maxMegapixels: Double, luma: Bool = false) throws(ExtractionFailure) -> GrayImage {
        guard let (width, height) = header(of: data, format: format, page: index) else {
            throw ExtractionFailure(.corruptImage, "The \(format.rawValue.uppercased()) image cannot be read.")
        }
        try PDFPage.checkSize(width, height, maxMegapixels: maxMegapixels)
        let image = try LeptonicaImage(data: data, format: format, page: index).gray(luma: luma)
        // Viewers show a photo the way its EXIF orientation says; so does OCR.
        return format == .jpeg ? image.rotated(clockwise: ExifOrientation.turn(ofJPEG: data)) : image
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

    /// The image in 8-bit grey with its resolution, guessed from an A4 width when the file has none;
    /// colour images in the channel their colours call for (see `InkCensus`).
    func gray(luma: Bool = false) -> GrayImage {
        guard let source = pix else { return GrayImage(width: 0, height: 0, pixels: [], dpi: 300) }
        var colour: UnsafeMutablePointer<PIX>? = pixGetColormap(source) != nil
            ? pixRemoveColormap(source, Int32(REMOVE_CMAP_BASED_ON_SRC)) : pixClone(source)
        defer { pixDestroy(&colour) }
        if let colour, pixGetDepth(colour) == 32 {
            return Self.gray(rgb: colour, dpi: Self.resolution(of: source), luma: luma)
        }
        guard let grey = pixConvertTo8(colour ?? source, 0) else {
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
        return GrayImage(width: width, height: height, pixels: pixels, dpi: Self.resolution(of: source))
    }

    private static func resolution(of pix: UnsafeMutablePointer<PIX>) -> Int {
        let dpi = Int(pixGetXRes(pix))
        return (70...1200).contains(dpi) ? dpi : min(600, max(70, Int(Double(pixGetWidth(pix)) / 8.27)))
    }

    /// A 32-bit RGB image (one word a pixel: red in the high byte) in grey, as `CairoPixels` does it.
    private static func gray(rgb: UnsafeMutablePointer<PIX>, dpi: Int, luma: Bool) -> GrayImage {
        let width = Int(pixGetWidth(rgb)), height = Int(pixGetHeight(rgb))
        let wordsPerLine = Int(pixGetWpl(rgb))
        var pixels = [UInt8](repeating: 255, count: width * height)
        guard let data = pixGetData(rgb) else { return GrayImage(width: width, height: height, pixels: pixels, dpi: dpi) }
        var census = InkCensus(pixels: width * height)
        pixels.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let row = data + y * wordsPerLine
                for x in 0..<width {
                    let word = Int(row[x])
                    let r = word >> 24 & 0xFF, g = word >> 16 & 0xFF, b = word >> 8 & 0xFF
                    let luma = (r * 299 + g * 587 + b * 114) / 1000
                    census.count(red: r, luma: luma)
                    out[y * width + x] = UInt8(luma)
                }
            }
        }
        if census.channel == .red, !luma {
            pixels.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    let row = data + y * wordsPerLine
                    for x in 0..<width { out[y * width + x] = UInt8(Int(row[x]) >> 24 & 0xFF) }
                }
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels, dpi: dpi, channel: luma ? .luma : census.channel)
    }

    /// Leptonica prints every decoding complaint to stderr; evidenced reports failures itself.
    static func quiet() { _ = setMsgSeverity(6) }
}
