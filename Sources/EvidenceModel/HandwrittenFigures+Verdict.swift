/// What the readings of a hand-filled blank settle. Agreement across the conditions decides; the
/// figures' own confidences barely do (tesseract is 0.9 sure of most wrong figures too, and its
/// choice iterator offers no rival figure for nine in ten of them), so the confidence bounds below
/// are floors, not the test. Thresholds measured on labelled crops
/// (`scripts/handwriting_crops.py`, `scripts/handwriting_measure.py`): tuned on one half of the real
/// and synthetic crops, checked on the other; the figures are in the README (Extraction).
extension HandwrittenFigures {
    /// Readings needed for a verdict: a crop whose figures did not isolate under one binarisation
    /// gives half of them, too few to call anything unanimous.
    static let minimumReadings = 10
    /// Of those, how many must give figures for a value without a declaration: a condition that
    /// reads nothing casts no vote (tesseract's single-word mode reads nothing at all for many
    /// hand-filled blanks whose figures stand apart). Measured on the tune crops: 7 to 12 give no
    /// wrong value, 6 four.
    static let minimumGivingReadings = 8
    /// Of those, how many must give a possible value when some gave one the field cannot take
    /// (`unanimous`): half of the twelve, each giving the value itself.
    static let minimumPossibleReadings = 6
    /// A value without a declaration: every reading gives the same figures, and the median
    /// reading's least sure figure is at least this sure.
    static let unanimousConfidence = 0.7
    /// A declared value confirmed: at least this many readings give it, with this median confidence,
    /// and no reading gives other figures with that confidence. Measured: 8 readings confirmed a
    /// wrong value on 1 of 2,332 held-out tries (a font's '432' read '452' in eight conditions),
    /// 10 on none, for one true value in a hundred fewer confirmed.
    static let confirmingReadings = 10
    static let confirmingConfidence = 0.6

    /// Figures that hand-filled blanks write so that the others read alike: a 1 with a long flag
    /// reads 4 in every condition ('16' read '46' twelve times out of twelve on a real decision),
    /// '11' drawn like 'ΛΛ' reads '44', a 7 with a crossbar reads 4 or 1. Readings alone never settle
    /// a value holding one of them where another could stand, with a declaration or without: its
    /// outline must show it (`holdsConfusableFigure`), or a person looks.
    static let confusableFigures: [Character] = ["1", "4", "7"]

    /// Whether the figures hold a 1, 4 or 7 that could be another of the three: one whose place
    /// leaves the others possible (`possible`: the values the field can take) and whose outline does
    /// not show it (`shapes`, one per figure: a 4's crossbar, a 7's bar on top, a 1 with neither).
    /// A day's tens are 0 to 3, so the 1 of '16' cannot be a 4 or a 7 ('46' and '76' are no days):
    /// such a 1 is settled like any figure; its 6 still has to be read alike in every condition.
    /// `sevensByOutline`: a 7's outline settles a 7 too, where something else says it is a 7 (the
    /// single-figure reader's guess, `borneOutGuess`).
    static func holdsConfusableFigure(_ text: String, possible: (Int) -> Bool = { _ in true }, shapes: [FigureShape]? = nil,
                                      sevensByOutline: Bool = false) -> Bool {
        let figures = Array(text)
        let outlines = shapes.flatMap { agree($0, with: figures) ? $0 : nil }
        for (index, figure) in figures.enumerated() where confusableFigures.contains(figure) {
            // A 7's outline alone settles nothing: a 1 with a long flag can have one (2 of 118 synthetic ones).
            if let outlines, outlines[index].figure == figure, figure != "7" || sevensByOutline { continue }
            for other in confusableFigures where other != figure {
                var changed = figures
                changed[index] = other
                if let value = Int(String(changed)), possible(value) { return true }
            }
        }
        return false
    }

    /// Whether `text` has fewer figures than the blank's ink: every reading then dropped one ('31'
    /// read '3' in all twelve conditions, a font's 1 too thin for the LSTM), and the value is not
    /// the one written. Measured on the synthetic crops: it takes back every wrong value given
    /// (2 of 244 on the tune half) and no right one. The ink can only show more figures than
    /// were written where a figure's strokes stand apart (then the field stays for a person).
    func dropsAFigure(_ text: String) -> Bool {
        guard let shapes else { return false }
        return text.count < shapes.count
    }

