import CPoppler
import Foundation

/// Grey images as PNG through cairo, optionally with a red rectangle drawn on them.
enum PNGEncoder {
    /// `mark`: a rectangle in the image's pixels, drawn in red.
    static func png(_ image: GrayImage, mark: (x: Double, y: Double, width: Double, height: Double)? = nil) throws(PageImageError) -> Data {
        guard image.width > 0, image.height > 0,
              let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(image.width), Int32(image.height)),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw .tooLarge("an image of \(image.width) × \(image.height) pixels cannot be made")
        }
        let canvas = CairoCanvas(surface: surface)
        canvas.fill(with: image)
        if let mark { canvas.stroke(mark, lineWidth: max(2, Double(image.width) / 400)) }
        guard let data = canvas.png() else { throw .tooLarge("the PNG of \(image.width) × \(image.height) pixels cannot be written") }
        return data
    }
}

/// One cairo image surface, destroyed with the object.
private final class CairoCanvas {
    let surface: OpaquePointer

    init(surface: OpaquePointer) { self.surface = surface }
    deinit { cairo_surface_destroy(surface) }

    /// Copies grey pixels in (RGB24 is one native-endian 32-bit word a pixel, 0x00RRGGBB).
    func fill(with image: GrayImage) {
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return }
        let stride = Int(cairo_image_surface_get_stride(surface))
        image.pixels.withUnsafeBufferPointer { source in
            for y in 0..<image.height {
                let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<image.width {
                    let grey = UInt32(source[y * image.width + x])
                    row[x] = grey << 16 | grey << 8 | grey
                }
            }
        }
        cairo_surface_mark_dirty(surface)
    }

    func stroke(_ rect: (x: Double, y: Double, width: Double, height: Double), lineWidth: Double) {
        guard let cairo = cairo_create(surface) else { return }
        defer { cairo_destroy(cairo) }
        cairo_set_source_rgb(cairo, 0.9, 0.05, 0.05)
        cairo_set_line_width(cairo, lineWidth)
        // Drawn just outside the box: the ink inside stays unpainted.
        let pad = lineWidth / 2 + 1
        cairo_rectangle(cairo, rect.x - pad, rect.y - pad, rect.width + 2 * pad, rect.height + 2 * pad)
        cairo_stroke(cairo)
        cairo_surface_flush(surface)
    }

    func png() -> Data? {
        let sink = PNGSink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, { closure, bytes, length in
                guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(sink).toOpaque())
        }
        return status == CAIRO_STATUS_SUCCESS ? sink.data : nil
    }
}

private final class PNGSink { var data = Data() }
