import CPoppler
import CTesseract
import EvidenceModel
import Foundation

/// Number and day drawn by signature fields. When a Vietnamese e-office issues a born-digital file,
/// the clerk's signing software writes the number and the day into the blanks after 'Số:' and
/// 'ngày' as the appearance of small signature fields. pdftotext shows them; poppler-glib's page
/// text leaves annotations out, so the text layer reads 'Số:' | '/TB-UBND'. Those few fields are
/// rendered (annotations included) and OCRed: typed figures, read for sure or not at all (the parser
/// checks the words' confidence).
extension PDFExtraction {
    /// A signature field in the header band no taller than a line of text: the blanks' fill-ins,
    /// not the visible signature stamps (taller, several lines).
    static let fillInBand = 0.3
    static let fillInTop = 0.08
    static let fillInMaxHeight = 0.05
    static let fillInDPI = 300

    /// The page with the words of its header's signature-field fill-ins added (each as its own line,
    /// right after the text-layer line on its row), or the page as it was.
    static func addingFillIns(to text: PageText, of page: PDFPage, context: ExtractionContext) -> PageText {
        let (width, height) = page.size
        guard width > 0, height > 0 else { return text }
        let areas = page.signatureFieldAreas().filter { area in
            let top = area.y1 / height, bottom = area.y2 / height
            // Below the visible signature stamps at the very top, above the body.
            return top >= fillInTop && bottom <= fillInBand && bottom - top <= fillInMaxHeight
        }
        guard !areas.isEmpty else { return text }
        var lines = text.lines
        let textBoxes = page.textWithBoxes().boxes
        for area in areas {
            guard let image = try? page.renderAnnotations(area: area, dpi: fillInDPI, maxMegapixels: context.options.limits.maxMegapixels, textBoxes: textBoxes),
                  let figures = image.croppedToInk(margin: 20),
                  let result = FillInReader.shared.read(figures.image) else { continue }
            // Crop fractions to area fractions to page fractions.
            func place(_ box: EvidenceModel.Box) -> EvidenceModel.Box {
                let areaWidth = area.x2 - area.x1, areaHeight = area.y2 - area.y1
                let crop = figures.frame
                let x = crop.x + box.x * crop.width, y = crop.y + box.y * crop.height
                return EvidenceModel.Box(x: (area.x1 + x * areaWidth) / width, y: (area.y1 + y * areaHeight) / height,
                           width: box.width * crop.width * areaWidth / width, height: box.height * crop.height * areaHeight / height)
            }
            for line in result.lines {
                // A rule's or stroke's sliver read as a glyph is far shorter than the figures.
                let tallest = line.words.map(\.box.height).max() ?? 0
                let words = line.words.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty && $0.box.height >= tallest * 0.4 }
                    .map { TextLine.Word(text: $0.text, box: place($0.box), confidence: $0.confidence) }
                guard !words.isEmpty else { continue }
                let added = TextLine(text: words.map(\.text).joined(separator: " "), box: place(line.box), words: words)
                // After the last text-layer line on the same row, so the header reads in order.
                let row = lines.lastIndex { abs($0.box.midY - added.box.midY) < max($0.box.height, added.box.height) * 0.6 }
                lines.insert(added, at: row.map { $0 + 1 } ?? lines.count)
            }
        }
        guard lines.count != text.lines.count else { return text }
        var updated = text
        updated.lines = lines
        updated.text = TextLayoutBuilder.text(of: lines)
        return updated
    }
}

extension PDFPage {
    /// Where the page's signature fields are, in points from the top left.
    func signatureFieldAreas() -> [CharacterBox] {
        guard let list = poppler_page_get_form_field_mapping(handle) else { return [] }
        defer { poppler_page_free_form_field_mapping(list) }
        let (_, height) = size
        var areas: [CharacterBox] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let data = current.pointee.data {
                let mapping = data.assumingMemoryBound(to: PopplerFormFieldMapping.self).pointee
                if let field = mapping.field, poppler_form_field_get_field_type(field) == POPPLER_FORM_FIELD_SIGNATURE {
                    // Mappings are in PDF space (origin bottom left).
                    let area = mapping.area
                    areas.append(CharacterBox(x1: min(area.x1, area.x2), y1: height - max(area.y1, area.y2),
                                              x2: max(area.x1, area.x2), y2: height - min(area.y1, area.y2)))
                }
            }
            node = current.pointee.next
        }
        return areas
    }

    /// What the annotations draw over one area of the page, on white, in grey: the area rendered, then
    /// the text layer's own characters painted out (the page's text under a field would otherwise be
    /// read with the fill-in; form fields are always rendered, so they cannot be left out instead).
    func renderAnnotations(area: CharacterBox, dpi: Int, maxMegapixels: Double, textBoxes: [CharacterBox]) throws(ExtractionFailure) -> GrayImage {
        let scale = Double(dpi) / 72
        let pixelWidth = Int(((area.x2 - area.x1) * scale).rounded(.up)), pixelHeight = Int(((area.y2 - area.y1) * scale).rounded(.up))
        try Self.checkSize(pixelWidth, pixelHeight, maxMegapixels: maxMegapixels)
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(pixelHeight)),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw ExtractionFailure(.imageTooLarge, "The area cannot be rendered at \(dpi) dpi.")
        }
        defer { cairo_surface_destroy(surface) }
        let cairo = cairo_create(surface)
        defer { cairo_destroy(cairo) }
        cairo_set_source_rgb(cairo, 1, 1, 1)
        cairo_paint(cairo)
        cairo_scale(cairo, scale, scale)
        cairo_translate(cairo, -area.x1, -area.y1)
        poppler_page_render_for_printing(handle, cairo)
        cairo_set_source_rgb(cairo, 1, 1, 1)
        for box in textBoxes where box.x2 > area.x1 && box.x1 < area.x2 && box.y2 > area.y1 && box.y1 < area.y2 {
            cairo_rectangle(cairo, box.x1 - 0.5, box.y1 - 0.5, box.x2 - box.x1 + 1, box.y2 - box.y1 + 1)
        }
        cairo_fill(cairo)
        cairo_surface_flush(surface)
        return CairoPixels.gray(surface: surface, dpi: dpi)
    }
}

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

extension GrayImage {
    /// The image cut down to its dark pixels with a white margin, and where the cut lies (fractions of
    /// this image); nil when the image is blank.
    func croppedToInk(margin: Int, threshold: UInt8 = 160) -> (image: GrayImage, frame: EvidenceModel.Box)? {
        var minX = width, minY = height, maxX = -1, maxY = -1
        for y in 0..<height {
            let row = y * width
            for x in 0..<width where pixels[row + x] < threshold {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        guard maxX >= minX, maxY >= minY else { return nil }
        let inkWidth = maxX - minX + 1, inkHeight = maxY - minY + 1
        let outWidth = inkWidth + 2 * margin, outHeight = inkHeight + 2 * margin
        var out = [UInt8](repeating: 255, count: outWidth * outHeight)
        for y in 0..<inkHeight {
            let source = (minY + y) * width + minX
            let target = (margin + y) * outWidth + margin
            for x in 0..<inkWidth { out[target + x] = pixels[source + x] }
        }
        // The frame of the output image within this one (the margin reaches outside it).
        let frame = EvidenceModel.Box(x: Double(minX - margin) / Double(width), y: Double(minY - margin) / Double(height),
                        width: Double(outWidth) / Double(width), height: Double(outHeight) / Double(height))
        return (GrayImage(width: outWidth, height: outHeight, pixels: out, dpi: dpi), frame)
    }
}
