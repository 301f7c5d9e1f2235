import EvidenceModel

/// Figures filled into a printed blank: the number after 'Số:' and the day after 'ngày'. On most
/// scanned documents they are written by hand, and tesseract reads handwritten figures wrong with
/// confidence ('24' → '84'); a wrong number or date is a false accusation. On a scan (words with
/// OCR confidences) a figure is read only when the engine is sure of it and it has the size of the
/// printed figures around it (a hand-written figure stands taller than the typed month and year);
/// otherwise the field is abstained on. A text layer's figures are typed: read as they are.
enum FillIn {
    enum Verdict: Equatable {
        /// Typed figures, read as they are.
        case printed(String)
        /// Something is written there that is not typed figures read for sure.
        case handwritten
        /// Nothing read in the blank.
        case blank
    }

    /// Below this OCR confidence a figure is not trusted (printed figures read at 0.93–0.97).
    static let minimumConfidence = 0.9
    /// Without printed figures to compare sizes with, only near-certain figures are read.
    static let minimumConfidenceUnmeasured = 0.95
    /// Typed figures are the height of the typed month and year; hand-written ones 1.2–1.5 times it.
    static let maximumHeightRatio = 1.15
    /// A word of figures and symbol together ('24/TTr-UBND') is as tall as its slash.
    static let joinedSymbolAllowance = 1.3

    /// A word of figures and symbol together has the confidence of the whole word, which the Vietnamese
    /// model's doubt over the symbol's letters ('QĐ', 'TTr') lowers: its size must still match.
    static let joinedMinimumConfidence = 0.5

    /// What fills the blank, given its tokens and the height of printed figures on the same row.
    /// `joined`: the figures were read in one word with the symbol.
    static func assess(_ tokens: [Token], printedDigitHeight: Double?, joined: Bool = false) -> Verdict {
        let filled = tokens.filter { !$0.text.allSatisfy { $0 == "." || $0 == "…" || $0 == "_" } }
        guard !filled.isEmpty else { return .blank }
        let figures = filled.map(\.text).joined()
        let allDigits = figures.allSatisfy { $0.isASCII && $0.isNumber }
        // A text layer (no confidence): typed, as the existing readers take it.
        guard filled.allSatisfy({ $0.confidence != nil }) else { return allDigits ? .printed(figures) : .handwritten }
        guard allDigits, figures.count <= 6 else { return .handwritten }
        for token in filled {
            let confidence = token.confidence ?? 0
            if let reference = printedDigitHeight, let box = token.box {
                let least = joined ? joinedMinimumConfidence : minimumConfidence
                guard confidence >= least, box.height <= reference * maximumHeightRatio else { return .handwritten }
            } else if confidence < minimumConfidenceUnmeasured {
                return .handwritten
            }
        }
        return .printed(figures)
    }

    /// The height of typed figures among the tokens: four-digit years read with confidence (every
    /// date line has one), nil when there are none or no word boxes.
    static func printedDigitHeight(_ tokens: [Token]) -> Double? {
        let heights = tokens.compactMap { token -> Double? in
            let text = token.text.trimmingCharacters(in: Token.punctuation)
            guard text.count == 4, text.allSatisfy({ $0.isASCII && $0.isNumber }),
                  (token.confidence ?? 0) >= minimumConfidence, let box = token.box else { return nil }
            return box.height
        }.sorted()
        return heights.isEmpty ? nil : heights[heights.count / 2]
    }

    /// Whether the tokens come from OCR (every token carries a confidence).
    static func isOCR(_ tokens: [Token]) -> Bool {
        !tokens.isEmpty && tokens.allSatisfy { $0.confidence != nil }
    }
}

extension FillIn {
    /// The blank between two printed words of a line ('Số:' and '/TTr-UBND', 'ngày' and 'tháng'),
    /// where the hand-filled figures are: from the first word's end (or its colon, when OCR glued
    /// figures to it: 'Số:4B') to the second's start, half a line above and below (hand figures rise
    /// above the printed line). Nil without word boxes, and when figures are glued to the symbol.
    /// `em`: the printed font's size on that line (`printedEm`), to find where a printed word ends
    /// when OCR drew its box over hand figures touching it (see `printedWidths`).
    static func blank(after before: Token, upTo after: Token, page: Int, line: Int?, em: Double? = nil) -> DocumentFields.Location? {
        guard let left = before.box, let right = after.box else { return nil }
        func offset(_ token: Token, of index: String.Index?) -> Double? {
            guard let index, let box = token.box, !token.text.isEmpty else { return nil }
            let characters = token.text.count
            return box.x + box.width * Double(token.text.distance(from: token.text.startIndex, to: index)) / Double(characters)
        }
        let colon = before.text.firstIndex(of: ":").map { before.text.index(after: $0) }
        var start = colon.flatMap { $0 < before.text.endIndex ? offset(before, of: $0) : nil } ?? left.maxX
        // Figures glued to the symbol ('84/TTr-UBND'): where the hand-written part ends inside the
        // word is not known (hand figures are wider than print), and a cut through them reads wrong.
        if let slash = after.text.firstIndex(of: "/"), slash > after.text.startIndex { return nil }
        var end = right.x
        // A printed word whose box is much wider than the word: OCR took hand figures touching it
        // into it ('ngày' over the '1' of '15', 'tháng' over the '7' of '27', 'ngày0)tháng' read as
        // one word); the printed word ends (or starts) where its own width does.
        if let em, let width = printedWidth(before), left.width > width * em * swallowedRatio {
            start = min(start, left.x + width * em)
        }
        if let em, let width = printedWidth(after), right.width > width * em * swallowedRatio {
            end = max(end, right.maxX - width * em)
        }
        let top = min(left.y, right.y), bottom = max(left.maxY, right.maxY)
        let height = bottom - top
        guard end > start, height > 0 else { return nil }
        return .init(page: page, line: line,
                     box: Box(x: start, y: max(0, top - height / 2), width: end - start, height: min(1, bottom + height / 2) - max(0, top - height / 2)))
    }
}

extension FillIn {
    /// Widths in em of the printed words around a day's blank, in Times New Roman (regular and italic
    /// alike to a few hundredths), the font Vietnamese administrative documents are required to be
    /// printed in (Nghị định 30/2020/NĐ-CP, before it Thông tư 01/2011/TT-BNV): 'ngày' n a g y, 'tháng'
    /// t h á n g (a 't' is half the others).
    static let printedWidths: [Substring: Double] = ["NGAY": 1.94, "THANG": 2.25]
    /// A word's box this much wider than its printed width holds more than the word.
    static let swallowedRatio = 1.2

    static func printedWidth(_ token: Token) -> Double? { printedWidths[token.bareKey] }

    /// The em of the font a line is printed in, from its typed year: Times New Roman's figures are
    /// half an em wide each, and an OCR box spans about 3.8 of the four (the last one's ink, not its
    /// advance). Nil unless the year is four figures read for sure.
    static func printedEm(year token: Token) -> Double? {
        let text = token.text.trimmingCharacters(in: Token.punctuation)
        guard text.count == 4, text.allSatisfy({ $0.isASCII && $0.isNumber }), (token.confidence ?? 1) >= minimumConfidence,
              let box = token.box, box.width > 0 else { return nil }
        return box.width / 1.9
    }
}
