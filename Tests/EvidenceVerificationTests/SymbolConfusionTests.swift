import EvidenceModel
import EvidenceTesting
import Testing
@testable import EvidenceVerification

/// Issue 22: a printed symbol misread by OCR never accuses. With the hand-filled figures abstained
/// on, a symbol that is a plausible OCR reading of the declared one leaves the number to the
/// appraiser (`needs-review`, with its page and box); with the same figures read, it supports the
/// claim; a symbol that differs under every plausible reading is still `number-mismatch`.
@Suite struct SymbolConfusionTests {
    let checker = ClaimChecker(framework: try! Fixture.thanhhoa())
    static let box = Box(x: 0.1, y: 0.12, width: 0.2, height: 0.03)

    /// The plan of the fixtures with its number read as `number` (nil: figures hand-filled and
    /// abstained on, the printed symbol `symbol`).
    func flags(declared: String, symbol: String? = nil, number: String? = nil, confidence: Double? = nil) -> [Flag] {
        var fields = Fixture.plan.fields
        fields.number = number
        if number == nil { fields.numberSymbol = symbol; fields.fieldStatus[.number] = .handwritten }
        if let confidence { fields.fieldConfidence[.number] = confidence }
        fields.locations[.number] = .init(page: 1, line: 3, box: Self.box)
        let plan = Fixture.plan
        let facts = ["kh-45.pdf": EvidenceFacts(file: "kh-45.pdf", sha256: plan.sha256, document: plan.extracted, fields: fields)]
        let evidence = Submission.Evidence(file: "kh-45.pdf", number: declared, date: "2024-02-15")
        return checker.check(Fixture.submission([Submission.Claim(indicator: "2.1.2", score: 3, evidence: [evidence])]),
                             evidence: facts, others: []).claims[0].flags
    }

