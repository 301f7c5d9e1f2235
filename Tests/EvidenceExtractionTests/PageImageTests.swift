import EvidenceModel
import Foundation
import Testing
@testable import EvidenceExtraction

/// Page and region images for the review screens: upright as OCR saw the page, the box where the
/// extraction put it, cached by content (pages drawn at test time by scripts/make_upright_pages.py
/// and reportlab).
@Suite(.serialized) struct PageImageTests {
    static let folder: URL? = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("page-images-\(UUID().uuidString)")
        guard run(SampleExpectation.root.appendingPathComponent("scripts/make_upright_pages.py").path, folder.path) else { return nil }
        // A born-digital page: the number line at a known place (A4, points from the top left).
        let script = """
            import sys
            from reportlab.pdfgen import canvas
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont
            pdfmetrics.registerFont(TTFont('Serif', '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf'))
            c = canvas.Canvas(sys.argv[1], pagesize=(595.27, 841.89))
            c.setFont('Serif', 14)
            c.drawString(60, 841.89 - 120, 'Số: 24/TTr-UBND')
            c.drawString(300, 841.89 - 400, 'Kính gửi: Sở Nội vụ tỉnh Quảng Ngãi')
            c.showPage(); c.save()
            """
        guard run("-c", script, folder.appendingPathComponent("born-digital.pdf").path) else { return nil }
        // A scan with white margins around its image (86% of the page): OCR reads the image alone.
        let margins = """
            import sys
            from reportlab.pdfgen import canvas
            c = canvas.Canvas(sys.argv[2], pagesize=(842, 595))
            c.drawImage(sys.argv[1], 30, 21, width=782, height=553)
            c.showPage(); c.save()
            """
        guard run("-c", margins, folder.appendingPathComponent("upright.png").path,
                  folder.appendingPathComponent("scan-with-margins.pdf").path) else { return nil }
        return folder
    }()

    static func run(_ arguments: String...) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = arguments
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    static func file(_ name: String) throws -> URL {
        try #require(folder, "the test pages could not be drawn").appendingPathComponent(name)
    }

    static func decode(_ png: Data) throws -> GrayImage {
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        return try ImageDecoder.page(0, of: png, format: .png, maxMegapixels: 50, luma: true)
    }

    /// With EVIDENCE_PAGE_IMAGES=DIR the images are kept there to look at.
    static func keep(_ png: Data, as name: String) {
        guard let folder = ProcessInfo.processInfo.environment["EVIDENCE_PAGE_IMAGES"] else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? png.write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
    }

    /// The bounding box of the ink (luma below 128) in fractions of the image.
    static func inkBox(_ image: GrayImage, threshold: UInt8 = 128) -> Box? {
        var minX = image.width, minY = image.height, maxX = -1, maxY = -1
        for y in 0..<image.height {
            for x in 0..<image.width where image.pixels[y * image.width + x] < threshold {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        guard maxX >= 0 else { return nil }
        let w = Double(image.width), h = Double(image.height)
        return Box(x: Double(minX) / w, y: Double(minY) / h, width: Double(maxX - minX + 1) / w, height: Double(maxY - minY + 1) / h)
    }

    static func close(_ a: Box, _ b: Box, within tolerance: Double = 0.015) -> Bool {
        abs(a.x - b.x) < tolerance && abs(a.y - b.y) < tolerance && abs(a.maxX - b.maxX) < tolerance && abs(a.maxY - b.maxY) < tolerance
    }

    /// The signer's name line on the upright page (drawn centred at 1750, 1330 of 2480 × 1754).
    static let nameBox = Box(x: 0.60, y: 0.735, width: 0.22, height: 0.045)

    @Test(arguments: [("turned-90.png", 90), ("turned-180.png", 180), ("turned-270.png", 270), ("exif-6.jpg", 0),
                      ("rotate-90.pdf", 0), ("rotate-180.pdf", 0), ("upside-down.pdf", 180)])
    func aTurnedScanComesOutUprightAsOCRSawIt(_ name: String, _ rotation: Int) throws {
        let format: FileFormat = name.hasSuffix(".pdf") ? .pdf : name.hasSuffix(".jpg") ? .jpeg : .png
        let upright = try Self.decode(PageImageRenderer.page(fileAt: Self.file("upright.png"), format: .png, page: 1,
                                                             width: 800, rotation: 0))
        let image = try Self.decode(PageImageRenderer.page(fileAt: Self.file(name), format: format, page: 1,
                                                           width: 800, rotation: rotation))
        #expect(image.width == 800 && abs(image.height - upright.height) <= 2, "\(image.width) × \(image.height)")
        let expected = try #require(Self.inkBox(upright)), found = try #require(Self.inkBox(image))
        #expect(Self.close(found, expected), "\(found) vs \(expected)")
        // And the name is where its box says, on the turned file's region too.
        let regionPNG = try PageImageRenderer.region(fileAt: Self.file(name), format: format, page: 1,
                                                     box: Self.nameBox, rotation: rotation)
        Self.keep(regionPNG, as: "region-\(name).png")
        let region = try Self.decode(regionPNG)
        let uprightRegion = try Self.decode(PageImageRenderer.region(fileAt: Self.file("upright.png"), format: .png, page: 1,
                                                                     box: Self.nameBox, rotation: 0))
        let a = try #require(Self.inkBox(region)), b = try #require(Self.inkBox(uprightRegion))
        #expect(Self.close(a, b, within: 0.03), "\(a) vs \(b)")
    }

    @Test func aBornDigitalPageHasItsTextWhereTheBoxSays() throws {
        let url = try Self.file("born-digital.pdf")
        // 1000 is made 1200 wide: the next of the page widths up.
        let page = try Self.decode(PageImageRenderer.page(fileAt: url, format: .pdf, page: 1, width: 1000, rotation: nil))
        #expect(page.width == 1200 && abs(page.height - 1697) <= 2)
        let ink = try #require(Self.inkBox(page))
        // 'Số: 24/TTr-UBND' starts 60 pt from the left, its baseline 120 pt from the top.
        #expect(abs(ink.x - 60 / 595.27) < 0.01 && abs(ink.y + 0.012 - 120 / 841.89) < 0.012, "\(ink)")

        // The region around the number: legible (about 1000 px wide, at most 300 dpi), the box drawn
        // as a red rectangle just outside it, the number's ink inside.
        let box = Box(x: 60 / 595.27, y: 106 / 841.89, width: 110 / 595.27, height: 18 / 841.89)
        let png = try PageImageRenderer.region(fileAt: url, format: .pdf, page: 1, box: box, rotation: nil)
        Self.keep(png, as: "born-digital-region.png")
        let region = try Self.decode(png)
        let crop = PageImageRenderer.crop(around: box)
        #expect(region.width <= 1000 && Double(region.width) <= crop.width * 8.27 * 300 + 2, "\(region.width)")
        #expect(region.width >= 600)
        let scaleX = Double(region.width) / crop.width, scaleY = Double(region.height) / crop.height
        let top = Int(((box.y - crop.y) * scaleY).rounded()) - 3, left = Int(((box.x - crop.x) * scaleX).rounded())
        let right = Int(((box.maxX - crop.x) * scaleX).rounded())
        // The rectangle's top edge: a dark run across the whole box width (no letter draws that).
        let edge = (top - 3...top + 1).contains { y in
            (left..<right).allSatisfy { x in region.pixels[y * region.width + x] < 160 }
        }
        #expect(edge)
        // Inside the mark: ink.
        let inside = region.cropped(x: left + 4, y: top + 6, width: right - left - 8,
                                    height: Int((box.height * scaleY).rounded()) - 6)
        #expect(Self.inkBox(inside) != nil)
        // Without a box: the whole page at the region width.
        let whole = try Self.decode(PageImageRenderer.region(fileAt: url, format: .pdf, page: 1, box: nil, rotation: nil))
        #expect(whole.width == 1000 && abs(whole.height - 1414) <= 2)
    }

    @Test func anOCRPageOfAScanWithMarginsIsFramedOnItsImage() throws {
        let url = try Self.file("scan-with-margins.pdf")
        let upright = try Self.decode(PageImageRenderer.page(fileAt: Self.file("upright.png"), format: .png, page: 1,
                                                             width: 800, rotation: 0))
        let expected = try #require(Self.inkBox(upright))
        // Read by OCR (rotation set): the boxes are fractions of the image, and so is the picture.
        let read = try Self.decode(PageImageRenderer.page(fileAt: url, format: .pdf, page: 1, width: 800, rotation: 0))
        let found = try #require(Self.inkBox(read))
        #expect(Self.close(found, expected), "\(found) vs \(expected)")
        // As a text-layer page (rotation nil) the frame is the whole page, margins included.
        let whole = try Self.decode(PageImageRenderer.page(fileAt: url, format: .pdf, page: 1, width: 800, rotation: nil))
        let shifted = try #require(Self.inkBox(whole))
        #expect(!Self.close(shifted, expected), "\(shifted) vs \(expected)")
    }

    @Test func badRequestsFailClearly() throws {
        let url = try Self.file("born-digital.pdf")
        #expect(throws: PageImageError.noSuchPage(page: 2, pages: 1)) {
            try PageImageRenderer.page(fileAt: url, format: .pdf, page: 2, width: 800, rotation: nil)
        }
        #expect(throws: PageImageError.noSuchPage(page: 0, pages: 1)) {
            try PageImageRenderer.page(fileAt: url, format: .pdf, page: 0, width: 800, rotation: nil)
        }
        #expect(throws: PageImageError.noSuchPage(page: 3, pages: 1)) {
            try PageImageRenderer.region(fileAt: Self.file("upright.png"), format: .png, page: 3, box: nil, rotation: 0)
        }
        #expect(throws: PageImageError.noPageImage(.docx)) {
            try PageImageRenderer.page(fileAt: url, format: .docx, page: 1, width: 800, rotation: nil)
        }
        #expect(throws: PageImageError.self) {
            try PageImageRenderer.page(fileAt: url, format: .pdf, page: 1, width: 800, rotation: 45)
        }
        #expect(throws: PageImageError.self) {
            try PageImageRenderer.region(fileAt: url, format: .pdf, page: 1, box: Box(x: 0.9, y: 0.9, width: 0.5, height: 0.1), rotation: nil)
        }
        // A width outside the range is snapped to the narrowest, not refused.
        let small = try Self.decode(PageImageRenderer.page(fileAt: url, format: .pdf, page: 1, width: 5, rotation: nil))
        #expect(small.width == PageImageLimits.default.widths.first)
        // The pixel limit holds.
        #expect(throws: PageImageError.self) {
            try PageImageRenderer.page(fileAt: url, format: .pdf, page: 1, width: 2400, rotation: nil,
                                       limits: PageImageLimits(maxMegapixels: 1))
        }
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).pdf")
        #expect(throws: PageImageError.self) {
            try PageImageRenderer.page(fileAt: missing, format: .pdf, page: 1, width: 800, rotation: nil)
        }
    }

    @Test func aSecondRequestIsAFileReadOfTheSameBytes() throws {
        let cacheDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("page-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cacheDirectory) }
        let images = try PageImages(cacheDirectory: cacheDirectory)
        // A copy of the original that the test then removes: a hit cannot have rendered.
        let original = cacheDirectory.appendingPathComponent("original.png")
        try FileManager.default.copyItem(at: Self.file("turned-90.png"), to: original)
        let sha = try ContentDigest.sha256(fileAt: original)
        let first = try images.page(sha256: sha, fileAt: original, format: .png, page: 1, width: 640, rotation: 90)
        let region = try images.region(sha256: sha, fileAt: original, format: .png, page: 1, box: Self.nameBox, rotation: 90)
        #expect(!first.fromCache && !region.fromCache)
        try FileManager.default.removeItem(at: original)
        let second = try images.page(sha256: sha, fileAt: original, format: .png, page: 1, width: 640, rotation: 90)
        let regionAgain = try images.region(sha256: sha, fileAt: original, format: .png, page: 1, box: Self.nameBox, rotation: 90)
        #expect(second.fromCache && second.png == first.png)
        #expect(regionAgain.fromCache && regionAgain.png == region.png)
        // A width snapped to the same size is the same image; another size, rotation or box is
        // another image (and here the original is gone).
        #expect(try images.page(sha256: sha, fileAt: original, format: .png, page: 1, width: 700, rotation: 90) == second)
        #expect(throws: PageImageError.self) {
            try images.page(sha256: sha, fileAt: original, format: .png, page: 1, width: 801, rotation: 90)
        }
        #expect(throws: PageImageError.self) {
            try images.page(sha256: sha, fileAt: original, format: .png, page: 1, width: 640, rotation: 0)
        }
        // No temporary files are left next to the cached images.
        let names = try FileManager.default.subpathsOfDirectory(atPath: cacheDirectory.path)
        #expect(!names.contains { $0.hasSuffix(".tmp") })
        #expect(names.filter { $0.hasSuffix(".png") }.count == 2)
        #expect(throws: PageImageError.self) {
            try images.page(sha256: "../../etc/passwd", fileAt: original, format: .png, page: 1, width: 640, rotation: 0)
        }
    }
}
