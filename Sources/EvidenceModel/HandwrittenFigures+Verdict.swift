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
    /// '11' drawn like 'ΛΛ' reads '44', a 7 with a crossbar reads 4 or 1. Readings never settle a
    /// value holding one of them, with a declaration or without: a person looks.
    static let confusableFigures: [Character] = ["1", "4", "7"]

    /// Whether the figures hold a 1, 4 or 7 that could be another of the three: one whose place
    /// leaves the others possible (`possible`: the values the field can take). A day's tens are
    /// 0 to 3, so the 1 of '16' cannot be a 4 or a 7 ('46' and '76' are no days): such a 1 is settled
    /// like any figure; its 6 still has to be read alike in every condition.
    static func holdsConfusableFigure(_ text: String, possible: (Int) -> Bool = { _ in true }) -> Bool {
        let figures = Array(text)
        for (index, figure) in figures.enumerated() where confusableFigures.contains(figure) {
            for other in confusableFigures where other != figure {
                var changed = figures
                changed[index] = other
                if let value = Int(String(changed)), possible(value) { return true }
            }
        }
        return false
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
        let read = readings.filter { !$0.text.isEmpty }
        guard readings.count >= Self.minimumReadings, read.count >= Self.minimumGivingReadings,
              read.allSatisfy({ Int($0.text) != nil }), median(read) >= Self.unanimousConfidence else { return nil }
        let agreed = Set(read.compactMap { Int($0.text) }).compactMap { value -> String? in
            let giving = read.filter { Int($0.text) == value }
            guard 2 * giving.count >= read.count, let text = giving.map(\.text).max(by: { $0.count < $1.count }),
                  read.allSatisfy({ Int($0.text) == value || $0.leansTo(text) }) else { return nil }
            return text
        }
        guard agreed.count == 1, let text = agreed.first, let value = Int(text), possible(value),
              !Self.holdsConfusableFigure(text, possible: possible) else { return nil }
        return text
    }

    /// Whether the readings confirm the declared figures ('07' and '7' are the same day or number).
    /// `possible`: the values the field can take (a day of the printed month, not after the signing).
    package func confirms(_ declared: String, possible: (Int) -> Bool = { _ in true }) -> Bool {
        guard let value = Int(declared), possible(value), !Self.holdsConfusableFigure(String(value), possible: possible) else { return false }
        let agreeing = readings.filter { Int($0.text) == value }
        let other = readings.filter { !$0.text.isEmpty && Int($0.text) != value }
        return agreeing.count >= Self.confirmingReadings && median(agreeing) >= Self.confirmingConfidence
            && !other.contains { $0.confidence >= Self.confirmingConfidence }
    }

    /// For a field's `source` and a corroboration's detail: how many readings gave `value`.
    package func summary(of value: String) -> String {
        let agreeing = readings.filter { Int($0.text) == Int(value) }
        let least = agreeing.map(\.confidence).min() ?? 0
        let middle = median(agreeing)
        let leaning = readings.filter { Int($0.text) != Int(value) && $0.leansTo(value) }.count
        return "handwriting: \(agreeing.count) of \(readings.count) readings of the blank give \(value) "
            + (leaning > 0 ? "and \(leaning) more weigh it close behind the figure they give " : "")
            + "(grey and Otsu, 32-48 px, line and word; median confidence \(Self.percent(middle)), least \(Self.percent(least)))"
    }

    private func median(_ readings: [Reading]) -> Double {
        let sorted = readings.map(\.confidence).sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    private static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded())) %" }
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
