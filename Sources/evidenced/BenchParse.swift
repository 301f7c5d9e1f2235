import ArgumentParser
import EvidenceModel
import EvidenceParsing
import Foundation

/// `make bench`: parsing throughput on one core (not for people: hidden).
struct BenchParse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-parse", abstract: "Parsing throughput over text files, as 3-page documents.", shouldDisplay: false)

    @Argument(help: "Text files (already-extracted documents).") var files: [String]
    @Option(help: "How long to parse.") var seconds = 3.0

    func run() throws {
        let documents = files.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }.map(Self.threePages)
        guard !documents.isEmpty else { throw ValidationError("no readable text files") }
        let rate = ParsingBenchmark.run(documents: documents, seconds: seconds)
        let characters = documents.map { $0.reduce(0) { $0 + $1.text.count } }.reduce(0, +) / documents.count
        print(String(format: "Parsing: %.0f documents/s on one core (%d documents of 3 pages, %d characters on average; target >= 2000)",
                     rate, documents.count, characters))
    }

    /// The text cut into three pages of about equal lines, as a 3-page extraction would give it.
    static func threePages(_ text: String) -> [PageText] {
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        if pages.count >= 3 { return pages.enumerated().map { PageText(page: $0.offset + 1, source: .text, text: String($0.element)) } }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let size = max(1, (lines.count + 2) / 3)
        return stride(from: 0, to: lines.count, by: size).enumerated().map { index, start in
            PageText(page: index + 1, source: .text, text: lines[start..<min(lines.count, start + size)].joined(separator: "\n"))
        }
    }
}
