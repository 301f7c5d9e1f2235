@testable import EvidenceModel
import Testing

/// Issue 22, item 3: a hand-filled number or day is given without a declaration only when every
/// reading of its blank gives the same figures, sure enough; the field keeps its status and says how.
@Suite struct HandwrittenFiguresTests {
    static let blank = DocumentFields.Location(page: 1, line: 3, box: Box(x: 0.2, y: 0.12, width: 0.05, height: 0.03))

    static func figures(_ texts: [(String, Double)]) -> HandwrittenFigures {
        HandwrittenFigures(blank: blank, readings: texts.enumerated().map {
            .init(condition: "c\($0.offset)", text: $0.element.0, confidence: $0.element.1)
        })
    }

    static func fields(number: HandwrittenFigures, day: HandwrittenFigures) -> DocumentFields {
        DocumentFields(numberSymbol: "TTr-UBND", datePartial: "2025-02",
                       fieldStatus: [.number: .handwritten, .date: .handwritten],
                       handwritten: [.number: number, .date: day])
    }

    @Test func unanimousSureReadingsGiveTheValue() {
        let settled = Self.fields(number: Self.figures(Array(repeating: ("89", 0.9), count: 12)),
                                  day: Self.figures(Array(repeating: ("08", 0.8), count: 12))).settlingHandwriting()
        #expect(settled.number == "89/TTr-UBND" && settled.date == "2025-02-08")
        #expect(settled.fieldStatus[.number] == .handwritten && settled.fieldStatus[.date] == .handwritten)
        #expect(settled.fieldSource[.number]?.hasPrefix("handwriting: 12 of 12 readings") == true)
        // Below the trust threshold: it confirms an equal declaration, never accuses.
        #expect(settled.trusted(.number, settled.number) == nil)
    }

    @Test func oneDissentingOrUnsureReadingOrTooFewAbstain() {
        let dissent = Self.figures(Array(repeating: ("23", 0.9), count: 11) + [("28", 0.2)])
        let unsure = Self.figures(Array(repeating: ("23", 0.5), count: 12))
        let few = Self.figures(Array(repeating: ("23", 0.9), count: 6))
        for figures in [dissent, unsure, few] {
            let settled = Self.fields(number: figures, day: figures).settlingHandwriting()
            #expect(settled.number == nil && settled.date == nil && settled.fieldSource == [:])
        }
        // A day the month does not have is no date.
        let impossible = Self.fields(number: few, day: Self.figures(Array(repeating: ("30", 0.9), count: 12))).settlingHandwriting()
        #expect(impossible.date == nil)
    }

    @Test func conditionsThatReadNothingCastNoVote() {
        // Tesseract's single-word mode reads nothing for many hand-filled blanks whose figures stand apart.
        let eight = Self.figures(Array(repeating: ("05", 0.95), count: 8) + Array(repeating: ("", 0), count: 4))
        #expect(eight.unanimous() == "05")
        let seven = Self.figures(Array(repeating: ("05", 0.95), count: 7) + Array(repeating: ("", 0), count: 5))
        #expect(seven.unanimous() == nil)
        // Still every reading that gives figures has to agree, and enough conditions have to be read.
        let dissent = Self.figures(Array(repeating: ("05", 0.95), count: 8) + [("08", 0.9)] + Array(repeating: ("", 0), count: 3))
        #expect(dissent.unanimous() == nil)
        #expect(Self.figures(Array(repeating: ("05", 0.95), count: 9)).unanimous() == nil)
    }

