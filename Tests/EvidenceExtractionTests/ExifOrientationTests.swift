import Foundation
import Testing
@testable import EvidenceExtraction

@Suite struct ExifOrientationTests {
    /// The start of a JPEG: SOI, an APP0, an APP1 EXIF block with IFD0 holding the orientation, SOS.
    static func jpegHead(orientation: UInt16, littleEndian: Bool) -> Data {
        func u16(_ v: UInt16) -> [UInt8] { littleEndian ? [UInt8(v & 0xFF), UInt8(v >> 8)] : [UInt8(v >> 8), UInt8(v & 0xFF)] }
        func u32(_ v: UInt32) -> [UInt8] { littleEndian ? u16(UInt16(v & 0xFFFF)) + u16(UInt16(v >> 16)) : u16(UInt16(v >> 16)) + u16(UInt16(v & 0xFFFF)) }
        let tiff = (littleEndian ? [0x49, 0x49] : [0x4D, 0x4D]) + u16(42) + u32(8)
            + u16(2)                                           // two entries
            + u16(0x010F) + u16(2) + u32(4) + [0x41, 0x42, 0x43, 0]  // Make "ABC"
            + u16(0x0112) + u16(3) + u32(1) + u16(orientation) + [0, 0]
            + u32(0)
        let app1 = [0x45, 0x78, 0x69, 0x66, 0, 0] + tiff
        let app0: [UInt8] = [0xFF, 0xE0, 0, 16] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        let length = app1.count + 2
        return Data([0xFF, 0xD8] + app0 + [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + app1 + [0xFF, 0xDA, 0, 2])
    }

    @Test(arguments: [(UInt16(1), 0), (3, 180), (6, 90), (8, 270), (2, 0), (5, 0)])
    func orientationTagGivesTheTurn(_ tag: UInt16, _ turn: Int) {
        #expect(ExifOrientation.turn(ofJPEG: Self.jpegHead(orientation: tag, littleEndian: true)) == turn)
        #expect(ExifOrientation.turn(ofJPEG: Self.jpegHead(orientation: tag, littleEndian: false)) == turn)
    }

    @Test func noExifNoTurn() {
        #expect(ExifOrientation.turn(ofJPEG: Data([0xFF, 0xD8, 0xFF, 0xDA, 0, 2])) == 0)
        #expect(ExifOrientation.turn(ofJPEG: Data("not a jpeg".utf8)) == 0)
        // Cut off inside the EXIF block.
        #expect(ExifOrientation.turn(ofJPEG: Self.jpegHead(orientation: 6, littleEndian: true).prefix(40)) == 0)
    }
}