    /// Whether the outlines fit the figures: one outline a figure, and every outline that shows a
    /// 1, 4 or 7 shows the figure at its place. Outlines that contradict a figure anywhere (a 6 with
    /// the outline of a 1) settle nothing: the figures were cut or read apart from their ink.
    static func agree(_ shapes: [FigureShape], with figures: [Character]) -> Bool {
        shapes.count == figures.count && zip(shapes, figures).allSatisfy { shape, figure in shape.figure.map { $0 == figure } ?? true }
    }

    /// The readings as the figures' outlines correct them: where a reading gives a 4 or a 7 whose
    /// figure has the outline of a 1 (one figure an outline, as many as the reading gives), it is
    /// a 1. Tesseract reads a 1 with a long flag as 4 in every condition ('16' read '46' twelve
    /// times); the outline of a 1 has nothing wide below its middle, where a 4 has its crossbar.
    /// Nothing else is corrected: an outline only ever settles, or turns a flagged 1 back.
    package var outlined: [Reading] {
        guard let shapes, shapes.contains(.one) else { return readings }
        return readings.map { reading in
            var figures = Array(reading.text)
            guard figures.count == shapes.count else { return reading }
            for index in figures.indices where shapes[index] == .one && (figures[index] == "4" || figures[index] == "7") {
                figures[index] = "1"
            }
            guard Self.agree(shapes, with: figures) else { return reading }
            var corrected = reading
            corrected.text = String(figures)
            return corrected
        }
    }

    /// How sure the LSTM must have been of the agreed figure, as the rival behind a dissenting
    /// reading's figure, for that reading to stand with the others (`unanimous`). Measured on the
    /// tune crops: 0.3 to 0.5 settle the same crops, none wrong; 0.6 one fewer.
    static let rivalAgreeing = 0.5

    /// The figures every reading agrees on, sure enough to report without a declaration; nil otherwise.
    /// Readings agree on the value ('3' and '03' are the same day); the longest is given ('08').
    /// A reading that gives another figure agrees all the same where the LSTM weighed the agreed
    /// figure behind it at `rivalAgreeing` or more: a real '08' reads '68' in six conditions, each
    /// with '0' close behind its '6', and '08' in the six others. That stands only when at least
    /// half the readings give the value itself and no other value could be agreed on that way.
    /// Readings that give nothing are left out, when at least `minimumGivingReadings` give figures.
    /// `possible`: the values the field can take (a day of the printed month).
    package func unanimous(possible: (Int) -> Bool = { _ in true }) -> String? {
        readingsUnanimous(possible: possible) ?? borneOutGuess(possible: possible)
    }

    /// The readings' own verdict (`unanimous`), without the single-figure reader.
    func readingsUnanimous(possible: (Int) -> Bool) -> String? {
        let giving = outlined.filter { !$0.text.isEmpty }
        // A reading of a value the field cannot take (a day after the first signing, or one the month
        // has not: '08' of a decision signed on the 7th) is known wrong: it casts no vote, but it
        // counts among the readings that gave figures, and at least half of those must be possible.
        // The vote is then stricter: at least `minimumPossibleReadings`, every one the value itself.
        let read = giving.filter { Int($0.text).map(possible) ?? true }
        let setAside = read.count < giving.count
        guard readings.count >= Self.minimumReadings, giving.count >= Self.minimumGivingReadings, 2 * read.count >= giving.count,
              read.count >= (setAside ? Self.minimumPossibleReadings : 1),
              read.allSatisfy({ Int($0.text) != nil }), median(read) >= Self.unanimousConfidence else { return nil }
        let agreed = Set(read.compactMap { Int($0.text) }).compactMap { value -> String? in
            let givingValue = read.filter { Int($0.text) == value }
            guard 2 * givingValue.count >= read.count, let text = givingValue.map(\.text).max(by: { $0.count < $1.count }),
                  read.allSatisfy({ Int($0.text) == value || (!setAside && $0.leansTo(text)) }) else { return nil }
            return text
        }
        guard agreed.count == 1, let text = agreed.first, let value = Int(text), possible(value), !dropsAFigure(text),
              !Self.holdsConfusableFigure(text, possible: possible, shapes: shapes) else { return nil }
        return text
    }

