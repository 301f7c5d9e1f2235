import Testing
@testable import EvidenceExtraction

@Suite struct GrayImageTurningTests {
    // 3 wide, 2 high:  1 2 3
    //                  4 5 6
    static let image = GrayImage(width: 3, height: 2, pixels: [1, 2, 3, 4, 5, 6], dpi: 300)

    @Test func aQuarterTurnClockwise() {
        let turned = Self.image.rotated(clockwise: 90)
        #expect(turned.width == 2 && turned.height == 3)
        #expect(turned.pixels == [4, 1, 5, 2, 6, 3])
    }

    @Test func halfAndThreeQuarterTurns() {
        #expect(Self.image.rotated(clockwise: 180).pixels == [6, 5, 4, 3, 2, 1])
        let back = Self.image.rotated(clockwise: 270)
        #expect(back.width == 2 && back.height == 3)
        #expect(back.pixels == [3, 6, 2, 5, 1, 4])
    }

    @Test func turnsAddUp() {
        #expect(Self.image.rotated(clockwise: 90).rotated(clockwise: 270).pixels == Self.image.pixels)
        #expect(Self.image.rotated(clockwise: 90).rotated(clockwise: 90).pixels == Self.image.rotated(clockwise: 180).pixels)
        #expect(Self.image.rotated(clockwise: 360).pixels == Self.image.pixels)
    }

    @Test func reducedAveragesSquares() {
        let image = GrayImage(width: 4, height: 2, pixels: [0, 100, 200, 200, 100, 200, 0, 0], dpi: 300)
        let small = image.reduced(toDPI: 150)
        #expect(small.width == 2 && small.height == 1 && small.dpi == 150)
        #expect(small.pixels == [100, 100])
        #expect(image.reduced(toDPI: 300).pixels == image.pixels)
    }
}
