import EvidenceModel
import Testing

/// Scores as people read them: the Vietnamese decimal comma, at most two decimals, no trailing zeros.
@Suite struct PointsTests {
    @Test func scoresUseTheDecimalComma() {
        #expect(Points.text(3) == "3")
        #expect(Points.text(0) == "0")
        #expect(Points.text(0.5) == "0,5")
        #expect(Points.text(1.25) == "1,25")
        #expect(Points.text(1.10) == "1,1")
        #expect(Points.text(2.999) == "3")
    }

    @Test func fieldNamesAreOneList() {
        #expect(DocumentField.draft.vietnameseName == "phần ký (bản chính hay dự thảo)")
        #expect(Set(DocumentField.allCases.map(\.vietnameseName)).allSatisfy { !$0.isEmpty })
    }
}
