/// An 8-bit grey page image, the one form every page takes before OCR.
/// Owning Swift memory keeps C image handles inside the engines that made them.
public struct GrayImage: Sendable {
    public let width: Int
    public let height: Int
    /// Row-major, one byte a pixel, `width` bytes a row.
    public var pixels: [UInt8]
    /// Resolution the image was made or scanned at, for tesseract's size heuristics.
    public let dpi: Int
    /// Which grey of a colour page this is (luma for pages that were grey already).
    public var channel: InkChannel

    public init(width: Int, height: Int, pixels: [UInt8], dpi: Int, channel: InkChannel = .luma) {
        precondition(pixels.count == width * height, "pixel buffer does not match the size")
        self.width = width; self.height = height; self.pixels = pixels; self.dpi = dpi
        self.channel = channel
    }

    public var megapixels: Double { Double(width) * Double(height) / 1_000_000 }
}
