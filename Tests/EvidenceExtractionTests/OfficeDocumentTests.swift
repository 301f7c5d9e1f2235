import Foundation
import Testing
import EvidenceModel
import EvidenceParsing
@testable import EvidenceExtraction

/// Word, OpenDocument and spreadsheet files, made at test time by scripts/make_office_fixtures.py:
/// their text in reading order, their fields parsed as from a text layer, and bad ones refused
/// with a clear code.
@Suite final class OfficeDocumentTests {
    static let extractor = Extractor(options: .init(workers: 1))
    /// This test's fixtures, removed after it.
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("evidenced-office-\(UUID().uuidString)")
        let script = SampleExpectation.samples.deletingLastPathComponent().appendingPathComponent("scripts/make_office_fixtures.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, folder.path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "the fixtures were made")
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func extract(_ name: String) throws -> ExtractedDocument {
        try Self.extractor.extractSynchronously(fileAt: folder.appendingPathComponent(name))
    }

    func failure(_ name: String) -> ExtractionFailure? {
        do { _ = try extract(name); return nil } catch { return error as? ExtractionFailure }
    }

    @Test(arguments: [("kh-45.docx", FileFormat.docx), ("kh-45.odt", .odt)])
    func wordDocumentsReadInOrderAndParseLikeATextLayer(name: String, format: FileFormat) throws {
        let document = try extract(name)
        #expect(document.format == format)
        #expect(document.format.isEditable)
        #expect(document.perPage.allSatisfy { $0.source == .text && $0.confidence == nil })
        let lines = document.text.split(whereSeparator: \.isNewline).map(String.init)
        // The header table is read cell by cell: the issuer and its number, then the motto and the date.
        #expect(Array(lines.prefix(4)) == ["ỦY BAN NHÂN DÂN", "HUYỆN TRÀ BỒNG", "Số: 45/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
        let fields = DocumentParser().parse(document.perPage)
        #expect(fields.type == "KH")
        #expect(fields.number == "45/KH-UBND")
        #expect(fields.issuer == "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG")
        #expect(fields.date == "2024-02-15")
        #expect(fields.signer?.name == "Lê Văn Bình")
        #expect(fields.signer?.title == "CHỦ TỊCH")
    }

    @Test func anExplicitPageBreakStartsAPage() throws {
        let document = try extract("kh-45.docx")
        #expect(document.pages == 2)
        #expect(document.perPage[1].text.hasPrefix("I. MỤC ĐÍCH, YÊU CẦU"))
    }

    @Test(arguments: ["diem.xlsx", "diem.ods"])
    func spreadsheetsAreTabSeparatedRows(name: String) throws {
        let document = try extract(name)
        let rows = document.perPage[0].text.split(separator: "\n").map(String.init)
        #expect(rows == ["STT\tChỉ tiêu\tĐiểm tự chấm", "1\tỨng dụng công nghệ thông tin\t3", "2\tChuyển đổi số\t2,5"])
        if name.hasSuffix(".xlsx") { #expect(document.perPage.map(\.text).last == "Tờ 2") }
    }

    @Test func badOfficeFilesGetAClearCode() {
        #expect(failure("photos.docx")?.code == .unsupportedFormat, "a ZIP of something else")
        #expect(failure("truncated.docx")?.code == .corruptDocument)
        #expect(failure("bomb.docx")?.code == .fileTooLarge, "a part that unpacks past the bound is not unpacked whole")
        #expect(failure("protected.docx")?.code == .encryptedDocument)
        #expect(failure("garbage.doc")?.code == .unsupportedFormat)
    }

    @Test func sniffingIgnoresTheExtension() throws {
        try FileManager.default.copyItem(at: folder.appendingPathComponent("kh-45.odt"), to: folder.appendingPathComponent("ke-hoach.pdf"))
        #expect(try extract("ke-hoach.pdf").format == .odt)
    }
}
