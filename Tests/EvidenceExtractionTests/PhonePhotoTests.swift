import Foundation
import Testing
import EvidenceModel
import EvidenceParsing
@testable import EvidenceExtraction

/// A phone photo of a page on a desk (made at test time by scripts/make_phone_photo.py from a sample
/// scan: keystone, desk around it, uneven light) is cut out, straightened and read like the scan.
@Suite final class PhonePhotoTests {
    let folder: URL
    let scan = SampleExpectation.samples.appendingPathComponent("scan-bc-215.jpg")
    var photo: URL { folder.appendingPathComponent("photo.jpg") }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("evidenced-photo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [SampleExpectation.samples.deletingLastPathComponent().appendingPathComponent("scripts/make_phone_photo.py").path,
                             scan.path, folder.appendingPathComponent("photo.jpg").path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "the photo was made")
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func gray(_ url: URL) throws -> GrayImage {
        try ImageDecoder.page(0, of: Data(contentsOf: url), format: .jpeg, maxMegapixels: 150)
    }

    @Test func thePageIsFoundAtItsCornersAndAScanIsLeftAlone() throws {
        let image = try gray(photo)
        let corners = try #require(PagePerspective.pageCorners(image))
        // Where make_phone_photo.py put them, in fractions of the photo.
        let planted = [(0.20, 0.10), (0.82, 0.12), (0.90, 0.92), (0.10, 0.90)]
        for (found, expected) in zip(corners, planted) {
            #expect(abs(found.x / Double(image.width) - expected.0) < 0.03 && abs(found.y / Double(image.height) - expected.1) < 0.03,
                    "corner \(found) against \(expected)")
        }
        #expect(PagePerspective.straightened(try gray(scan)) == nil, "a scan fills its frame")
    }

    @Test func aPhotoReadsLikeTheScan() async throws {
        // `extract` runs the OCR on a thread of its own, not on the pool the other tests share.
        let extractor = Extractor(options: .init(workers: 2))
        let scanned = try await extractor.extract(fileAt: scan), photographed = try await extractor.extract(fileAt: photo)
        let fromScan = DocumentParser().parse(scanned.perPage), fromPhoto = DocumentParser().parse(photographed.perPage)
        // Unstraightened, the keystoned lower half is lost: 855 characters of 1,429, and the signature block.
        #expect(Double(photographed.text.count) >= 0.9 * Double(scanned.text.count))
        #expect(fromPhoto.signer?.name != nil && fromPhoto.signer?.title == fromScan.signer?.title)
        #expect(fromPhoto.type == fromScan.type && fromPhoto.type == "BC")
        #expect(fromPhoto.number == "215/BC-UBND")
        #expect(fromPhoto.issuer == fromScan.issuer)
        #expect(fromPhoto.date == fromScan.date)
    }
}
