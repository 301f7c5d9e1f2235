/// An 8-bit grey page image, the one form every page takes before OCR.
/// Owning Swift memory keeps C image handles inside the engines that made them.
package struct GrayImage: Sendable {
    package let width: Int
    package let height: Int
    /// Row-major, one byte a pixel, `width` bytes a row.
    package var pixels: [UInt8]
    /// Resolution the image was made or scanned at, for tesseract's size heuristics.
    package let dpi: Int
    /// Which grey of a colour page this is (luma for pages that were grey already).
    package var channel: InkChannel

    package init(width: Int, height: Int, pixels: [UInt8], dpi: Int, channel: InkChannel = .luma) {
        precondition(pixels.count == width * height, "pixel buffer does not match the size")
        self.width = width; self.height = height; self.pixels = pixels; self.dpi = dpi
        self.channel = channel
    }

    package var megapixels: Double { Double(width) * Double(height) / 1_000_000 }
}
