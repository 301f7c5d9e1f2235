/// A rectangle on a page in fractions of the page's width and height (0...1, origin top left),
/// so positions from a text layer (points) and from OCR (pixels at any dpi) compare directly.
package struct Box: Codable, Hashable, Sendable {
    package var x: Double
    package var y: Double
    package var width: Double
    package var height: Double

    package init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    package var maxX: Double { x + width }
    package var maxY: Double { y + height }
    package var midX: Double { x + width / 2 }
    package var midY: Double { y + height / 2 }
}
