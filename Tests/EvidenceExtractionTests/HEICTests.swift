import Foundation
import Testing
import EvidenceModel
import EvidenceParsing
@testable import EvidenceExtraction

/// iPhone photos (HEIC): sniffed from the 'ftyp' brand and decoded through libheif's heif-convert.
/// The HEIC is made at test time from a sample scan with heif-enc (libheif-examples).
@Suite final class HEICTests {
    static let encoder = "/usr/bin/heif-enc"
    static let available = FileManager.default.isExecutableFile(atPath: encoder)
        && FileManager.default.isExecutableFile(atPath: HEICDecoder.executable)
    let folder: URL
    let scan = SampleExpectation.samples.appendingPathComponent("scan-bc-215.jpg")

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("evidenced-heic-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    @Test func theFtypBrandTellsAHEIFFile() {
        func box(_ brand: String) -> [UInt8] { [0, 0, 0, 0x18] + Array("ftyp".utf8) + Array(brand.utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8) }
        for brand in ["heic", "heix", "mif1", "hevc"] { #expect(FileSniffer.format(of: box(brand)) == .heic, "\(brand)") }
        #expect(FileSniffer.format(of: box("avif")) != .heic)
        #expect(FileSniffer.format(of: box("isom")) != .heic, "an MP4 video is not a photo")
    }

    @Test(.enabled(if: available, "heif-enc/heif-convert not installed: apt-get install libheif-examples (make deps does)"))
    func aHEICPhotoReadsLikeItsJPEG() async throws {
        let heic = folder.appendingPathComponent("IMG_0001.HEIC")
        let encode = Process()
        encode.executableURL = URL(fileURLWithPath: Self.encoder)
        encode.arguments = ["-q", "90", "-o", heic.path, scan.path]
        encode.standardOutput = FileHandle.nullDevice
        try encode.run()
        encode.waitUntilExit()
        try #require(encode.terminationStatus == 0, "heif-enc made the photo")
        let extractor = Extractor(options: .init(workers: 2))
        let photo = try await extractor.extract(fileAt: heic)
        #expect(photo.format == .heic)
        let jpeg = try await extractor.extract(fileAt: scan)
        #expect(Double(photo.text.count) >= 0.9 * Double(jpeg.text.count), "\(photo.text.count) of \(jpeg.text.count) characters")
        let fields = DocumentParser().parse(photo.perPage)
        #expect(fields.number == "215/BC-UBND")
        #expect(fields.type == "BC")
        // The decoded copy is removed after reading.
        let left = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
            .filter { $0.hasPrefix("evidenced-heic-") && !$0.hasPrefix("evidenced-heic-test-") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test(.enabled(if: available, "heif-convert not installed: apt-get install libheif-examples (make deps does)"))
    func aDamagedHEICIsACorruptImageThatSaysToExportAsJPEG() async throws {
        let broken = folder.appendingPathComponent("broken.heic")
        try Data([0, 0, 0, 0x18] + Array("ftypheic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8) + [UInt8](repeating: 7, count: 4000)).write(to: broken)
        let failure: ExtractionFailure?
        do { _ = try await Extractor(options: .init(workers: 1)).extract(fileAt: broken); failure = nil } catch { failure = error }
        #expect(failure?.code == .corruptImage)
        #expect(failure?.message.contains("JPEG") == true, "\(String(describing: failure))")
    }
}
