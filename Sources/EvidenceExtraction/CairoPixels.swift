import CPoppler

/// Turns cairo image surfaces into grey pixels.
enum CairoPixels {
    /// Reads an RGB24 or ARGB32 surface (memory order B, G, R, A/X with its own stride) as grey;
    /// transparent pixels count as white paper.
    static func gray(surface: OpaquePointer, dpi: Int) -> GrayImage {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let hasAlpha = cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32
        var pixels = [UInt8](repeating: 255, count: width * height)
        guard let data = cairo_image_surface_get_data(surface) else {
            return GrayImage(width: width, height: height, pixels: pixels, dpi: dpi)
        }
        pixels.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let row = data + y * stride
                for x in 0..<width {
                    let p = row + x * 4
                    let b = Int(p[0]), g = Int(p[1]), r = Int(p[2])
                    // Rec. 601 luma in integer arithmetic.
                    var luma = (r * 299 + g * 587 + b * 114) / 1000
                    if hasAlpha {
                        // Premultiplied: composite over white.
                        let a = Int(p[3])
                        luma = min(255, luma + (255 - a))
                    }
                    out[y * width + x] = UInt8(luma)
                }
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels, dpi: dpi)
    }
}
