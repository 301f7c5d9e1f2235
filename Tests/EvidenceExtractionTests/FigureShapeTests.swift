import EvidenceModel
import Testing
@testable import EvidenceExtraction

/// Issue 22: the outline of each hand-written figure settles a 1, 4 or 7 that tesseract reads as
/// another of them (a 1 with a long flag read 4 in every condition). Figures drawn here as pen
/// strokes the way the real blanks' clerks write them.
@Suite struct FigureShapeTests {
    /// Strokes of a pen `thickness` wide on white paper, from (x0, y0) to (x1, y1).
    static func drawn(width: Int = 220, height: Int = 110, thickness: Double = 6, _ strokes: [(Double, Double, Double, Double)]) -> GrayImage {
        var pixels = [UInt8](repeating: 245, count: width * height)
        for (x0, y0, x1, y1) in strokes {
            let steps = Int(max(abs(x1 - x0), abs(y1 - y0)) * 2) + 1
            for step in 0...steps {
                let t = Double(step) / Double(steps)
                let cx = x0 + (x1 - x0) * t, cy = y0 + (y1 - y0) * t
                let r = thickness / 2
                for y in Int(cy - r)...Int(cy + r) {
                    for x in Int(cx - r)...Int(cx + r) where x >= 0 && y >= 0 && x < width && y < height {
                        if (Double(x) - cx) * (Double(x) - cx) + (Double(y) - cy) * (Double(y) - cy) <= r * r { pixels[y * width + x] = 25 }
                    }
                }
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels, dpi: 300)
    }

    static func shapes(_ image: GrayImage) -> [FigureShape] { FigureInk(image, inside: nil)?.shapes ?? [] }

    /// A 1 with a long flag from its top down to the left, as tesseract reads '4'.
    static let flaggedOne: [(Double, Double, Double, Double)] = [(60, 18, 28, 50), (60, 18, 60, 92)]
    /// An open 4: the arm down to the crossbar, the crossbar, the stem through it.
    static let openFour: [(Double, Double, Double, Double)] = [(44, 22, 34, 68), (34, 68, 84, 66), (70, 20, 68, 92)]
    /// A 7 with its bar on top and a crossbar through the stem.
    static let barredSeven: [(Double, Double, Double, Double)] = [(36, 22, 84, 20), (84, 20, 58, 92), (56, 56, 84, 56)]

    @Test func aFlaggedOneAnOpenFourAndABarredSevenAreToldApart() {
        #expect(Self.shapes(Self.drawn(Self.flaggedOne)) == [.one])
        #expect(Self.shapes(Self.drawn(Self.openFour)) == [.four])
        #expect(Self.shapes(Self.drawn(Self.barredSeven)) == [.seven])
    }

    @Test func otherFiguresAreUnsure() {
        // A 0 (a ring of strokes) and a 2 (bar, diagonal, base): their outline settles nothing.
        let zero = Self.drawn([(60, 20, 80, 30), (80, 30, 82, 80), (82, 80, 60, 92), (60, 92, 40, 80), (40, 80, 42, 30), (42, 30, 60, 20)])
        let two = Self.drawn([(40, 28, 60, 20), (60, 20, 80, 32), (80, 32, 40, 90), (40, 90, 86, 90)])
        #expect(Self.shapes(zero) == [.unsure])
        #expect(Self.shapes(two) == [.unsure])
    }

    @Test func figuresAreReadLeftToRightAndAFigureInTwoStrokesIsOne() {
        // '14' side by side, then a 5 whose bar was lifted off its body (two components, one figure).
        let fourteen = Self.drawn(Self.flaggedOne + Self.openFour.map { ($0.0 + 70, $0.1, $0.2 + 70, $0.3) })
        #expect(Self.shapes(fourteen) == [.one, .four])
        let five = Self.drawn([(50, 20, 84, 20), (48, 30, 46, 52), (46, 52, 80, 60), (80, 60, 78, 86), (78, 86, 44, 90)])
        #expect(Self.shapes(five).count == 1)
        // Nothing but paper: no figures.
        #expect(Self.shapes(Self.drawn([])) == [])
    }
}
