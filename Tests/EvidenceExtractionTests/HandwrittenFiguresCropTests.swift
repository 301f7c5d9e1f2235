import Testing
@testable import EvidenceExtraction

/// Issue 22: the hand-written figures of a blank's crop, alone: the print the crop also catches
/// (the line above cut by the crop's edge, the colon's dots, the blank's dots) falls out.
@Suite struct HandwrittenFiguresCropTests {
    /// White paper with dark rectangles (x, y, width, height).
    static func crop(width: Int = 200, height: Int = 80, marks: [(Int, Int, Int, Int)]) -> GrayImage {
        var pixels = [UInt8](repeating: 250, count: width * height)
        for (left, top, w, h) in marks {
            for y in top..<(top + h) { for x in left..<(left + w) { pixels[y * width + x] = 30 } }
        }
        return GrayImage(width: width, height: height, pixels: pixels, dpi: 300)
    }

    @Test func onlyTheTallInkAwayFromTheEdgesIsKept() throws {
        let image = Self.crop(marks: [
            (0, 0, 200, 4),                      // the line above, cut by the crop's top edge
            (10, 30, 4, 4), (10, 50, 4, 4),      // the colon's dots
            (60, 20, 20, 40), (95, 22, 18, 38),  // two figures
            (40, 70, 3, 3), (130, 70, 3, 3),     // the blank's dots
            (160, 25, 5, 30),                    // a thin stroke standing apart: kept (it may be a '1')
        ])
        let figures = try #require(image.handwrittenFigures(binarised: true))
        #expect(figures.width == 165 - 60 && figures.height == 40)
        #expect(figures.pixels.allSatisfy { $0 == 0 || $0 == 255 })
        // Grey as scanned: the figures keep their ink's grey.
        #expect(image.handwrittenFigures(binarised: false)?.pixels.contains(30) == true)
    }

    @Test func aBlankCropGivesNothing() {
        #expect(Self.crop(marks: []).handwrittenFigures(binarised: true) == nil)
        #expect(Self.crop(marks: [(0, 0, 200, 4)]).handwrittenFigures(binarised: false) == nil)
    }

    @Test func scalingKeepsTheShapeWithAMargin() {
        let figures = Self.crop(width: 100, height: 50, marks: [(10, 10, 30, 30)])
        let scaled = figures.scaled(toHeight: 40, margin: 16)
        #expect(scaled.height == 40 + 32 && scaled.width == 80 + 32)
    }
}
