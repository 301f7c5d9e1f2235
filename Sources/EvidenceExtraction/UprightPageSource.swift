import EvidenceModel
import Foundation

/// A page of a stored original, turned upright the way OCR saw it, so boxes from the extraction
/// (fractions of the upright page) land where they were read.
///
/// - PDF: poppler renders the page as a viewer shows it (with its /Rotate); OCR pages are then
///   turned clockwise by `PageText.rotation`, which PDFExtraction states from that shown page.
/// - Images: decoded with their EXIF orientation, a phone photo's page cut out and straightened
///   exactly as ImageExtraction does before OCR, then turned by `PageText.rotation`.
/// Pixels are luma (a red seal stays visible) even where OCR read the red channel.
enum UprightPageSource {
    /// Upright crop of page `page` (1-based): `crop` in fractions of the upright page, made
    /// `targetWidth` pixels wide but never finer than `maxDPI` (nil: no such bound).
    /// `ocr`: the page was read by OCR (its `PageText.rotation` is set), so a scanned PDF page's
    /// boxes are on the scan's embedded image, as PDFExtraction read it.
    static func image(fileAt url: URL, format: FileFormat, page: Int, rotation: Int, ocr: Bool, crop: Box,
                      targetWidth: Int, maxDPI: Double?, maxMegapixels: Double) throws(PageImageError) -> GrayImage {
        switch format {
        case .pdf:
            return try pdf(url: url, page: page, rotation: rotation, ocr: ocr, crop: crop, targetWidth: targetWidth,
                           maxDPI: maxDPI, maxMegapixels: maxMegapixels)
        case .png, .jpeg, .tiff, .heic:
            return try picture(url: url, format: format, page: page, rotation: rotation, crop: crop,
                               targetWidth: targetWidth, maxDPI: maxDPI, maxMegapixels: maxMegapixels)
        case .text, .docx, .doc, .odt, .xlsx, .ods:
            throw .noPageImage(format)
        }
    }

    private static func pdf(url: URL, page: Int, rotation: Int, ocr: Bool, crop: Box, targetWidth: Int,
                            maxDPI: Double?, maxMegapixels: Double) throws(PageImageError) -> GrayImage {
        do {
            let document = try PDFDocument(fileAt: url)
            guard (1...max(1, document.pageCount)).contains(page), document.pageCount > 0 else {
                throw PageImageError.noSuchPage(page: page, pages: document.pageCount)
            }
            let pdfPage = try document.page(at: page - 1)
            let (pageWidth, pageHeight) = pdfPage.size
            // The frame the boxes are fractions of: the page, or the scan's image where OCR read that.
            let frame = (ocr ? readImageArea(of: pdfPage) : nil) ?? CharacterBox(x1: 0, y1: 0, x2: pageWidth, y2: pageHeight)
            let shownWidth = frame.x2 - frame.x1, shownHeight = frame.y2 - frame.y1
            let quarter = rotation % 180 != 0
            let uprightWidth = quarter ? shownHeight : shownWidth
            let cropPoints = max(1, crop.width * uprightWidth)
            var dpi = Double(targetWidth) * 72 / cropPoints
            if let maxDPI { dpi = min(dpi, maxDPI) }
            let area = shown(crop, rotation: rotation)
            let rendered = try pdfPage.render(
                x: frame.x1 + area.x * shownWidth, y: frame.y1 + area.y * shownHeight,
                width: area.width * shownWidth, height: area.height * shownHeight, scale: dpi / 72, maxMegapixels: maxMegapixels, what: "page", luma: true)
            let upright = rendered.rotated(clockwise: rotation)
            // Rendered at the asked scale: at most a pixel of rounding to trim, never a resample.
            let width = max(1, Int((cropPoints * dpi / 72).rounded()))
            if upright.width >= width, upright.width - width <= 2 {
                return upright.cropped(x: 0, y: 0, width: width, height: upright.height)
            }
            let height = max(1, Int((Double(upright.height) * Double(width) / Double(max(1, upright.width))).rounded()))
            return upright.resized(width: width, height: height)
        } catch let error as PageImageError {
            throw error
        } catch let failure as ExtractionFailure {
            throw failure.code == .imageTooLarge ? .tooLarge(failure.message) : .unreadable(failure)
        } catch {
            throw .unreadable(ExtractionFailure(.corruptPDF, "\(error)"))
        }
    }

