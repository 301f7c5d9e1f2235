import Foundation
import Testing
import EvidenceModel
@testable import EvidenceExtraction

@Suite struct FileSnifferTests {
    @Test(arguments: [
        (Array("%PDF-1.7\n".utf8), FileFormat.pdf),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], .png),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], .jpeg),
        ([0x49, 0x49, 0x2A, 0x00, 8, 0], .tiff),
        ([0x4D, 0x4D, 0x00, 0x2A, 0, 8], .tiff),
        (Array("Số: 178/KH-UBND\nTrà Bồng".utf8), .text),
    ] as [([UInt8], FileFormat)])
    func sniffsFromBytes(_ bytes: [UInt8], _ format: FileFormat) {
        #expect(FileSniffer.format(of: bytes) == format)
    }

    @Test func binaryIsNothing() {
        #expect(FileSniffer.format(of: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]) == nil)
        #expect(FileSniffer.format(of: [UInt8]()) == nil)
        #expect(FileSniffer.format(of: [0xC3, 0x28, 0x41, 0x42]) == nil) // invalid UTF-8
    }

    @Test func textCutInsideAMultiByteCharacterIsStillText() {
        let bytes = Array(String(repeating: "Độc lập ", count: 10_000).utf8)
        #expect(FileSniffer.format(of: bytes) == .text)
    }
}
