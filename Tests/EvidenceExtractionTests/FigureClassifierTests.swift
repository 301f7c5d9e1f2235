import EvidenceModel
import Foundation
import Testing
@testable import EvidenceExtraction

/// Issue 22: the reader of single hand-written figures, beside tesseract's readings of the blank.
@Suite struct FigureClassifierTests {
    static func guesses(_ strokes: [(Double, Double, Double, Double)], width: Int = 220) -> [FigureGuess]? {
        FigureInk(FigureShapeTests.drawn(width: width, strokes), inside: nil)?.guesses
    }

    @Test func theShippedWeightsLoadAndGuessOneFigureEachFigure() throws {
        #expect(FigureClassifier.shipped.isAvailable)
        // '14' drawn side by side: one guess each, left to right, each a figure or 'not one figure'.
        let fourteen = FigureShapeTests.flaggedOne + FigureShapeTests.openFour.map { ($0.0 + 70, $0.1, $0.2 + 70, $0.3) }
        let guesses = try #require(Self.guesses(fourteen))
        #expect(guesses.count == 2)
        #expect(guesses.allSatisfy { ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", FigureGuess.notAFigure].contains($0.figure) })
        #expect(guesses.allSatisfy { $0.confidence > 0 && $0.confidence <= 1 })
    }

    @Test func plainPenFiguresAreGuessedRight() throws {
        // An open 4 and a 0 drawn as a ring: figures the reader was made for, read with confidence.
        let four = try #require(Self.guesses(FigureShapeTests.openFour)?.first)
        #expect(four.figure == "4")
        let ring = (0..<24).map { step -> (Double, Double, Double, Double) in
            let a0 = Double(step) / 24 * 2 * .pi, a1 = Double(step + 1) / 24 * 2 * .pi
            return (60 + 20 * cos(a0), 56 + 36 * sin(a0), 60 + 20 * cos(a1), 56 + 36 * sin(a1))
        }
        let zero = try #require(Self.guesses(ring)?.first)
        #expect(zero.figure == "0")
        #expect(zero.confidence >= 0.9)
    }

    @Test func featuresOfAnotherLengthOrBrokenWeightsGiveNothing() {
        #expect(FigureClassifier.shipped.classify([0.5, 0.5]) == nil)
        let broken = FigureClassifier(inputs: 201, hidden: 48, networks: 3, base64: "AAAA")
        #expect(!broken.isAvailable)
        #expect(broken.classify([Float](repeating: 0, count: 201)) == nil)
    }

    @Test func theFeaturesAreTheSameLengthForEveryFigure() throws {
        let ink = try #require(FigureInk(FigureShapeTests.drawn(FigureShapeTests.barredSeven), inside: nil))
        let features = ink.figureFeatures
        #expect(features.count == 1)
        #expect(features.first?.count == 201)
        #expect(features.first?.allSatisfy(\.isFinite) == true)
    }
}
