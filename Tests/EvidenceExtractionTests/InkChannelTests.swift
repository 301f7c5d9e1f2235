import Foundation
import Testing
@testable import EvidenceExtraction

/// The grey a colour page is read in: the red channel when red ink (a seal) lies over black print,
/// luma otherwise.
@Suite struct InkChannelTests {
    /// A binary PPM (leptonica reads it like any image): white paper, then each mark painted in turn.
    static func page(width: Int = 400, height: Int = 400,
                     marks: [(rect: (x: Int, y: Int, w: Int, h: Int), rgb: (UInt8, UInt8, UInt8))]) -> Data {
        var rgb = [UInt8](repeating: 255, count: width * height * 3)
        for mark in marks {
            for y in mark.rect.y..<min(height, mark.rect.y + mark.rect.h) {
                for x in mark.rect.x..<min(width, mark.rect.x + mark.rect.w) {
                    let at = (y * width + x) * 3
                    (rgb[at], rgb[at + 1], rgb[at + 2]) = mark.rgb
                }
            }
        }
        return Data("P6\n\(width) \(height)\n255\n".utf8) + Data(rgb)
    }

    static let black: (UInt8, UInt8, UInt8) = (20, 20, 20)
    static let sealRed: (UInt8, UInt8, UInt8) = (225, 35, 50)
    static let pen: (UInt8, UInt8, UInt8) = (30, 40, 150)

    /// Lines of "print": bars 8 px high every 24 px across the page.
    static let print = (0..<14).map { (rect: (x: 40, y: 30 + 24 * $0, w: 320, h: 8), rgb: black) }
    /// A seal's ring drawn as four thick sides of a square over the print (drawn after it).
    static let seal = [(x: 150, y: 150, w: 140, h: 20), (x: 150, y: 270, w: 140, h: 20),
                       (x: 150, y: 150, w: 20, h: 140), (x: 270, y: 150, w: 20, h: 140)]
        .map { (rect: $0, rgb: sealRed) }

    static func decode(_ data: Data) throws -> GrayImage {
        try ImageDecoder.page(0, of: data, format: .png, maxMegapixels: 10)
    }

    @Test func blackPrintAloneIsReadInLuma() throws {
        #expect(try Self.decode(Self.page(marks: Self.print)).channel == .luma)
    }

    @Test func aSealOverThePrintIsReadAwayButThePrintUnderItStays() throws {
        // Print over the seal where they cross, as a stamp over typed lines looks after scanning.
        let crossing = (rect: (x: 150, y: 156, w: 140, h: 8), rgb: Self.black)
        let image = try Self.decode(Self.page(marks: Self.print + Self.seal + [crossing]))
        #expect(image.channel == .red)
        let sealOnly = image.pixels[166 * image.width + 160]     // ring, below the crossing line
        let printUnderSeal = image.pixels[160 * image.width + 200]
        let printElsewhere = image.pixels[34 * image.width + 100]
        #expect(sealOnly > 200)
        #expect(printUnderSeal < 60)
        #expect(printElsewhere < 60)
    }

    @Test func aPageSetInRedKeepsItsRedPrint() throws {
        let redPrint = Self.print.map { (rect: $0.rect, rgb: Self.sealRed) }
        #expect(try Self.decode(Self.page(marks: redPrint)).channel == .luma)
    }

    @Test func aRedSpeckIsNotASeal() throws {
        let speck = (rect: (x: 380, y: 380, w: 10, h: 10), rgb: Self.sealRed)  // 0.06 % of the page
        #expect(try Self.decode(Self.page(marks: Self.print + [speck])).channel == .luma)
    }

    @Test func bluePenStaysInLuma() throws {
        // The red channel would not remove blue ink: nothing to gain from it.
        let signature = (rect: (x: 150, y: 200, w: 150, h: 40), rgb: Self.pen)
        #expect(try Self.decode(Self.page(marks: Self.print + [signature])).channel == .luma)
    }

    @Test func theCensusThresholds() {
        // 0.1 % of the page in red ink that is not most of the ink: a seal.
        #expect(InkCensus(pixels: 100_000, ink: 5_000, redInk: 100).channel == .red)
        #expect(InkCensus(pixels: 100_000, ink: 5_000, redInk: 99).channel == .luma)
        // Red ink is most of the ink: red print.
        #expect(InkCensus(pixels: 100_000, ink: 5_000, redInk: 2_600).channel == .luma)
        #expect(InkCensus(pixels: 100_000, ink: 0, redInk: 0).channel == .luma)
    }
}