    @Test func anUnsurePrintedMonthAndYearReadAgainGiveTheDayItsDate() {
        // a14f93b054: 'tháng 01' read '0I' at 0.74; c0df41cb33: the year 2018 read '2016' at 0.86.
        func printed(_ part: HandwrittenFigures.PrintedFigures.Part, _ texts: [(String, Double)]) -> HandwrittenFigures.PrintedFigures {
            .init(part: part, place: Self.blank, readings: texts.map { Self.reading($0.0, $0.1) })
        }
        var day = Self.figures(Array(repeating: ("23", 0.95), count: 12))
        day.printed = [printed(.month, Array(repeating: ("01", 0.97), count: 6))]
        var fields = Self.fields(number: Self.figures([]), day: day)
        fields.datePartial = "2025"
        let settled = fields.settlingHandwriting(signedBy: "2025-01-24T14:23:43+07:00")
        #expect(settled.date == "2025-01-23" && settled.datePartial == "2025-01")
        #expect(settled.fieldSource[.date]?.hasSuffix("the printed month 1 read again from print (every reading alike)") == true)
        // Year and month both read again.
        day.printed = [printed(.month, Array(repeating: ("4", 1), count: 6)), printed(.year, Array(repeating: ("2018", 1), count: 6))]
        fields = Self.fields(number: Self.figures([]), day: day)
        fields.datePartial = nil
        #expect(fields.settlingHandwriting().date == "2018-04-23")
        // Readings that differ, are unsure or too few give nothing; nor a month after the signing.
        for month in [Array(repeating: ("01", 0.97), count: 5) + [("07", 0.97)], Array(repeating: ("01", 0.8), count: 6),
                      Array(repeating: ("01", 0.97), count: 5)] {
            day.printed = [printed(.month, month)]
            fields = Self.fields(number: Self.figures([]), day: day)
            fields.datePartial = "2025"
            #expect(fields.settlingHandwriting().date == nil && fields.settlingHandwriting().datePartial == "2025")
        }
        day.printed = [printed(.month, Array(repeating: ("02", 0.97), count: 6))]
        fields = Self.fields(number: Self.figures([]), day: day)
        fields.datePartial = "2025"
        #expect(fields.settlingHandwriting(signedBy: "2025-01-24T14:23:43+07:00").datePartial == "2025")
        // A month read for sure on the page is kept.
        fields.datePartial = "2025-03"
        #expect(fields.settlingHandwriting().datePartial == "2025-03")
    }

    static func reading(_ text: String, _ confidence: Double, rivals: [HandwrittenFigures.Rival?] = []) -> HandwrittenFigures.Reading {
        .init(condition: "c", text: text, confidence: confidence, rivals: rivals)
    }

    @Test func aDissentingFigureWithTheAgreedOneCloseBehindStandsWithTheOthers() {
        // c0df41cb33: the hand-filled '08' read '68' in six conditions, each with '0' weighed behind
        // its '6' at 0.6-0.76, and '08' in the six others.
        let behind = HandwrittenFigures.Rival(figure: "0", confidence: 0.7)
        let split = HandwrittenFigures(blank: Self.blank, readings: Array(repeating: Self.reading("68", 0.96, rivals: [behind, nil]), count: 6)
                                       + Array(repeating: Self.reading("08", 0.95, rivals: [nil, nil]), count: 6))
        #expect(split.unanimous() == "08")
        let settled = Self.fields(number: split, day: split).settlingHandwriting()
        #expect(settled.number == "08/TTr-UBND" && settled.date == "2025-02-08")
        #expect(settled.fieldSource[.number]?.contains("6 of 12 readings of the blank give 08 and 6 more weigh it") == true)
    }