    /// Whether the readings confirm the declared figures ('07' and '7' are the same day or number).
    /// `possible`: the values the field can take (a day of the printed month, not after the signing).
    /// Or the single-figure reader gives the declared value, borne out by the readings (`borneOutGuess`).
    package func confirms(_ declared: String, possible: (Int) -> Bool = { _ in true }) -> Bool {
        guard let value = Int(declared), possible(value) else { return false }
        // The readings' own verdict comes first, as in `unanimous`: the guess never confirms a value
        // against one the readings agree on.
        let agreed = readingsUnanimous(possible: possible).flatMap { Int($0) }
        if let guessed = borneOutGuess(possible: possible), Int(guessed) == value, agreed == nil || agreed == value { return true }
        let readings = outlined
        let agreeing = readings.filter { Int($0.text) == value }
        // The figures as written ('04' for a declared day 4), for their outlines.
        let written = agreeing.map(\.text).max { $0.count < $1.count } ?? String(value)
        guard !dropsAFigure(written), !Self.holdsConfusableFigure(written, possible: possible, shapes: shapes) else { return false }
        // A reading of a value the field cannot take speaks for no other value.
        let other = readings.filter { !$0.text.isEmpty && Int($0.text) != value && Int($0.text).map(possible) ?? true }
        return agreeing.count >= Self.confirmingReadings && median(agreeing) >= Self.confirmingConfidence
            && !other.contains { $0.confidence >= Self.confirmingConfidence }
    }

    /// For a field's `source` and a corroboration's detail: how many readings gave `value`, or, where
    /// the single-figure reader settled it (`borneOutGuess`, the readings' own verdict none),
    /// its figures first. `possible`: as given to `unanimous` or `confirms`.
    package func summary(of value: String, possible: (Int) -> Bool = { _ in true }) -> String {
        let readings = outlined
        let agreeing = readings.filter { Int($0.text) == Int(value) }
        let least = agreeing.map(\.confidence).min() ?? 0
        let middle = median(agreeing)
        let leaning = readings.filter { Int($0.text) != Int(value) && $0.leansTo(value) }.count
        if let guesses, let text = borneOutGuess(possible: possible), Int(text) == Int(value),
           readingsUnanimous(possible: possible).flatMap({ Int($0) }) != Int(value) {
            // The single-figure reader settled it: said first, the readings after.
            let differing = readings.filter { !$0.text.isEmpty && Int($0.text) != Int(value) }
            let parts = differing.filter { Self.isPart($0.text, of: text) }.count
            // Of the others, readings of values the field cannot take cast no vote; the rest were outvoted.
            let impossible = differing.filter { !Self.isPart($0.text, of: text) && Int($0.text).map(possible) == false }.count
            let against = differing.count - parts - impossible
            return "handwriting: read figure by figure "
                + guesses.map { "\($0.figure) (\(Self.percent($0.confidence)))" }.joined(separator: " ")
                + "; of \(readings.count) readings of the blank, \(agreeing.count) give \(value), \(parts) some of its figures, "
                + (against == 0 ? "none other figures" : against == 1 ? "1 other figure, outvoted" : "\(against) other figures, outvoted")
                + (impossible == 0 ? "" : ", \(impossible) a value the field cannot take")
                + outlineNote(value)
        }
        return "handwriting: \(agreeing.count) of \(readings.count) readings of the blank give \(value) "
            + (leaning > 0 ? "and \(leaning) more weigh it close behind the figure they give " : "")
            + "(grey and Otsu, 32-48 px, line and word; median confidence \(Self.percent(middle)), least \(Self.percent(least)))"
            + outlineNote(value) + guessNote(value)
    }

    /// Where the figures' outlines settled or corrected a 1, 4 or 7 of `value`: said, so the
    /// appraiser knows the shape of the ink decided it and not the readings alone.
    private func outlineNote(_ value: String) -> String {
        guard let shapes, shapes.count == value.count,
              zip(value, shapes).contains(where: { figure, shape in Self.confusableFigures.contains(figure) && shape.figure == figure })
        else { return "" }
        let corrected = zip(readings, outlined).filter { $0.text != $1.text }.count
        return "; outline of the figures \(shapes.map(\.rawValue).joined(separator: " "))"
            + (corrected > 0 ? ": \(corrected) of those readings gave a 4 or 7 where the outline is a 1's, taken as 1" : "")
    }

    private func median(_ readings: [Reading]) -> Double {
        let sorted = readings.map(\.confidence).sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded())) %" }
}

extension HandwrittenFigures.Reading {
    /// Whether this reading, as long as `text`, differs from it only in figures behind which the
    /// LSTM weighed `text`'s figure at `HandwrittenFigures.rivalAgreeing` or more.
    func leansTo(_ text: String) -> Bool {
        let own = Array(self.text), other = Array(text)
        guard own.count == other.count else { return false }
        return own.indices.allSatisfy { index in
            guard own[index] != other[index] else { return true }
            guard index < rivals.count, let rival = rivals[index] else { return false }
            return rival.figure == String(other[index]) && rival.confidence >= HandwrittenFigures.rivalAgreeing
        }
    }
}
