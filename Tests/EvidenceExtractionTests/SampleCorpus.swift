import Foundation
import Testing
import EvidenceModel

/// The committed samples and what extracting each must give (samples/expected/*.json).
struct SampleExpectation: Decodable, Sendable, CustomTestStringConvertible {
    var file: String
    var format: FileFormat
    var pages: Int
    var perPage: [Page]
    var digitalSignature: DigitalSignature?

    struct Page: Decodable, Sendable {
        var page: Int
        var source: PageSource
        var phrases: [String]
        var text: String
        /// Other sources that are right too (a blank page has nothing to read either way).
        var alsoAccept: [PageSource]?
    }

    var testDescription: String { file }

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = root.appendingPathComponent("samples")

    static func all() -> [SampleExpectation] {
        let folder = samples.appendingPathComponent("expected")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { return nil }
            return try? JSONDecoder().decode(SampleExpectation.self, from: data)
        }
    }

    var url: URL { Self.samples.appendingPathComponent(file) }
}

/// Word-level agreement between OCR output and the ground truth, independent of line order
/// (tesseract reads the header's two columns line by line, the ground truth column by column).
struct WordAgreement {
    var recall: Double
    var precision: Double

    init(found: String, expected: String) {
        let foundWords = Self.words(found), expectedWords = Self.words(expected)
        var pool: [String: Int] = [:]
        for word in foundWords { pool[word, default: 0] += 1 }
        var matched = 0
        for word in expectedWords where (pool[word] ?? 0) > 0 {
            pool[word]! -= 1
            matched += 1
        }
        recall = expectedWords.isEmpty ? 1 : Double(matched) / Double(expectedWords.count)
        precision = foundWords.isEmpty ? 1 : Double(matched) / Double(foundWords.count)
    }

    static func words(_ text: String) -> [String] {
        text.nfc.split(whereSeparator: { $0.isWhitespace }).map {
            String($0).trimmingCharacters(in: .punctuationCharacters)
        }.filter { !$0.isEmpty }
    }
}

/// Levenshtein distance over characters divided by the expected length.
func characterErrorRate(_ found: String, _ expected: String) -> Double {
    let a = Array(found), b = Array(expected)
    guard !b.isEmpty else { return a.isEmpty ? 0 : 1 }
    var previous = Array(0...a.count), current = [Int](repeating: 0, count: a.count + 1)
    for j in 1...b.count {
        current[0] = j
        for i in 1...max(1, a.count) where i <= a.count {
            current[i] = min(previous[i] + 1, current[i - 1] + 1, previous[i - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return Double(previous[a.count]) / Double(b.count)
}