    @Test func aDissentIsNotExplainedAwayByAWeakOrMissingRivalOrByAMinority() {
        let weak = HandwrittenFigures.Rival(figure: "0", confidence: 0.3)
        let strong = HandwrittenFigures.Rival(figure: "0", confidence: 0.7)
        let cases: [[HandwrittenFigures.Reading]] = [
            // The rival too weak, or none weighed.
            Array(repeating: Self.reading("68", 0.96, rivals: [weak, nil]), count: 6) + Array(repeating: Self.reading("08", 0.95), count: 6),
            Array(repeating: Self.reading("68", 0.96), count: 6) + Array(repeating: Self.reading("08", 0.95), count: 6),
            // Fewer than half give the value itself.
            Array(repeating: Self.reading("68", 0.96, rivals: [strong, nil]), count: 7) + Array(repeating: Self.reading("08", 0.95), count: 5),
            // Each side weighs the other's figure: no value is agreed on.
            Array(repeating: Self.reading("68", 0.96, rivals: [strong, nil]), count: 6)
                + Array(repeating: Self.reading("08", 0.95, rivals: [.init(figure: "6", confidence: 0.7), nil]), count: 6),
            // A figure dropped is no close second: '23' read '3'.
            Array(repeating: Self.reading("3", 0.96, rivals: [strong]), count: 6) + Array(repeating: Self.reading("23", 0.95), count: 6),
        ]
        for readings in cases {
            #expect(HandwrittenFigures(blank: Self.blank, readings: readings).unanimous() == nil)
        }
    }

    @Test func confirmationComparesValuesNotDigitStrings() {
        let figures = Self.figures(Array(repeating: ("08", 0.8), count: 10) + [("", 0), ("3", 0.3)])
        #expect(figures.confirms("8") && figures.confirms("08"))
        #expect(!figures.confirms("3") && !figures.confirms("38") && !figures.confirms("80"))
    }

    @Test func figuresHandwritingMakesAlikeAreNeverSettled() {
        // A real decision's '16' (its 1 with a long flag) read '46' in all 12 conditions.
        for text in ["46", "16", "7", "24", "11"] {
            let figures = Self.figures(Array(repeating: (text, 0.95), count: 12))
            #expect(figures.unanimous() == nil, "\(text)")
            #expect(!figures.confirms(text), "\(text)")
        }
    }

    @Test func aDaysTensOneIsSettledWhereAFourOrSevenCouldNotStand() {
        // A day's tens are 0 to 3: the 1 of '16' cannot be a 4 or a 7 ('46', '76' are no days).
        let sixteen = Self.figures(Array(repeating: ("16", 0.95), count: 12))
        let settled = Self.fields(number: sixteen, day: sixteen).settlingHandwriting()
        #expect(settled.date == "2025-02-16")
        // The number '16' could be '46' or '76': never settled by readings.
        #expect(settled.number == nil)
        // Units 1, 4 or 7 stay unsettled ('14' could be '11' or '17'), and so does a reading that is
        // no day of the month at all ('46').
        for text in ["14", "17", "21", "46", "07"] {
            let day = Self.figures(Array(repeating: (text, 0.95), count: 12))
            #expect(Self.fields(number: day, day: day).settlingHandwriting().date == nil, "\(text)")
        }
        // '31' in January: '34' and '37' are no days either.
        let thirtyFirst = Self.figures(Array(repeating: ("31", 0.95), count: 12))
        #expect(thirtyFirst.unanimous(possible: DocumentFields.isDay(inMonth: 1, of: 2025)) == "31")
        #expect(thirtyFirst.confirms("31", possible: DocumentFields.isDay(inMonth: 1, of: 2025)))
        #expect(!thirtyFirst.confirms("31"))
    }

    @Test func aDayAfterTheSigningIsRefusedAndTheBoundSettlesALowOne() {
        func day(_ text: String, signedBy: String?) -> String? {
            let figures = Self.figures(Array(repeating: (text, 0.95), count: 12))
            return Self.fields(number: figures, day: figures).settlingHandwriting(signedBy: signedBy).date
        }
        // Read '26', signed on the 20th: the document was dated before it was signed.
        #expect(day("26", signedBy: "2025-02-20") == nil)
        #expect(day("26", signedBy: "2025-02-27") == "2025-02-26")
        #expect(day("26", signedBy: "2025-01-31") == nil)
        // '21' signed on the 22nd: neither 24 nor 27 can be the day. Signed later, they could.
        #expect(day("21", signedBy: "2025-02-22") == "2025-02-21")
        #expect(day("21", signedBy: "2025-02-24") == nil)
        #expect(day("21", signedBy: nil) == nil)
    }
}

