import EvidenceModel
import EvidenceTesting
import Testing
@testable import EvidenceVerification

/// Issue 22, item 1: the declared number and day confirmed by the readings of their hand-filled
/// blanks, never accused from them. The readings are given as the extraction would store them.
@Suite struct HandwritingConfirmationTests {
    let corroboration = CorroborationTests()

    static func readings(_ texts: [(String, Double)]) -> [HandwrittenFigures.Reading] {
        texts.enumerated().map { .init(condition: "c\($0.offset)", text: $0.element.0, confidence: $0.element.1) }
    }

    static func same(_ text: String, _ confidence: Double, count: Int = 12) -> [HandwrittenFigures.Reading] {
        readings(Array(repeating: (text, confidence), count: count))
    }

    /// What the unit declared for the plan: figures without a 1, 4 or 7, which readings never settle.
    static let declared = Submission.Evidence(file: "kh-45.pdf", number: "85/KH-UBND", date: "2024-02-26")

    func check(_ facts: EvidenceFacts, declared: Submission.Evidence = declared) -> ClaimResult {
        corroboration.check([facts], declared: declared)
    }

    /// The plan of CorroborationTests (number and day hand-filled), its blanks read as given.
    func facts(number: [HandwrittenFigures.Reading], day: [HandwrittenFigures.Reading],
               signatures: [PDFSignature] = []) -> EvidenceFacts {
        var facts = corroboration.facts("kh-45.pdf", CorroborationTests.planText(), signatures: signatures)
        let blank = DocumentFields.Location(page: 1, line: 3, box: Box(x: 0.1, y: 0.2, width: 0.05, height: 0.02))
        facts.fields?.handwritten = [.number: HandwrittenFigures(blank: blank, readings: number),
                                     .date: HandwrittenFigures(blank: blank, readings: day)]
        return facts
    }

    @Test func agreeingReadingsConfirmTheDeclaredFigures() {
        let result = check(facts(number: Self.same("85", 0.9), day: Self.same("26", 0.8)))
        #expect(result.flags == [])
        #expect(result.corroborations.map(\.field) == [.number, .date])
        #expect(result.corroborations.allSatisfy { $0.source == .handwriting && $0.page == 1 })
        #expect(result.corroborations.first?.detail.contains("12 of 12 readings") == true)
        // '07' written, '7' declared (and the other way): the same day.
        let padded = check(facts(number: Self.same("085", 0.9), day: Self.same("026", 0.8)))
        #expect(padded.flags == [])
    }

    @Test func readingsOfOtherFiguresLeaveTheFieldToTheAppraiserAndNeverAccuse() {
        let result = check(facts(number: Self.same("86", 0.95), day: Self.same("25", 0.95)))
        #expect(Set(result.flags.map(\.reason)) == [.needsReview])
        #expect(Set(result.flags.compactMap(\.field)) == [.number, .date])
        #expect(result.corroborations == [])
    }

    @Test func aConfidentDissentingReadingOrTooFewAgreeingOnesConfirmNothing() {
        let split = Self.readings(Array(repeating: ("85", 0.9), count: 9) + Array(repeating: ("86", 0.8), count: 3))
        let few = Self.readings(Array(repeating: ("26", 0.9), count: 5) + Array(repeating: ("", 0), count: 7))
        let result = check(facts(number: split, day: few))
        #expect(Set(result.flags.compactMap(\.field)) == [.number, .date])
        // Unsure dissent (a stray reading at low confidence) does not block agreeing ones.
        let unsure = Self.readings(Array(repeating: ("85", 0.9), count: 10) + Array(repeating: ("88", 0.3), count: 2))
        #expect(check(facts(number: unsure, day: few)).flags.compactMap(\.field) == [.date])
        // Agreeing but unsure readings confirm nothing.
        #expect(Set(check(facts(number: Self.same("85", 0.4), day: few)).flags.compactMap(\.field)) == [.number, .date])
    }

    @Test func figuresHandwritingMakesAlikeAreLeftToTheAppraiser() {
        // '46' declared and read twelve times: a hand-written '16' reads so too.
        let declared = Submission.Evidence(file: "kh-45.pdf", number: "46/KH-UBND", date: "2024-02-17")
        let result = check(facts(number: Self.same("46", 0.95), day: Self.same("17", 0.95)), declared: declared)
        #expect(Set(result.flags.compactMap(\.field)) == [.number, .date])
        #expect(result.corroborations == [])
    }

    @Test func aDayAfterTheSigningTimeIsNeverConfirmed() {
        let signed = [CorroborationTests.signature(at: "2024-02-20T09:30:00+07:00")]
        let result = check(facts(number: Self.same("85", 0.9), day: Self.same("26", 0.9), signatures: signed))
        #expect(result.flags.compactMap(\.field) == [.date])
        #expect(result.corroborations.map(\.field) == [.number])
    }

    @Test func aOneIsConfirmedWhereTheMonthAndTheSigningLeaveNoFourOrSeven() {
        // '16': a day's tens cannot be 4 or 7. '21' signed on the 22nd: neither 24 nor 27 can be the day.
        let sixteen = Submission.Evidence(file: "kh-45.pdf", number: "85/KH-UBND", date: "2024-02-16")
        #expect(check(facts(number: Self.same("85", 0.9), day: Self.same("16", 0.9)), declared: sixteen).flags == [])
        let twentyFirst = Submission.Evidence(file: "kh-45.pdf", number: "85/KH-UBND", date: "2024-02-21")
        let signed = [CorroborationTests.signature(at: "2024-02-22T09:30:00+07:00")]
        let bounded = check(facts(number: Self.same("85", 0.9), day: Self.same("21", 0.9), signatures: signed), declared: twentyFirst)
        #expect(bounded.flags == [])
        #expect(bounded.corroborations.map(\.source) == [.handwriting, .handwriting])
        // Without the signature 24 and 27 stay possible: the appraiser looks.
        let unbounded = check(facts(number: Self.same("85", 0.9), day: Self.same("21", 0.9)), declared: twentyFirst)
        #expect(unbounded.flags.compactMap(\.field) == [.date])
    }
}
