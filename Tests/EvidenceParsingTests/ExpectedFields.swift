import Foundation
import EvidenceModel

/// What a fixture's `name.expected.json` says. A key left out is not scored; `null` expects nil.
struct ExpectedFields: Sendable {
    var values: [String: Value] = [:]

    enum Value: Sendable, Equatable {
        case null
        case text(String)
        case flag(Bool)
        case references([String])
    }

    static let scoredFields = ["type", "typeName", "number", "issuer", "parent", "place", "date", "title",
                               "signer.name", "signer.title", "signer.authority", "draft", "references"]

    init(values: [String: Value]) { self.values = values }

    init(json data: Data) throws {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        for key in ["type", "typeName", "number", "issuer", "parent", "place", "date", "title"] where object.keys.contains(key) {
            values[key] = (object[key] as? String).map { .text($0.nfc) } ?? .null
        }
        if object.keys.contains("draft") { values["draft"] = .flag(object["draft"] as? Bool ?? false) }
        if object.keys.contains("signer") {
            let signer = object["signer"] as? [String: Any]
            for key in ["name", "title", "authority"] {
                values["signer." + key] = (signer?[key] as? String).map { .text($0.nfc) } ?? .null
            }
        }
        if let references = object["references"] as? [[String: Any]] {
            values["references"] = .references(references.map { Self.referenceKey($0["number"] as? String ?? "", $0["date"] as? String) })
        }
    }

    static func referenceKey(_ number: String, _ date: String?) -> String { number.nfc + "|" + (date ?? "-") }

    /// The parsed value of a field in the same shape.
    static func actual(_ field: String, of fields: DocumentFields) -> Value {
        func text(_ value: String?) -> Value { value.map { .text($0) } ?? .null }
        switch field {
        case "type": return text(fields.type)
        case "typeName": return text(fields.typeName)
        case "number": return text(fields.number)
        case "issuer": return text(fields.issuer)
        case "parent": return text(fields.parent)
        case "place": return text(fields.place)
        case "date": return text(fields.date)
        case "title": return text(fields.title)
        case "signer.name": return text(fields.signer?.name)
        case "signer.title": return text(fields.signer?.title)
        case "signer.authority": return text(fields.signer?.authority)
        case "draft": return .flag(fields.draft)
        case "references": return .references(fields.references.map { referenceKey($0.number, $0.date) })
        default: return .null
        }
    }

    /// Whether the parsed value counts as right. Names, bodies, places and titles compare without
    /// diacritics (OCR without marks cannot give them back); titles allow a few misread letters.
    static func matches(_ field: String, expected: Value, actual: Value) -> Bool {
        switch (expected, actual) {
        case (.null, .null): return true
        case let (.text(want), .text(got)):
            switch field {
            case "issuer", "parent", "place", "signer.name", "signer.title": return want.folded == got.folded
            case "title": return similarity(want.folded, got.folded) >= 0.85
            default: return want == got
            }
        case let (.flag(want), .flag(got)): return want == got
        case let (.references(want), .references(got)): return Set(want) == Set(got)
        default: return false
        }
    }

    /// Exact agreement, diacritics included: printed beside the scored accuracy.
    static func exactlyMatches(expected: Value, actual: Value) -> Bool {
        if case let (.references(want), .references(got)) = (expected, actual) { return Set(want) == Set(got) }
        return expected == actual
    }

    static func similarity(_ a: String, _ b: String) -> Double {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return 1 - Double(previous[b.count]) / Double(max(a.count, b.count))
    }
}

/// One document of the corpus: its pages and what it should parse to.
struct CorpusDocument: Sendable {
    var name: String
    var pages: [PageText]
    var expected: ExpectedFields
}

enum FixtureCorpus {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Every `name.txt` (pages split on form feeds) or `name.pages.json` ([PageText] with boxes) that
    /// has a `name.expected.json` beside it.
    static func files() throws -> [CorpusDocument] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        var documents = [CorpusDocument]()
        for name in names where name.hasSuffix(".expected.json") {
            let stem = String(name.dropLast(".expected.json".count))
            let expected = try ExpectedFields(json: Data(contentsOf: directory.appendingPathComponent(name)))
            let textURL = directory.appendingPathComponent(stem + ".txt")
            let pagesURL = directory.appendingPathComponent(stem + ".pages.json")
            if FileManager.default.fileExists(atPath: pagesURL.path) {
                let pages = try JSONDecoder().decode([PageText].self, from: Data(contentsOf: pagesURL))
                documents.append(.init(name: stem, pages: pages, expected: expected))
            } else {
                let text = try String(contentsOf: textURL, encoding: .utf8)
                let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).enumerated().map {
                    PageText(page: $0.offset + 1, source: .ocr, text: String($0.element))
                }
                documents.append(.init(name: stem, pages: pages, expected: expected))
            }
        }
        return documents
    }

    static func all() throws -> [CorpusDocument] { try files() + GeneratedCorpus.documents() }
}