    private static func picture(url: URL, format original: FileFormat, page: Int, rotation: Int, crop: Box, targetWidth: Int,
                                maxDPI: Double?, maxMegapixels: Double) throws(PageImageError) -> GrayImage {
        let data: Data
        // A HEIC photo is decoded as extraction decodes it: through libheif's PNG, turned as it says.
        let format: FileFormat = original == .heic ? .png : original
        if original == .heic {
            do { data = try HEICDecoder.png(of: url) } catch { throw .unreadable(error) }
        } else {
            do { data = try Data(contentsOf: url, options: .mappedIfSafe) } catch {
                throw .unreadable(ExtractionFailure(.unreadableFile, "\(url.lastPathComponent) cannot be read: \(error.localizedDescription)"))
            }
        }
        let pages = decoding(format) { ImageDecoder.pageCount(of: data, format: format) }
        guard pages > 0 else { throw .unreadable(ExtractionFailure(.corruptImage, "The \(format.rawValue.uppercased()) image cannot be read.")) }
        guard (1...pages).contains(page) else { throw .noSuchPage(page: page, pages: pages) }
        let upright: GrayImage
        do {
            // What OCR read (its channel decides where the photo's page is found)...
            let read = try decoding(format) { () throws(ExtractionFailure) in
                try ImageDecoder.page(page - 1, of: data, format: format, maxMegapixels: maxMegapixels)
            }
            let corners = read.width >= 200 && read.height >= 200 ? PagePerspective.pageCorners(read) : nil
            // ...shown in luma, cut and straightened the same way.
            var shown = read.channel == .luma ? read : try decoding(format) { () throws(ExtractionFailure) in
                try ImageDecoder.page(page - 1, of: data, format: format, maxMegapixels: maxMegapixels, luma: true)
            }
            if let corners, let straightened = PagePerspective.warp(shown, quad: corners) { shown = straightened }
            upright = shown.rotated(clockwise: rotation)
        } catch {
            throw error.code == .imageTooLarge ? .tooLarge(error.message) : .unreadable(error)
        }
        let left = Int((crop.x * Double(upright.width)).rounded(.down)), top = Int((crop.y * Double(upright.height)).rounded(.down))
        let right = Int((crop.maxX * Double(upright.width)).rounded(.up)), bottom = Int((crop.maxY * Double(upright.height)).rounded(.up))
        let cut = upright.cropped(x: left, y: top, width: right - left, height: bottom - top)
        var scale = Double(targetWidth) / Double(max(1, cut.width))
        if let maxDPI { scale = min(scale, maxDPI / Double(max(1, upright.dpi))) }
        let width = max(1, Int((Double(cut.width) * scale).rounded())), height = max(1, Int((Double(cut.height) * scale).rounded()))
        return cut.resized(width: width, height: height)
    }

    private static let tiffLock = NSLock()

    /// Leptonica's TIFF reader keeps global state, and review images render side by side: one TIFF
    /// decode at a time in the process. PNG and JPEG decode without the lock.
    private static func decoding<T, Failure: Error>(_ format: FileFormat, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        guard format == .tiff else { return try body() }
        tiffLock.lock()
        defer { tiffLock.unlock() }
        return try body()
    }

    /// Where the page's one embedded image lies when PDFExtraction OCRed that image rather than a
    /// render of the page (the same test as `PageRenderer.image(of:)`); nil when it rendered.
    static func readImageArea(of page: PDFPage) -> CharacterBox? {
        let coverage = page.imageCoverage()
        guard let id = coverage.fullPageImageID, let area = coverage.imageArea,
              (try? page.embeddedImage(id: id, area: area, maxMegapixels: ExtractionLimits.default.maxMegapixels)) != nil,
              area.x2 - area.x1 > 1, area.y2 - area.y1 > 1 else { return nil }
        return area
    }

    /// A rectangle of the upright page (what OCR read, turned `rotation` clockwise from the page as
    /// shown) in fractions of the shown page.
    static func shown(_ box: Box, rotation: Int) -> Box {
        switch rotation {
        case 90: Box(x: box.y, y: 1 - box.maxX, width: box.height, height: box.width)
        case 180: Box(x: 1 - box.maxX, y: 1 - box.maxY, width: box.width, height: box.height)
        case 270: Box(x: 1 - box.maxY, y: box.x, width: box.height, height: box.width)
        default: box
        }
    }
}