    /// Abstained figures and a plausibly misread symbol: one needs-review on the number, where it is.
    func expectReview(declared: String, symbol: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let got = flags(declared: declared, symbol: symbol)
        #expect(got.map(\.reason) == [.needsReview], "'…/\(symbol)' against '\(declared)'", sourceLocation: sourceLocation)
        let number = got.first
        #expect(number?.field == .number && number?.page == 1 && number?.box == Self.box && number?.expected == declared,
                sourceLocation: sourceLocation)
    }

    /// The same figures read in full with a plausibly misread symbol: supported, sure or not.
    func expectSupported(declared: String, number: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for confidence in [0.95, 0.5] {
            #expect(flags(declared: declared, number: number, confidence: confidence) == [],
                    "'\(number)' (confidence \(confidence)) against '\(declared)'", sourceLocation: sourceLocation)
        }
    }

    // MARK: The three real cases (found on real evidence kept aside: four false accusations)

    @Test func realDoubledDWithUD0() {
        expectReview(declared: "47/QĐ-UBND", symbol: "QĐ\u{00D0}-UBND")
        expectReview(declared: "47/QĐ-UBND", symbol: "QĐÐ-UBND")
    }

    @Test func realTIrForTTr() {
        expectReview(declared: "239/TTr-UBND", symbol: "TIr-UBND")
    }

    @Test func realDoubledDInAThreePartSymbol() {
        expectReview(declared: "157/QĐ-NĐ-UB", symbol: "QĐÐ-NĐ-UB")
    }

    // MARK: One test per confusion

    @Test func dReadAsDOrUD0OrP() {
        for symbol in ["QD-UBND", "Q\u{00D0}-UBND", "QĐĐ-UBND", "QP-UBND", "Qb-UBND"] {
            expectReview(declared: "47/QĐ-UBND", symbol: symbol)
            expectSupported(declared: "47/QĐ-UBND", number: "47/" + symbol)
        }
    }

    @Test func doubledLetters() {
        for symbol in ["TTTr-UBND", "TTr-UBBND", "TTr-UBNDD"] {
            expectReview(declared: "239/TTr-UBND", symbol: symbol)
            expectSupported(declared: "239/TTr-UBND", number: "239/" + symbol)
        }
    }

    @Test func tReadAsIOrL() {
        for symbol in ["TIr-UBND", "Tlr-UBND", "T1r-UBND", "Ilr-UBND"] {
            expectReview(declared: "239/TTr-UBND", symbol: symbol)
            expectSupported(declared: "239/TTr-UBND", number: "239/" + symbol)
        }
    }

    @Test func rnReadForM() {
        for symbol in ["Grn-UBND", "GRN-UBND"] {
            expectReview(declared: "12/GM-UBND", symbol: symbol)
            expectSupported(declared: "12/GM-UBND", number: "12/" + symbol)
        }
    }

    @Test func qReadAsO() {
        for symbol in ["OĐ-UBND", "0Đ-UBND", "OĐÐ-UBND"] {
            expectReview(declared: "47/QĐ-UBND", symbol: symbol)
            expectSupported(declared: "47/QĐ-UBND", number: "47/" + symbol)
        }
    }

    @Test func aNumberSplitsIntoItsFiguresAndItsSymbol() {
        #expect(Tolerant.figures(of: "24/TTr-UBND") == "24" && Tolerant.symbol(of: "24/TTr-UBND") == "TTr-UBND")
        #expect(Tolerant.figures(of: "/TTr-UBND") == nil && Tolerant.figures(of: "") == nil)
        #expect(Tolerant.figures(of: "575/UBND-KTTH") == "575")
    }

    @Test func aYearBeforeTheSymbolMustAgree() {
        expectSupported(declared: "44/2005/QĐ-UBND", number: "44/2005/QĐÐ-UBND")
        #expect(flags(declared: "44/2005/QĐ-UBND", number: "44/2006/QĐÐ-UBND").map(\.reason) == [.numberMismatch])
    }

    // MARK: True mismatches still accuse

    @Test func aClearlyDifferentSymbolStillAccuses() {
        let abstained = flags(declared: "47/QĐ-UBND", symbol: "KH-UBND")
        #expect(abstained.map(\.reason) == [.numberMismatch])
        #expect(abstained.first?.found == "…/KH-UBND" && abstained.first?.page == 1 && abstained.first?.box == Self.box)
        #expect(flags(declared: "47/QĐ-UBND", number: "47/KH-UBND").map(\.reason) == [.numberMismatch])
        #expect(flags(declared: "239/TTr-UBND", symbol: "Tr-UBND").map(\.reason) == [.numberMismatch], "a letter missing")
        #expect(flags(declared: "47/QĐ-UBND", symbol: "QĐ-HĐND").map(\.reason) == [.numberMismatch], "another body")
        #expect(flags(declared: "47/QĐ-UBND", symbol: "CĐ-UBND").map(\.reason) == [.numberMismatch], "another type")
    }

    @Test func otherFiguresStillAccuseWhateverTheSymbol() {
        // Sure figures that differ are a mismatch, however the symbol was misread.
        #expect(flags(declared: "47/QĐ-UBND", number: "48/QĐÐ-UBND", confidence: 0.95).map(\.reason) == [.numberMismatch])
        #expect(flags(declared: "239/TTr-UBND", number: "139/TIr-UBND", confidence: 0.95).map(\.reason) == [.numberMismatch])
        // Unsure figures that differ are asked about, never taken as confirmation.
        #expect(flags(declared: "47/QĐ-UBND", number: "48/QĐÐ-UBND", confidence: 0.5).map(\.reason) == [.needsReview])
    }

    @Test func tolerantComparisons() {
        #expect(Tolerant.plausiblySameNumber("47/QĐ-UBND", "47/QĐÐ-UBND"))
        #expect(Tolerant.plausiblySameNumber("239/TTr-UBND", "239/TIr-UBND"))
        #expect(Tolerant.plausiblySameNumber("157/QĐ-NĐ-UB", "Số: 157/QĐÐ-NĐ-UB"))
        #expect(!Tolerant.plausiblySameNumber("47/QĐ-UBND", "47/KH-UBND"))
        #expect(!Tolerant.plausiblySameNumber("47/QĐ-UBND", "147/QĐÐ-UBND"))
        #expect(!Tolerant.plausiblySameNumber("47/QĐ-UBND", "/QĐÐ-UBND"))
        #expect(Tolerant.plausibleSymbol(declared: "QĐ-UBND", read: "QĐÐ-UBND"))
        #expect(!Tolerant.plausibleSymbol(declared: "QĐ-UBND", read: "KH-UBND"))
    }
}
