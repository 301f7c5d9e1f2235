/// What the reader of single figures (`guesses`) settles, beside the readings of the whole blank.
/// Tesseract reads a blank as a line: it often gives only some of its figures ('5' for a '15' in
/// seven conditions of twelve) and cannot read a 7 with a crossbar at all, so the readings of many
/// blanks never agree. The single-figure reader sees each figure alone. Its word alone settles
/// nothing: a value is given when it is sure of every figure, each figure's outline shows no other
/// 1, 4 or 7 (and shows the 1, 4 or 7 it guessed where another could stand), and every reading that
/// gave figures gave that value or some of its figures in their order, none any other, one of them
/// sure. Both readers and the outline then look at the same ink: a flagged 1 with a 7's outline
/// (2 of 118 synthetic ones) taken for a 7 by this reader would be read wrong, which is why a 1, 4
/// or 7 needs all three and the readings must not give another figure anywhere, unless the reader
/// is all but certain of every figure (`sureGuessConfidence`), and even then none may give another
/// of 1, 4 and 7 where the value has one of them. Thresholds measured
/// on labelled crops (scripts/handwriting_measure.py; the reader never trained on the held-out fonts
/// nor on any real document): README, Extraction.
extension HandwrittenFigures {
    /// How sure the reader of single figures must be of each figure. Measured on the tune crops:
    /// 0.9 to 0.98 give no wrong value; at 0.9, 98 of 244 right against 47 from the readings alone.
    static let guessConfidence = 0.9
    /// Readings that must give figures of the value, one of them at least `confirmingConfidence`
    /// sure: the guesses are never taken against a blank that reads as nothing at all (none gave two
    /// wrong values on the tune crops, a lone figure '4' guessed where a '54' and a '26' were
    /// written, neither read by any condition), nor on one faint reading of a figure. The sure
    /// reading costs 2 and 4 right values of the synthetic halves, none of the real blanks.
    static let bearingReadings = 1
    /// How sure of every figure the reader must be for readings that give another figure to count
    /// only as votes against it (at least half of the readings that gave figures must still bear
    /// the value out): a hand-written 5 whose top joins its bowl reads '9' to tesseract ('575' read
    /// '975' and '9' in four conditions of twelve, '5' in four), an '05' reads '08' in half of the
    /// conditions. Measured on the tune crops: at 0.99, 88 of 244 right values against 71, none
    /// wrong; at 0.995, 87; at 0.999, 82 (the veto of a crossed 1, 4 or 7 in `borneOutGuess` costs
    /// one, a '74' read '14'). On the held halves: 2 more of the 16 blanks the extraction cut from
    /// the real scans and 2 of 156 synthetic ones right; no wrong value, and no wrong declaration
    /// confirmed (0 of 8,096 tries on the extracted and synthetic crops).
    static let sureGuessConfidence = 0.99

    /// The figures the single-figure reader is sure of, one for each figure's outline, none
    /// contradicting its outline; nil otherwise.
    var guessed: String? {
        guard let guesses, let shapes, !guesses.isEmpty, guesses.count == shapes.count,
              guesses.allSatisfy({ $0.figure.count == 1 && $0.figure.allSatisfy(\.isASCIIDigit) && $0.confidence >= Self.guessConfidence })
        else { return nil }
        let text = guesses.map(\.figure).joined()
        return Self.agree(shapes, with: Array(text)) ? text : nil
    }

    /// The single-figure reader's value where the readings bear it out (see the type's comment);
    /// nil otherwise. `possible`: the values the field can take.
    package func borneOutGuess(possible: (Int) -> Bool = { _ in true }) -> String? {
        guard let text = guessed, let value = Int(text), possible(value) else { return nil }
        let giving = outlined.filter { !$0.text.isEmpty }
        // A reading of a value the field cannot take casts no vote, as in `readingsUnanimous`: a day
        // '15' read '45' (its flagged 1 taken for a 4) bears nothing, against it or for it, while at
        // least half of those that gave figures are possible.
        // (A part of the value, '0' of '07', is no value of its own: it bears the guess out.)
        let bearing = giving.filter { Int($0.text) == value || Self.isPart($0.text, of: text) }
        let impossible = giving.filter { !bearing.contains($0) && Int($0.text).map(possible) == false }
        let against = giving.filter { !bearing.contains($0) && !impossible.contains($0) }
        // Sure of every figure, readings of other figures are votes against, save one that gives a
        // 1, 4 or 7 where the value has another of the three: the confusion a flagged 1 taken for
        // a 7 by both the reader and the outline would be, which only the readings can still see.
        let outvoted = guesses?.allSatisfy { $0.confidence >= Self.sureGuessConfidence } == true
            && !against.contains { Self.crossesConfusable($0.text, text) }
        guard bearing.count >= Self.bearingReadings, against.isEmpty || outvoted,
              2 * bearing.count >= giving.count, bearing.contains(where: { $0.confidence >= Self.confirmingConfidence }),
              // A 1, 4 or 7 where another of the three could stand must have its outline, a 7 too: the
              // flagged 1 tesseract reads as 4 can look like a 4 to this reader (one training of it read
              // two real ones so, at 0.99 and 1.00). Measured: this costs 6 of 57 and 18 of 98 right
              // values on the synthetic crops, none on the real blanks.
              !Self.holdsConfusableFigure(text, possible: possible, shapes: shapes, sevensByOutline: true) else { return nil }
        return text
    }

    /// Whether `reading`, as long as `value`, gives a 1, 4 or 7 where `value` has another of them.
    static func crossesConfusable(_ reading: String, _ value: String) -> Bool {
        reading.count == value.count && zip(reading, value).contains { read, written in
            read != written && confusableFigures.contains(read) && confusableFigures.contains(written)
        }
    }

    /// Whether `part`'s figures are some of `whole`'s, in their order ('5' of '15', '07' of '107').
    static func isPart(_ part: String, of whole: String) -> Bool {
        var rest = Substring(whole)
        for figure in part {
            guard let index = rest.firstIndex(of: figure) else { return false }
            rest = rest[rest.index(after: index)...]
        }
        return true
    }

    /// For a field's `source`: what the single-figure reader said, where it gave `value`.
    func guessNote(_ value: String) -> String {
        guard let guesses, let text = guessed, Int(text) == Int(value) else { return "" }
        return "; read figure by figure: " + guesses.map { "\($0.figure) (\(Self.percent($0.confidence)))" }.joined(separator: " ")
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
