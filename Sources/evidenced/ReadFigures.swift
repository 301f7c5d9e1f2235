import ArgumentParser
import EvidenceExtraction
import EvidenceModel
import Foundation

/// For measuring the readings of hand-filled figures on labelled crops (scripts/handwriting_measure.py;
/// not for people: hidden). One JSON line a file: its readings, and what they give unanimously.
struct ReadFigures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read-figures", abstract: "Read hand-filled figures from crop images under every condition.", shouldDisplay: false)

    @Argument(help: "Crop images (PNG, JPEG, TIFF) of a blank's hand-filled figures.") var files: [String]
    @ArgumentParser.Flag(help: "Print each figure's features for the figure classifier instead of reading (scripts/figure_classifier.py).")
    var features = false
    @Option(help: "Keep only the ink whose middle is this many pixels or more inside the crop's left and right ends, as the extraction does with the blank's own columns.")
    var insideMargin: Int?

    struct Line: Encodable {
        var file: String
        var readings: [HandwrittenFigures.Reading]
        var shapes: [FigureShape] = []
        var unanimous: String?
        var guesses: [FigureGuess]?
        var features: [[Float]]?
        var error: String?
    }

    func run() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for file in files {
            var line = Line(file: file, readings: [])
            do {
                let url = URL(fileURLWithPath: file)
                if features {
                    (line.shapes, line.features) = try HandwritingReading.figureFeatures(ofCropAt: url, insideMargin: insideMargin)
                } else {
                    (line.readings, line.shapes, line.guesses) = try HandwritingReading.readings(ofCropAt: url, insideMargin: insideMargin)
                    line.unanimous = HandwrittenFigures(blank: .init(page: 1), readings: line.readings, shapes: line.shapes,
                                                        guesses: line.guesses).unanimous()
                }
            } catch {
                line.error = error.message
            }
            print(String(decoding: try encoder.encode(line), as: UTF8.self))
        }
    }
}
