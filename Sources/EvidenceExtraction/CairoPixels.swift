import CPoppler

/// Turns cairo image surfaces into grey pixels.
enum CairoPixels {
    /// Reads an RGB24 or ARGB32 surface (memory order B, G, R, A/X with its own stride) as grey,
    /// in the channel its colours call for (see `InkCensus`) or, with `luma`, as the eye sees it; transparent pixels count as white paper.
    static func gray(surface: OpaquePointer, dpi: Int, luma: Bool = false) -> GrayImage {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let hasAlpha = cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32
        var pixels = [UInt8](repeating: 255, count: width * height)
        guard let data = cairo_image_surface_get_data(surface) else {
            return GrayImage(width: width, height: height, pixels: pixels, dpi: dpi)
        }
        var census = InkCensus(pixels: width * height)
        pixels.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let row = data + y * stride
                for x in 0..<width {
                    let p = row + x * 4
                    // Premultiplied alpha: composite over white.
                    let paper = hasAlpha ? 255 - Int(p[3]) : 0
                    let b = Int(p[0]) + paper, g = Int(p[1]) + paper, r = Int(p[2]) + paper
                    // Rec. 601 luma in integer arithmetic.
                    let luma = min(255, (r * 299 + g * 587 + b * 114) / 1000)
                    census.count(red: r, luma: luma)
                    out[y * width + x] = UInt8(luma)
                }
            }
        }
        // The second pass only on the pages that need it: most pages have no red ink.
        if census.channel == .red, !luma {
            pixels.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    let row = data + y * stride
                    for x in 0..<width {
                        let p = row + x * 4
                        let paper = hasAlpha ? 255 - Int(p[3]) : 0
                        out[y * width + x] = UInt8(min(255, Int(p[2]) + paper))
                    }
                }
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels, dpi: dpi, channel: luma ? .luma : census.channel)
    }
}
