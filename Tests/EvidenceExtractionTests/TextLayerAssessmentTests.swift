import Testing
@testable import EvidenceExtraction

@Suite struct TextLayerAssessmentTests {
    static let body = String(repeating: "Ủy ban nhân dân huyện ban hành Kế hoạch thực hiện chuyển đổi số. ", count: 5)

    @Test func bornDigitalPageUsesItsText() {
        #expect(TextLayerAssessment(text: Self.body, imageCoverage: { 0 }).verdict == .useText(legacy: nil))
    }

    @Test func scanWithoutTextIsOCRed() {
        guard case .ocr = TextLayerAssessment(text: "", imageCoverage: { 1 }).verdict else { Issue.record("expected OCR"); return }
    }

    @Test func scanWhoseOnlyTextIsTheSignatureStampIsOCRedAndKeepsTheStamp() {
        let stamp = "Ký bởi: Ủy ban nhân dân huyện Trà Bồng\nCơ quan: Tỉnh Quảng Ngãi\nThời gian ký: 28.10.2024 08:15:02 +07:00"
        let assessment = TextLayerAssessment(text: stamp, imageCoverage: { 0.98 })
        guard case .ocr = assessment.verdict else { Issue.record("expected OCR"); return }
        #expect(assessment.signature?.signedBy == "Ủy ban nhân dân huyện Trà Bồng")
    }

    @Test func legacyLayerIsConverted() {
        let legacy = String(repeating: "Céng hoµ x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc. ", count: 3)
        let assessment = TextLayerAssessment(text: legacy, imageCoverage: { 0 })
        #expect(assessment.verdict == .useText(legacy: .tcvn3))
        #expect(assessment.text.contains("Độc lập - Tự do - Hạnh phúc"))
    }

    @Test func unmappedGlyphCodesAreOCRed() {
        let garbage = String(repeating: "\u{E001}\u{E002}\u{E003} \u{E004}\u{E005} ", count: 30)
        guard case .ocr = TextLayerAssessment(text: garbage, imageCoverage: { 0 }).verdict else { Issue.record("expected OCR"); return }
    }

    @Test func blankBornDigitalPageKeepsItsEmptyText() {
        #expect(TextLayerAssessment(text: "", imageCoverage: { 0 }).verdict == .useText(legacy: nil))
    }
}