/// Issue 22: the figures' outlines settle a 1, 4 or 7 where the readings alone cannot, and turn a
/// flagged 1 read as 4 back into a 1, never against the readings elsewhere.
@Suite struct HandwrittenFiguresOutlineTests {
    static func figures(_ text: String, count: Int = 12, shapes: [FigureShape]?) -> HandwrittenFigures {
        HandwrittenFigures(blank: HandwrittenFiguresTests.blank,
                           readings: (0..<count).map { .init(condition: "c\($0)", text: text, confidence: 0.95) }, shapes: shapes)
    }

    @Test func aFourWithTheOutlineOfAFourIsSettled() {
        // A day '04' signed on the 5th: '01' could be, unless the outline shows a 4.
        let possible = DocumentFields.isDay(inMonth: 2, of: 2025, notAfter: (2025, 2, 5))
        #expect(Self.figures("04", shapes: nil).unanimous(possible: possible) == nil)
        #expect(Self.figures("04", shapes: [.unsure, .unsure]).unanimous(possible: possible) == nil)
        #expect(Self.figures("04", shapes: [.unsure, .four]).unanimous(possible: possible) == "04")
        #expect(Self.figures("04", shapes: [.unsure, .four]).confirms("4", possible: possible))
        // The outline of a 7 where the readings give a 4 settles nothing.
        #expect(Self.figures("04", shapes: [.unsure, .seven]).unanimous(possible: possible) == nil)
    }

    @Test func aReadingOfADayTheDocumentCannotHaveCastsNoVote() {
        // A real decision's day '05' reads '08' in six conditions; it was signed on the 7th.
        let split = HandwrittenFigures(blank: HandwrittenFiguresTests.blank, readings: (0..<12).map {
            .init(condition: "c\($0)", text: $0 % 2 == 0 ? "05" : "08", confidence: 0.93)
        })
        let signedOnThe7th = DocumentFields.isDay(inMonth: 2, of: 2025, notAfter: (2025, 2, 7))
        #expect(split.unanimous(possible: signedOnThe7th) == "05")
        // Without the signing, either could be the day.
        #expect(split.unanimous(possible: DocumentFields.isDay(inMonth: 2, of: 2025, notAfter: nil)) == nil)
        // A number has no such bound.
        #expect(split.unanimous() == nil)
        // The impossible readings still count among those that gave figures: more of them than
        // possible ones, and nothing is given.
        let mostlyImpossible = HandwrittenFigures(blank: HandwrittenFiguresTests.blank, readings: (0..<12).map {
            .init(condition: "c\($0)", text: $0 % 3 == 0 ? "05" : "08", confidence: 0.93)
        })
        #expect(mostlyImpossible.unanimous(possible: signedOnThe7th) == nil)
    }

    @Test func aFlaggedOneReadAsFourIsAOne() {
        let sixteen = Self.figures("46", shapes: [.one, .unsure])
        #expect(sixteen.unanimous() == "16")
        #expect(sixteen.confirms("16") && !sixteen.confirms("46"))
        #expect(sixteen.summary(of: "16").contains("outline of the figures 1 ?: 12 of those readings gave a 4 or 7"))
        // Without outlines, or with as many outlines as figures missing, nothing is settled.
        #expect(Self.figures("46", shapes: nil).unanimous() == nil)
        #expect(Self.figures("46", shapes: [.one]).unanimous() == nil)
    }

    @Test func outlinesThatContradictTheReadingsSettleNothing() {
        // A font's '678' read '676' everywhere, its 6 with the outline of a 1: the figures were cut
        // or read apart from their ink, so the 7's outline does not settle it.
        #expect(Self.figures("676", shapes: [.one, .seven, .unsure]).unanimous() == nil)
        #expect(!Self.figures("676", shapes: [.one, .seven, .unsure]).confirms("676"))
        // A 7's outline settles no 7: a 1 with a long flag can have one.
        #expect(Self.figures("27", shapes: [.unsure, .seven]).unanimous() == nil)
        // A 4 whose outline is a 7's is not settled either.
        #expect(Self.figures("45", shapes: [.seven, .unsure]).unanimous() == nil)
    }
}

