import EvidenceModel
import Foundation
import Testing
@testable import EvidenceExtraction

/// Turned, sealed and photographed pages read as well as the upright, unsealed page (real tesseract;
/// the pages are drawn at test time by scripts/make_upright_pages.py).
@Suite(.serialized) struct UprightPageTests {
    static let extractor = Extractor(options: ExtractionOptions(workers: 2))
    static let signerLines = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Hoàng Tuấn"]

    /// The pages, drawn once for the suite.
    static let folder: URL? = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upright-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [SampleExpectation.root.appendingPathComponent("scripts/make_upright_pages.py").path, folder.path]
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? folder : nil
    }()

    static func read(_ name: String) throws -> PageText {
        let folder = try #require(folder, "scripts/make_upright_pages.py failed")
        let document = try extractor.extractSynchronously(fileAt: folder.appendingPathComponent(name))
        return try #require(document.perPage.first)
    }

    /// Text with runs of spaces made one (tesseract keeps the gaps between words as printed).
    static func flat(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func missingSignerLines(_ page: PageText) -> [String] {
        signerLines.filter { !flat(page.text).contains($0) }
    }

    /// The line holding the signer's name, in page fractions.
    static func nameBox(_ page: PageText) -> Box? {
        page.lines.first { flat($0.text).contains("Hoàng Tuấn") }?.box
    }

    @Test func theUprightPageReadsItsSignatureBlock() throws {
        let page = try Self.read("upright.png")
        #expect(page.rotation == 0)
        #expect(Self.missingSignerLines(page).isEmpty)
        let box = try #require(Self.nameBox(page))
        #expect(box.x > 0.5 && box.y > 0.6)
    }

    @Test(arguments: [90, 180, 270])
    func aTurnedPageIsReadUpright(_ turn: Int) throws {
        let upright = try Self.read("upright.png")
        let page = try Self.read("turned-\(turn).png")
        // The page was turned counter-clockwise: reading it takes the same turn clockwise.
        #expect(page.rotation == turn)
        #expect(Self.missingSignerLines(page).isEmpty)
        let agreement = WordAgreement(found: page.text, expected: upright.text)
        #expect(agreement.recall >= 0.95 && agreement.precision >= 0.95, "\(agreement)")
        // Boxes are in the upright frame: the name sits where it does on the upright page.
        let box = try #require(Self.nameBox(page)), expected = try #require(Self.nameBox(upright))
        #expect(abs(box.x - expected.x) < 0.02 && abs(box.y - expected.y) < 0.02)
    }

    @Test func aRedSealOverTheTitleLinesDoesNotHideThem() throws {
        let folder = try #require(Self.folder)
        let image = try ImageDecoder.page(0, of: Data(contentsOf: folder.appendingPathComponent("sealed-colour.png")),
                                          format: .png, maxMegapixels: 50)
        #expect(image.channel == .red)
        let page = try Self.read("sealed-colour.png")
        #expect(Self.missingSignerLines(page).isEmpty)
        let upright = try Self.read("upright.png")
        #expect(WordAgreement(found: page.text, expected: upright.text).recall >= 0.95)
    }

    @Test func aBlackAndWhiteScanOfTheSealStillReads() throws {
        let folder = try #require(Self.folder)
        let image = try ImageDecoder.page(0, of: Data(contentsOf: folder.appendingPathComponent("sealed-gray.png")),
                                          format: .png, maxMegapixels: 50)
        #expect(image.channel == .luma)
        let page = try Self.read("sealed-gray.png")
        // The seal prints black over the title lines here; the rest of the page still reads.
        #expect(Self.flat(page.text).contains("Trần Hoàng Tuấn"))
        #expect(page.rotation == 0)
    }

    @Test func aPhotoIsShownTheWayItsExifSays() throws {
        let page = try Self.read("exif-6.jpg")
        #expect(page.rotation == 0)  // upright as the EXIF tag shows it: no further turn
        try Self.expectReadsLikeUpright(page)
        let box = try #require(Self.nameBox(page))
        #expect(box.x > 0.5 && box.y > 0.6)
    }

    @Test func aPDFPageShownOnItsSideByRotateReadsUpright() throws {
        let page = try Self.read("rotate-90.pdf")
        #expect(page.source == .ocr)
        #expect(page.rotation == 0)
        try Self.expectReadsLikeUpright(page)
        let box = try #require(Self.nameBox(page))
        #expect(box.x > 0.5 && box.y > 0.6)
    }

    /// Read from the stored image either way; turned only from how a viewer shows it.
    @Test(arguments: [("rotate-180.pdf", 0), ("upside-down.pdf", 180)])
    func aPDFPageStoredUpsideDown(_ name: String, _ rotation: Int) throws {
        let page = try Self.read(name)
        #expect(page.source == .ocr)
        #expect(page.rotation == rotation)
        try Self.expectReadsLikeUpright(page)
        let box = try #require(Self.nameBox(page))
        #expect(box.x > 0.5 && box.y > 0.6)
    }

    /// A page stored as a JPEG (its compression blurs a letter here and there): the upright page's
    /// words, and the signer's name and position.
    static func expectReadsLikeUpright(_ page: PageText) throws {
        let upright = try read("upright.png")
        #expect(WordAgreement(found: page.text, expected: upright.text).recall >= 0.9)
        #expect(flat(page.text).contains("PHÓ CHỦ TỊCH") && flat(page.text).contains("Trần Hoàng Tuấn"))
    }
}
