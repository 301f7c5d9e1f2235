import CPoppler
import EvidenceModel
import Foundation

/// One page of a `PDFDocument`. Sizes are in PDF points (1/72 inch).
final class PDFPage {
    let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }
    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    var size: (width: Double, height: Double) {
        var width = 0.0, height = 0.0
        poppler_page_get_size(handle, &width, &height)
        return (width, height)
    }

    /// Whether the page's /Rotate is a quarter turn (90 or 270): the page as shown (`size`) is then
    /// the stored page (its crop box) on its side. poppler-glib does not give /Rotate itself.
    var isQuarterTurned: Bool {
        var crop = PopplerRectangle()
        poppler_page_get_crop_box(handle, &crop)
        let (width, height) = size
        let storedWidth = abs(crop.x2 - crop.x1), storedHeight = abs(crop.y2 - crop.y1)
        guard abs(storedWidth - storedHeight) > 1 else { return false }
        return abs(storedWidth - height) < 1 && abs(storedHeight - width) < 1
    }

    /// The text layer in reading order, NFC.
    var text: String {
        guard let raw = poppler_page_get_text(handle) else { return "" }
        defer { g_free(raw) }
        return String(cString: raw)
    }

    /// The text layer with one rectangle per character (empty when poppler gives none or they
    /// do not line up with the text).
    func textWithBoxes() -> (text: String, boxes: [CharacterBox]) {
        guard let raw = poppler_page_get_text(handle) else { return ("", []) }
        defer { g_free(raw) }
        let text = String(cString: raw)
        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(handle, &rects, &count) != 0, let rects else { return (text, []) }
        defer { g_free(rects) }
        let boxes = UnsafeBufferPointer(start: rects, count: Int(count)).map {
            CharacterBox(x1: $0.x1, y1: $0.y1, x2: $0.x2, y2: $0.y2)
        }
        return (text, boxes)
    }

    /// Character ranges (offsets into `textWithBoxes().text`) and the font each is set in.
    func fontRuns() -> [(range: ClosedRange<Int>, font: String)] {
        guard let list = poppler_page_get_text_attributes(handle) else { return [] }
        defer { poppler_page_free_text_attributes(list) }
        var runs: [(ClosedRange<Int>, String)] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let data = current.pointee.data {
                let attributes = data.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                let start = Int(attributes.start_index), end = Int(attributes.end_index)
                if start <= end, let name = attributes.font_name {
                    runs.append((start...end, String(cString: name)))
                }
            }
            node = current.pointee.next
        }
        return runs
    }

    /// Fraction of the page area covered by images, and the single full-page image if there is one.
    func imageCoverage() -> (fraction: Double, fullPageImageID: Int32?, imageArea: CharacterBox?) {
        guard let list = poppler_page_get_image_mapping(handle) else { return (0, nil, nil) }
        defer { poppler_page_free_image_mapping(list) }
        let (width, height) = size
        let pageArea = max(1, width * height)
        // On a page shown on its side, poppler gives each area in the stored page's orientation but
        // shifted by the shown page's width or height: only the area's size can be trusted there.
        let quarterTurned = isQuarterTurned
        var covered = 0.0
        var mappings: [(id: Int32, box: CharacterBox)] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let data = current.pointee.data {
                let mapping = data.assumingMemoryBound(to: PopplerImageMapping.self).pointee
                let a = mapping.area
                let box = quarterTurned
                    ? CharacterBox(x1: 0, y1: 0, x2: min(height, abs(a.x2 - a.x1)), y2: min(width, abs(a.y2 - a.y1)))
                    : CharacterBox(x1: max(0, min(a.x1, a.x2)), y1: max(0, min(a.y1, a.y2)),
                                   x2: min(width, max(a.x1, a.x2)), y2: min(height, max(a.y1, a.y2)))
                covered += max(0, box.x2 - box.x1) * max(0, box.y2 - box.y1)
                mappings.append((mapping.image_id, box))
            }
            node = current.pointee.next
        }
        let fraction = min(1, covered / pageArea)
        if mappings.count == 1, fraction >= 0.85 { return (fraction, mappings[0].id, mappings[0].box) }
        return (fraction, nil, nil)
    }

    /// Renders the page on white at `dpi`, in grey.
    func render(dpi: Int, maxMegapixels: Double) throws(ExtractionFailure) -> GrayImage {
        let (width, height) = size
        return try render(x: 0, y: 0, width: width, height: height, dpi: dpi, maxMegapixels: maxMegapixels, what: "page")
    }

    /// Renders an area of the page (points, origin top left) on white at `dpi`, in grey; `overdraw`
    /// then draws on it in page coordinates before the pixels are read.
    func render(x: Double, y: Double, width: Double, height: Double, dpi: Int, maxMegapixels: Double, what: String,
                luma: Bool = false, overdraw: (OpaquePointer) -> Void = { _ in }) throws(ExtractionFailure) -> GrayImage {
        try render(x: x, y: y, width: width, height: height, scale: Double(dpi) / 72, maxMegapixels: maxMegapixels,
                   what: what, luma: luma, overdraw: overdraw)
    }

    /// The same at any scale (pixels per point): the review screens ask for exact widths.
    func render(x: Double, y: Double, width: Double, height: Double, scale: Double, maxMegapixels: Double, what: String,
                luma: Bool = false, overdraw: (OpaquePointer) -> Void = { _ in }) throws(ExtractionFailure) -> GrayImage {
        let dpi = max(1, Int((scale * 72).rounded()))
        let pixelWidth = Int((width * scale - 1e-6).rounded(.up)), pixelHeight = Int((height * scale - 1e-6).rounded(.up))
        try Self.checkSize(pixelWidth, pixelHeight, maxMegapixels: maxMegapixels)
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(pixelHeight)),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw ExtractionFailure(.imageTooLarge, "The \(what) cannot be rendered at \(dpi) dpi.")
        }
        defer { cairo_surface_destroy(surface) }
        let cairo = cairo_create(surface)
        defer { cairo_destroy(cairo) }
        // A new RGB24 surface is transparent black: paint the paper white first.
        cairo_set_source_rgb(cairo, 1, 1, 1)
        cairo_paint(cairo)
        cairo_scale(cairo, scale, scale)
        cairo_translate(cairo, -x, -y)
        poppler_page_render_for_printing(handle, cairo)
        if let cairo { overdraw(cairo) }
        cairo_surface_flush(surface)
        return CairoPixels.gray(surface: surface, dpi: dpi, luma: luma)
    }

    /// The page's one embedded image (usually a scanner's 300-dpi JPEG), decoded without re-rendering;
    /// nil when only a render shows it the way a viewer does.
    func embeddedImage(id: Int32, area: CharacterBox, maxMegapixels: Double) throws(ExtractionFailure) -> GrayImage? {
        // A page shown on its side (/Rotate 90 or 270) is rendered: poppler turns it the right way,
        // which the image alone does not tell.
        guard !isQuarterTurned else { return nil }
        guard let surface = poppler_page_get_image(handle, id) else { return nil }
        defer { cairo_surface_destroy(surface) }
        let pixelWidth = Int(cairo_image_surface_get_width(surface))
        let pixelHeight = Int(cairo_image_surface_get_height(surface))
        // An image drawn on its side onto the page (its own transformation turns it) likewise.
        let (pageWidth, pageHeight) = size
        guard (pixelWidth >= pixelHeight) == (pageWidth >= pageHeight) || abs(pixelWidth - pixelHeight) < pixelWidth / 20 else { return nil }
        try Self.checkSize(pixelWidth, pixelHeight, maxMegapixels: maxMegapixels)
        let widthInches = max(0.01, (area.x2 - area.x1) / 72)
        let dpi = Int((Double(pixelWidth) / widthInches).rounded())
        // Too coarse or oddly scaled images OCR better from a proper render.
        guard (150...600).contains(dpi) else { return nil }
        return CairoPixels.gray(surface: surface, dpi: dpi)
    }

    static func checkSize(_ width: Int, _ height: Int, maxMegapixels: Double) throws(ExtractionFailure) {
        let megapixels = Double(width) * Double(height) / 1_000_000
        guard width > 0, height > 0, megapixels <= maxMegapixels, width < 32_768, height < 32_768 else {
            throw ExtractionFailure(.imageTooLarge, String(format:
                "The page image is %d × %d pixels (%.0f megapixels), over the limit of %.0f.",
                width, height, megapixels, maxMegapixels))
        }
    }
}

/// A rectangle in PDF points, origin top left.
struct CharacterBox: Hashable, Sendable {
    var x1: Double, y1: Double, x2: Double, y2: Double
}