extension HandwrittenFiguresOutlineTests {
    @Test func aValueWithFewerFiguresThanTheInkIsNeitherGivenNorConfirmed() {
        // A day '31' whose thin 1 every condition dropped: the ink shows two figures.
        let dropped = Self.figures("3", shapes: [.unsure, .unsure])
        #expect(dropped.unanimous() == nil)
        #expect(!dropped.confirms("3"))
        // The same readings of a blank whose ink is one figure: the 3 is given.
        #expect(Self.figures("3", shapes: [.unsure]).unanimous() == "3")
        // A day written '07' whose ink is two figures confirms the declared 7.
        #expect(Self.figures("08", shapes: [.unsure, .unsure]).confirms("8"))
    }
}

/// Issue 22: the reader of single figures gives a value the readings of the whole blank cannot agree
/// on (a 7 with a crossbar reads as nothing, a '15' as '5' in most conditions), only where every
/// reading that gave figures gave that value or some of its figures, and the outlines agree.
@Suite struct HandwrittenFiguresGuessTests {
    static func figures(_ texts: [String], shapes: [FigureShape] = [.unsure, .unsure],
                        guesses: [(String, Double)]) -> HandwrittenFigures {
        HandwrittenFigures(blank: HandwrittenFiguresTests.blank,
                           readings: texts.enumerated().map { .init(condition: "c\($0.offset)", text: $0.element, confidence: $0.element.isEmpty ? 0 : 0.9) },
                           shapes: shapes, guesses: guesses.map { FigureGuess(figure: $0.0, confidence: $0.1) })
    }

    /// An '07' whose barred 7 no condition reads (as on a real blank): five readings give its 0,
    /// seven nothing; the 7's outline is a 7's.
    static let barredSevenDay = figures(Array(repeating: "0", count: 5) + Array(repeating: "", count: 7), shapes: [.unsure, .seven],
                                        guesses: [("0", 1), ("7", 0.98)])

    @Test func aValueTheReadingsOnlyPartlyGiveIsGivenFromTheGuesses() {
        let signedOnThe7th = DocumentFields.isDay(inMonth: 2, of: 2025, notAfter: (2025, 2, 7))
        #expect(Self.barredSevenDay.readingsUnanimous(possible: signedOnThe7th) == nil)
        #expect(Self.barredSevenDay.unanimous(possible: signedOnThe7th) == "07")
        #expect(Self.barredSevenDay.confirms("7", possible: signedOnThe7th))
        #expect(!Self.barredSevenDay.confirms("1", possible: signedOnThe7th))
        #expect(!Self.barredSevenDay.confirms("4", possible: signedOnThe7th))
        // Signed on the 6th, the 7th cannot be the day.
        #expect(Self.barredSevenDay.unanimous(possible: DocumentFields.isDay(inMonth: 2, of: 2025, notAfter: (2025, 2, 6))) == nil)
        // The source says the single-figure reader decided, and what the readings gave.
        let summary = Self.barredSevenDay.summary(of: "07")
        #expect(summary.contains("read figure by figure 0 (100 %) 7 (98 %)"))
        #expect(summary.contains("0 give 07, 5 some of its figures, none other figures"))
        // Without the 7's outline, the 7 could be a 1 or a 4 ('01', '04'): the guess alone does not settle it.
        let unsure = Self.figures(Self.barredSevenDay.readings.map(\.text), guesses: [("0", 1), ("7", 0.98)])
        #expect(unsure.unanimous(possible: signedOnThe7th) == nil)
        // A day's tens cannot be a 4 or a 7: the 1 of '15' needs no outline.
        #expect(Self.figures(["5", "15"], guesses: [("1", 0.99), ("5", 1)]).unanimous(possible: signedOnThe7th) == nil)
        #expect(Self.figures(["5", "15"], guesses: [("1", 0.99), ("5", 1)]).unanimous(possible: DocumentFields.isDay(inMonth: 3, of: 2025)) == "15")
        // A day '15' read '45' where its flagged 1 has no outline of a 1: '45' is no day and casts no
        // vote, while the possible readings are at least half of those that gave figures.
        let aprilThe16th = DocumentFields.isDay(inMonth: 4, of: 2020, notAfter: (2020, 4, 16))
        let flagged = Self.figures(["5", "15", "45", "15", "45", "5", "5", "5", "", "5"], guesses: [("1", 0.99), ("5", 1)])
        #expect(flagged.unanimous(possible: aprilThe16th) == "15")
        #expect(flagged.confirms("15", possible: aprilThe16th))
        #expect(Self.figures(["45", "45", "45", "15"], guesses: [("1", 0.99), ("5", 1)]).unanimous(possible: aprilThe16th) == nil)
        // A number can be 45: that reading then speaks against the guess.
        #expect(flagged.unanimous() == nil)
        // A number's 1 and 4 each need their outline.
        #expect(Self.figures(["14", "4"], guesses: [("1", 0.99), ("4", 1)]).unanimous() == nil)
        #expect(Self.figures(["14", "4"], shapes: [.one, .four], guesses: [("1", 0.99), ("4", 1)]).unanimous() == "14")
    }

