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

    /// What fills the blank, given its tokens and the height of printed figures on the same row.
    static func assess(_ tokens: [Token], printedDigitHeight: Double?) -> Verdict {
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
                guard confidence >= minimumConfidence, box.height <= reference * maximumHeightRatio else { return .handwritten }
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
