import Foundation
import Testing
import EvidenceModel
import EvidenceDaemon
import EvidenceExtraction

/// Four real published documents (samples/real, MIT, see samples/README.md) extracted and parsed
/// whole: what must be right is right, and what is written by hand is null with a status and a place,
/// never a misreading.
@Suite(.serialized) struct RealSampleTests {
    static let extractor = Extractor(options: ExtractionOptions(workers: 2))
    static let folder = SampleExpectation.samples.appendingPathComponent("real")

    func parsed(_ sha: String) throws -> DocumentFields {
        let document = try Self.extractor.extractSynchronously(fileAt: Self.folder.appendingPathComponent(sha + ".pdf"))
        return ParsedDocument(parsing: document).fields
    }

    /// A place on the given page, with a box inside the page.
    func expectPlace(_ fields: DocumentFields, _ field: DocumentField, page: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let location = fields.locations[field]
        #expect(location?.page == page, "\(field) page", sourceLocation: sourceLocation)
        let box = location?.box
        #expect(box.map { $0.x >= 0 && $0.y >= 0 && $0.maxX <= 1.001 && $0.maxY <= 1.001 && $0.width > 0 } == true,
                "\(field) box \(String(describing: box))", sourceLocation: sourceLocation)
    }

    @Test func handFilledNumberAndDayAreAbstainedOn() throws {
        // 'Số: 24 /TTr-UBND', 'ngày 07 tháng 02 năm 2025': 24 and 07 by hand (tesseract: '84', '0†').
        let fields = try parsed("1eef26c429d02529224f860909217a8ef0d57c44")
        #expect(fields.type == "TTr")
        #expect(fields.issuer == "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI")
        #expect(fields.place == "Quảng Ngãi")
        #expect(fields.title?.contains("miễn nhiệm chức danh Ủy viên Ủy ban nhân dân tỉnh") == true)
        #expect(fields.number == nil)
        #expect(fields.numberSymbol == "TTr-UBND")
        #expect(fields.fieldStatus[.number] != nil)
        #expect(fields.date == nil)
        #expect(fields.datePartial == "2025-02")
        #expect(fields.fieldStatus[.date] != nil)
        expectPlace(fields, .number, page: 1)
        expectPlace(fields, .date, page: 1)
        expectPlace(fields, .type, page: 1)
        expectPlace(fields, .issuer, page: 1)
        expectPlace(fields, .title, page: 1)
        // The seal may hide the block; whatever is read of it is this document's chairman, on page 1.
        #expect(fields.signer?.name == nil || fields.signer?.name == "Nguyễn Hoàng Giang")
        #expect(fields.signer?.title == nil || fields.signer?.title == "CHỦ TỊCH")
    }

    @Test func bornDigitalNoticeWithADoubleAuthorityChain() throws {
        // Word-made; number '542' and day '06' are drawn by signature fields, not in poppler-glib's text.
        let fields = try parsed("1f1e483595abc932a07fa369ecc26d2a2fe9e739")
        #expect(fields.type == "TB")
        #expect(fields.issuer == "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI")
        #expect(fields.place == "Quảng Ngãi")
        // Read by rendering those fields and OCRing what they draw, apart from the text layer.
        #expect(fields.number == "542/TB-UBND")
        #expect(fields.numberSymbol == "TB-UBND")
        #expect(fields.date == "2024-11-06")
        #expect(fields.signer == .init(name: "Phùng Tô Long", title: "PHÓ CHÁNH VĂN PHÒNG", authority: "KT"))
        #expect(fields.draft == false)
        expectPlace(fields, .signerName, page: 2)
        expectPlace(fields, .signerTitle, page: 2)
        expectPlace(fields, .number, page: 1)
    }

    @Test func smallTypedFillInIsReadWhenEveryLineReadingAgrees() throws {
        // Word-made, signed: '11' and '08' typed small into the blanks by the signing software. The
        // engine reads the '11' at 0.65; read again in one line, figures only, at three sizes in grey
        // and black and white, it reads '11' in all six, sure: typed figures, read.
        let fields = try parsed("ebaa8327890448c48cc761ef7660c6ca20238318")
        #expect(fields.type == "TB")
        #expect(fields.number == "11/TB-UBND")
        #expect(fields.fieldStatus[.number] == nil)
        #expect(fields.date == "2025-01-08")
    }

    @Test func scannedCongVanUnderTheSeal() throws {
        let fields = try parsed("7b3d726facfb0a9e1bdcba20614682dde7fe5c29")
        #expect(fields.type == "CV")
        #expect(fields.issuer == "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI")
        #expect(fields.number == nil)
        #expect(fields.numberSymbol == "UBND-KTTH")
        #expect(fields.fieldStatus[.number] != nil)
        #expect(fields.date == nil)
        #expect(fields.datePartial == "2025-02")
        #expect(fields.signer?.title == "PHÓ CHÁNH VĂN PHÒNG")
        #expect(fields.signer?.authority == "KT")
        #expect(fields.signer?.name == nil || fields.signer?.name == "Hà Thị Lê Vân")
        expectPlace(fields, .signerTitle, page: 1)
        // The name was not read: its place is still given, under the title.
        expectPlace(fields, .signerName, page: 1)
    }
}
