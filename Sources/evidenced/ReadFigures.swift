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

    struct Line: Encodable {
        var file: String
        var readings: [HandwrittenFigures.Reading]
        var shapes: [FigureShape] = []
        var unanimous: String?
        var error: String?
    }

    func run() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for file in files {
            var line = Line(file: file, readings: [])
            do {
                (line.readings, line.shapes) = try HandwritingReading.readings(ofCropAt: URL(fileURLWithPath: file))
                line.unanimous = HandwrittenFigures(blank: .init(page: 1), readings: line.readings, shapes: line.shapes).unanimous()
            } catch {
                line.error = error.message
            }
            print(String(decoding: try encoder.encode(line), as: UTF8.self))
        }
    }
}