    @Test func aReadingOfOtherFiguresOrNoneAtAllGivesNothing() {
        // One reading gives another figure: the readers disagree.
        #expect(Self.figures(["0", "0", "01", "", ""], guesses: [("0", 1), ("7", 0.98)]).unanimous() == nil)
        // A reading with a figure in another order is no part of the value.
        #expect(Self.figures(["70", "0"], guesses: [("0", 1), ("7", 0.98)]).unanimous() == nil)
        // No condition read any figure: the guesses alone settle nothing.
        #expect(Self.figures(Array(repeating: "", count: 12), guesses: [("0", 1), ("7", 0.98)]).unanimous() == nil)
        // Only faint readings of a figure (none at 0.6): nothing either.
        var faint = Self.barredSevenDay
        faint.readings = faint.readings.map { var reading = $0; reading.confidence = min(reading.confidence, 0.45); return reading }
        #expect(faint.unanimous() == nil)
        #expect(!faint.confirms("7"))
    }

    /// The real công văn's '575' (readings '5' in four conditions, '9' in three, '975' in one; the
    /// reader 100 %, 99.8 %, 100 %): the reader all but certain of every figure, readings that give
    /// another figure only vote against it, and at least half bear it out.
    @Test func aSureReaderOutvotesAMinorityOfOtherFigures() {
        let texts = ["", "5", "9", "", "9", "5", "5", "", "9", "", "975", "5"]
        let shapes: [FigureShape] = [.unsure, .seven, .unsure]
        let sure = Self.figures(texts, shapes: shapes, guesses: [("5", 1), ("7", 0.998), ("5", 1)])
        #expect(sure.unanimous() == "575")
        #expect(sure.confirms("575"))
        #expect(!sure.confirms("975") && !sure.confirms("576") && !sure.confirms("5"))
        #expect(sure.summary(of: "575").contains("of 12 readings of the blank, 0 give 575, 4 some of its figures, 4 other figures, outvoted"))
        // A reading giving a 1, 4 or 7 where the value has another of the three still vetoes: a
        // flagged 1 that both the reader and the outline took for a 7 ('71' read '11').
        #expect(HandwrittenFigures.crossesConfusable("11", "71") && !HandwrittenFigures.crossesConfusable("975", "575"))
        let crossed = Self.figures(["1", "11", "71", "1", "71", "1"], shapes: [.seven, .one], guesses: [("7", 1), ("1", 1)])
        #expect(crossed.unanimous() == nil && !crossed.confirms("71"))
        #expect(Self.figures(["1", "71", "71", "1", "91", "1"], shapes: [.seven, .one], guesses: [("7", 1), ("1", 1)]).unanimous() == "71")
        // Below the sure confidence, one reading of another figure still vetoes.
        #expect(Self.figures(texts, shapes: shapes, guesses: [("5", 1), ("7", 0.98), ("5", 1)]).unanimous() == nil)
        // More readings of other figures than of the value's: nothing.
        #expect(Self.figures(texts + ["9"], shapes: shapes, guesses: [("5", 1), ("7", 0.998), ("5", 1)]).unanimous() == nil)
        // Without the 7's outline, the 7 could be a 1 or a 4: sure or not, nothing.
        #expect(Self.figures(texts, shapes: [.unsure, .unsure, .unsure], guesses: [("5", 1), ("7", 1), ("5", 1)]).unanimous() == nil)
    }

