import ArgumentParser
import EvidenceModel
import EvidenceParsing
import Foundation

/// Parses again what `extract --json --layout` wrote, without extracting: for working on the parser
/// against slow OCR output kept aside (not for people: hidden).
struct Reparse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reparse", abstract: "Parse the pages of saved `extract --json --layout` output again.", shouldDisplay: false)

    @Argument(help: "Files of JSON Lines written by `evidenced extract --json --layout`.") var files: [String]

    private struct Saved: Decodable { var perPage: [PageText] }

    func run() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("{") {
                let data = Data(line.utf8)
                let saved = try JSONDecoder().decode(Saved.self, from: data)
                guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
                let fields = DocumentParser().parse(saved.perPage)
                let parsed = try JSONSerialization.jsonObject(with: encoder.encode(fields)) as? [String: Any] ?? [:]
                object.merge(parsed) { _, new in new }
                object["perPage"] = nil
                let out = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                print(String(decoding: out, as: UTF8.self))
            }
        }
    }
}
