package import EvidenceModel
package import Foundation

/// Bounds on the review screens' images.
package struct PageImageLimits: Sendable, Hashable {
    /// The widths a whole page is made in, ascending. A request is snapped to the next one up (the
    /// widest past it): every width a client may name becomes one of a few images, so asking for
    /// 200...2400 one by one renders and caches five images, not 2201.
    package var widths: [Int]
    /// A region is made about this wide...
    package var regionWidth: Int
    /// ...but never finer than this (dots per inch of the paper): a crop of a few letters stays sharp, not huge.
    package var regionMaxDPI: Double
    /// Largest image made (and largest source decoded or rendered), in megapixels.
    package var maxMegapixels: Double

    package init(widths: [Int] = Self.pageWidths, regionWidth: Int = 1000, regionMaxDPI: Double = 300,
                 maxMegapixels: Double = 40) {
        let sorted = Array(Set(widths.filter { $0 > 0 })).sorted()
        self.widths = sorted.isEmpty ? Self.pageWidths : sorted
        self.regionWidth = regionWidth; self.regionMaxDPI = regionMaxDPI; self.maxMegapixels = maxMegapixels
    }

    package static let pageWidths = [400, 800, 1200, 1600, 2400]
    package static let `default` = PageImageLimits()

    /// The width a page asked `width` pixels wide is made in: the smallest size at least as wide,
    /// else the widest (so also for 0 or a negative width, the narrowest).
    package func snapped(_ width: Int) -> Int {
        widths.first { $0 >= width } ?? widths[widths.count - 1]
    }
}

/// Page and region images of stored originals as PNG, rendered on each call (see `PageImages`
/// for the cached form the web layer uses).
package enum PageImageRenderer {
    /// Page `page` (1-based) about `width` pixels wide (snapped to the limits' widths), upright as OCR saw
    /// it: `rotation` is the page's `PageText.rotation`, nil for a text-layer page (an OCR page of a
    /// scanned PDF has its boxes on the scan's image, which may not fill the page).
    package static func page(fileAt url: URL, format: FileFormat, page: Int, width: Int, rotation: Int?,
                             limits: PageImageLimits = .default) throws(PageImageError) -> Data {
        let turn = try validRotation(rotation)
        let width = limits.snapped(width)
        let image = try UprightPageSource.image(
            fileAt: url, format: format, page: page, rotation: turn, ocr: rotation != nil, crop: Box(x: 0, y: 0, width: 1, height: 1),
            targetWidth: width, maxDPI: nil, maxMegapixels: limits.maxMegapixels)
        try check(image, limits: limits)
        return try PNGEncoder.png(image)
    }

    /// The crop of page `page` around `box` (fractions of the upright page, origin top left) with a
    /// margin, at a resolution where handwriting is legible, the box drawn in red. Without a box,
    /// the whole page at the region width.
    package static func region(fileAt url: URL, format: FileFormat, page: Int, box: Box?, rotation: Int?,
                               limits: PageImageLimits = .default) throws(PageImageError) -> Data {
        let turn = try validRotation(rotation)
        if let box { try validBox(box) }
        let crop = box.map(Self.crop(around:)) ?? Box(x: 0, y: 0, width: 1, height: 1)
        let image = try UprightPageSource.image(
            fileAt: url, format: format, page: page, rotation: turn, ocr: rotation != nil, crop: crop,
            targetWidth: limits.regionWidth, maxDPI: box == nil ? nil : limits.regionMaxDPI, maxMegapixels: limits.maxMegapixels)
        try check(image, limits: limits)
        guard let box else { return try PNGEncoder.png(image) }
        let scaleX = Double(image.width) / crop.width, scaleY = Double(image.height) / crop.height
        let mark = (x: (box.x - crop.x) * scaleX, y: (box.y - crop.y) * scaleY, width: box.width * scaleX, height: box.height * scaleY)
        return try PNGEncoder.png(image, mark: mark)
    }

    /// The box with room around it: the neighbouring lines and a little of the text on either side,
    /// enough to see what the field belongs to. Clamped to the page.
    package static func crop(around box: Box) -> Box {
        let marginX = max(0.06, box.width * 0.3), marginY = max(0.04, box.height * 1.5)
        let left = max(0, box.x - marginX), top = max(0, box.y - marginY)
        let right = min(1, box.maxX + marginX), bottom = min(1, box.maxY + marginY)
        return Box(x: left, y: top, width: max(0.01, right - left), height: max(0.01, bottom - top))
    }

    static func validRotation(_ rotation: Int?) throws(PageImageError) -> Int {
        let turn = rotation ?? 0
        guard [0, 90, 180, 270].contains(turn) else { throw .invalidRequest("rotation \(turn) is not 0, 90, 180 or 270") }
        return turn
    }

    static func validBox(_ box: Box) throws(PageImageError) {
        let values = [box.x, box.y, box.width, box.height]
        guard values.allSatisfy(\.isFinite), box.width > 0, box.height > 0, box.x >= -0.001, box.y >= -0.001,
              box.maxX <= 1.001, box.maxY <= 1.001 else {
            throw .invalidRequest("the box \(values) is not inside the page (fractions 0...1)")
        }
    }

    static func check(_ image: GrayImage, limits: PageImageLimits) throws(PageImageError) {
        guard image.megapixels <= limits.maxMegapixels else {
            throw .tooLarge(String(format: "the image would be %d × %d pixels, over the limit of %.0f megapixels",
                                   image.width, image.height, limits.maxMegapixels))
        }
    }
}
