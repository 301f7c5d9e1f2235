import EvidenceModel
import Foundation
import Testing
import EvidenceExtraction
import EvidenceStore
@testable import EvidenceService

/// A flag's region from what the daemon stored: the file through its submission, the original from
/// the content store, the page's OCR rotation from the stored extraction.
@Suite struct ReviewImagesTests {
    static let unit = Submission.Unit(code: "H-TRABONG", name: "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG", level: .district)
    /// Where the black block is on the upright page (fractions).
    static let block = Box(x: 0.30, y: 0.40, width: 0.20, height: 0.06)

    static func python(_ script: String, _ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aFlagsRegionComesFromTheStoredOriginalTurnedAsOCRReadIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("review-images-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // An upright page with a black block where the box says, stored on its side (turned 90°
        // counter-clockwise): OCR turned it 90° clockwise to read it.
        let scan = folder.appendingPathComponent("scan.png")
        _ = try Self.python("""
            import sys
            from PIL import Image, ImageDraw
            W, H = 1240, 1754
            im = Image.new('RGB', (W, H), 'white')
            ImageDraw.Draw(im).rectangle([0.30 * W, 0.40 * H, 0.50 * W - 1, 0.46 * H - 1], fill='black')
            im.rotate(90, expand=True).save(sys.argv[1], dpi=(150, 150))
            """, scan.path)

        let store = try Store.inMemory()
        let content = try ContentStore(root: folder.appendingPathComponent("objects"))
        let sha256 = try content.put(fileAt: scan)
        let submission = Submission(submission: "trabong-2024", unit: Self.unit, framework: "f",
                                    period: .init(from: "2024-01-01", to: "2024-12-31"),
                                    claims: [.init(indicator: "2.1.2", score: 3, evidence: [.init(file: "scan.png")])])
        _ = try store.recordSubmission(submission, manifestSHA256: String(repeating: "b", count: 64), files: ["scan.png": sha256])
        try store.saveDocument(ExtractedDocument(file: "scan.png", sha256: sha256, format: .png, pages: 1, perPage: [
            PageText(page: 1, source: .ocr, confidence: 0.9, text: "…", rotation: 90),
        ]), fields: nil)
        let ids = try store.recordResult(SubmissionResult(submission: "trabong-2024", unit: Self.unit, claims: [
            ClaimResult(index: 0, indicator: "2.1.2", score: 3, flags: [
                Flag(reason: .needsReview, message: "Cần xem số", file: "scan.png", page: 1, field: .number, box: Self.block),
                Flag(reason: .scoreAboveMax, message: "Vượt điểm tối đa"),
            ]),
        ]))

        let images = ReviewImages(store: store, content: content,
                                  images: try PageImages(cacheDirectory: folder.appendingPathComponent("cache")))
        let region = try images.region(flagId: ids[0])
        #expect(!region.fromCache && Array(region.png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        #expect(try images.region(flagId: ids[0]) == PageImage(png: region.png, fromCache: true))
        let file = folder.appendingPathComponent("region.png")
        try region.png.write(to: file)
        // The block (black) lies inside the red rectangle, which hugs it.
        let verdict = try Self.python("""
            import sys
            from PIL import Image
            im = Image.open(sys.argv[1]).convert('RGB'); W, H = im.size; px = im.load()
            black = [(x, y) for y in range(H) for x in range(W) if max(px[x, y]) < 80]
            red = [(x, y) for y in range(H) for x in range(W) if px[x, y][0] > 180 and px[x, y][1] < 90]
            bx0, by0 = min(p[0] for p in black), min(p[1] for p in black)
            bx1, by1 = max(p[0] for p in black), max(p[1] for p in black)
            rx0, ry0 = min(p[0] for p in red), min(p[1] for p in red)
            rx1, ry1 = max(p[0] for p in red), max(p[1] for p in red)
            inside = rx0 <= bx0 and ry0 <= by0 and bx1 <= rx1 and by1 <= ry1
            hugs = max(bx0 - rx0, by0 - ry0, rx1 - bx1, ry1 - by1) < 0.03 * W
            print('ok' if inside and hugs else f'block {bx0, by0, bx1, by1} red {rx0, ry0, rx1, ry1} size {W, H}')
            """, file.path)
        #expect(verdict == "ok")

        let page = try images.page(sha256: sha256, page: 1, width: 620)
        #expect(!page.fromCache)
        #expect(throws: ReviewImageError.noPlace(ids[1])) { try images.region(flagId: ids[1]) }
        #expect(throws: ReviewImageError.unknownFlag(999)) { try images.region(flagId: 999) }
        let other = String(repeating: "c", count: 64)
        #expect(throws: ReviewImageError.unknownDocument(other)) { try images.page(sha256: other, page: 1, width: 620) }
        #expect(throws: ReviewImageError.image(.noSuchPage(page: 2, pages: 1))) { try images.page(sha256: sha256, page: 2, width: 620) }
    }
}