    @Test func theGuessesMustBeSureOneAFigureAndAgreeWithTheOutlines() {
        let readings = ["5", "5", "15", "15", "5", ""]
        func fifteen(_ guesses: [(String, Double)]) -> HandwrittenFigures { Self.figures(readings, shapes: [.one, .unsure], guesses: guesses) }
        #expect(fifteen([("1", 0.99), ("5", 1)]).unanimous() == "15")
        // A figure guessed below the measured confidence.
        #expect(fifteen([("1", 0.8), ("5", 1)]).unanimous() == nil)
        // Not one figure (two touching, a letter).
        #expect(fifteen([(FigureGuess.notAFigure, 0.99), ("5", 1)]).unanimous() == nil)
        // Fewer guesses than outlines: a figure was not looked at.
        #expect(fifteen([("5", 1)]).unanimous() == nil)
        // A guessed 4 where the outline is a 1's (a flagged 1 both readers can take for a 4).
        #expect(Self.figures(["45", "5"], shapes: [.one, .unsure], guesses: [("4", 0.99), ("5", 1)]).unanimous() == nil)
        // Fields extracted before the reader existed have no guesses: unchanged.
        #expect(HandwrittenFigures(blank: HandwrittenFiguresTests.blank, readings: Self.barredSevenDay.readings,
                                   shapes: [.unsure, .unsure]).unanimous() == nil)
    }

    @Test func theSourceSaysWhichReaderSettledTheValue() {
        // The readings agree on their own: they are said first, the single figures after.
        let agreed = Self.figures(Array(repeating: "15", count: 12), shapes: [.one, .unsure], guesses: [("1", 0.99), ("5", 1)])
        #expect(agreed.readingsUnanimous(possible: { _ in true }) == "15")
        #expect(agreed.summary(of: "15").hasPrefix("handwriting: 12 of 12 readings of the blank give 15"))
        #expect(agreed.summary(of: "15").contains("read figure by figure: 1 (99 %) 5 (100 %)"))
        // Only some figures read: the single figures first, then what the readings gave.
        let partly = Self.figures(["5", "5", "15", "", "5"], shapes: [.one, .unsure], guesses: [("1", 0.99), ("5", 1)])
        #expect(partly.summary(of: "15").hasPrefix("handwriting: read figure by figure 1 (99 %) 5 (100 %); of 5 readings of the blank, 1 give 15, 3 some of its figures"))
    }

    @Test func partsAreFiguresInTheirOrder() {
        #expect(HandwrittenFigures.isPart("5", of: "15"))
        #expect(HandwrittenFigures.isPart("07", of: "107"))
        #expect(HandwrittenFigures.isPart("15", of: "15"))
        #expect(!HandwrittenFigures.isPart("51", of: "15"))
        #expect(!HandwrittenFigures.isPart("155", of: "15"))
        #expect(!HandwrittenFigures.isPart("8", of: "15"))
    }
}
