/// What the reader of single figures (`FigureClassifier`, EvidenceExtraction) says one hand-written
/// figure of a blank is: a figure '0'-'9', or '?' when it is not one figure (two touching, a
/// letter), and how sure it is (0...1, its networks' average).
package struct FigureGuess: Codable, Hashable, Sendable {
    package var figure: String
    package var confidence: Double

    package init(figure: String, confidence: Double) { self.figure = figure; self.confidence = confidence }

    /// Not one figure.
    package static let notAFigure = "?"
}
