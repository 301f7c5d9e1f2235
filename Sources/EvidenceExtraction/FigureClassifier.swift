import EvidenceModel
import Foundation

/// A reader of single hand-written figures, beside tesseract's (issue 22): tesseract's English LSTM
/// reads a 7 with a crossbar as nothing and a flagged 1 as 4, and it reads whole lines, so one
/// figure it cannot place loses the others. This one sees each figure of a blank alone (cut by
/// `FigureInk`, described by `FigureInk.figureFeatures`) and says which of 0-9 it is, or that it
/// is not one figure (two touching, a letter), with how sure it is.
///
/// A few small networks (one hidden layer), trained by scripts/figure_classifier.py on figures
/// drawn stroke by stroke and in pen-like fonts, never on the real documents; their answers are
/// averaged. Its word alone settles nothing: `HandwrittenFigures` takes it where it agrees with the
/// readings and the outlines (`HandwrittenFigures+Guesses.swift`).
package struct FigureClassifier: Sendable {
    /// The classes: the ten figures, then 'not one figure'.
    static let classes = 11

    private let inputs: Int, hidden: Int
    /// Per network: W1 (inputs x hidden, row-major), b1, W2 (hidden x classes), b2.
    private let networks: [[Float]]

    init(inputs: Int, hidden: Int, networks count: Int, base64: String) {
        self.inputs = inputs
        self.hidden = hidden
        let size = inputs * hidden + hidden + hidden * Self.classes + Self.classes
        let bytes = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) ?? Data()
        let floats: [Float] = bytes.withUnsafeBytes { raw in
            (0..<(raw.count / 4)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
        // Weights that do not fit the shapes they claim give no networks: the classifier says nothing.
        networks = floats.count == size * count ? (0..<count).map { Array(floats[($0 * size)..<(($0 + 1) * size)]) } : []
    }

    /// Whether the weights loaded (a mismatch between the generated file and its shapes: never shipped).
    var isAvailable: Bool { !networks.isEmpty }

    /// The figure a figure's features show ('?': not one figure), and how sure the networks are on
    /// average; nil for features of another length, or when no weights loaded.
    func classify(_ features: [Float]) -> FigureGuess? {
        guard isAvailable, features.count == inputs else { return nil }
        var average = [Double](repeating: 0, count: Self.classes)
        for weights in networks {
            let probabilities = forward(features, weights)
            for index in average.indices { average[index] += probabilities[index] / Double(networks.count) }
        }
        guard let best = average.indices.max(by: { average[$0] < average[$1] }) else { return nil }
        return FigureGuess(figure: best < 10 ? String(best) : FigureGuess.notAFigure, confidence: average[best])
    }

    private func forward(_ x: [Float], _ weights: [Float]) -> [Double] {
        let w2Start = inputs * hidden + hidden, b2Start = w2Start + hidden * Self.classes
        var hiddenOut = [Float](repeating: 0, count: hidden)
        for unit in 0..<hidden {
            var sum = weights[inputs * hidden + unit]
            for input in 0..<inputs { sum += x[input] * weights[input * hidden + unit] }
            hiddenOut[unit] = max(0, sum)
        }
        var logits = [Double](repeating: 0, count: Self.classes)
        for output in 0..<Self.classes {
            var sum = weights[b2Start + output]
            for unit in 0..<hidden { sum += hiddenOut[unit] * weights[w2Start + unit * Self.classes + output] }
            logits[output] = Double(sum)
        }
        let top = logits.max() ?? 0
        let exponentials = logits.map { exp($0 - top) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }
}

extension FigureInk {
    /// Each figure's guess by the shipped classifier, left to right; nil when it has no weights.
    var guesses: [FigureGuess]? {
        let features = figureFeatures
        let guesses = features.compactMap { FigureClassifier.shipped.classify($0) }
        return guesses.count == features.count ? guesses : nil
    }
}
