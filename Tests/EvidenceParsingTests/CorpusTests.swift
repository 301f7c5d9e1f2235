import Foundation
import Testing
import EvidenceModel
@testable import EvidenceParsing

/// Runs the parser over every fixture (files in Fixtures/ and the generated corpus), prints per-field
/// accuracy and fails when a field drops below its bound. Bounds sit just under what the parser
/// achieves: a change that loses accuracy fails here.
@Suite struct CorpusTests {
    static let bounds: [String: Double] = [
        "type": 0.99, "typeName": 0.99, "number": 0.985, "issuer": 0.985, "parent": 0.99, "place": 0.985,
        "date": 0.985, "title": 0.975, "signer.name": 0.97, "signer.title": 0.97, "signer.authority": 0.97,
        "draft": 0.99, "references": 0.98,
    ]

    @Test func perFieldAccuracy() throws {
        let corpus = try FixtureCorpus.all()
        #expect(corpus.count > 200)
        let parser = DocumentParser()
        var right = [String: Int](), exact = [String: Int](), scored = [String: Int]()
        var failures = [String]()
        for document in corpus {
            let fields = parser.parse(document.pages)
            for field in ExpectedFields.scoredFields {
                guard let expected = document.expected.values[field] else { continue }
                let actual = ExpectedFields.actual(field, of: fields)
                scored[field, default: 0] += 1
                if ExpectedFields.matches(field, expected: expected, actual: actual) {
                    right[field, default: 0] += 1
                } else if failures.count < 60 {
                    failures.append("\(document.name) \(field): expected \(expected), got \(actual)")
                }
                if ExpectedFields.exactlyMatches(expected: expected, actual: actual) { exact[field, default: 0] += 1 }
            }
        }
        print("Parsing corpus: \(corpus.count) documents")
        print("field              scored  accuracy  exact(diacritics)")
        for field in ExpectedFields.scoredFields {
            let n = scored[field, default: 0]
            guard n > 0 else { continue }
            let accuracy = Double(right[field, default: 0]) / Double(n)
            let exactness = Double(exact[field, default: 0]) / Double(n)
            print(field.padding(toLength: 18, withPad: " ", startingAt: 0)
                  + String(format: " %6d  %7.3f  %7.3f", n, accuracy, exactness))
            #expect(accuracy >= Self.bounds[field, default: 1], "\(field) accuracy \(accuracy)")
        }
        for failure in failures { print("  miss: \(failure)") }
        printGroups(corpus, parser: parser)
    }

    /// Accuracy by source ('seed', 'ocr-vie', 'ocr-eng', 'generated', ...): all scored fields together.
    func printGroups(_ corpus: [CorpusDocument], parser: DocumentParser) {
        var right = [String: Int](), scored = [String: Int]()
        for document in corpus {
            let parts = document.name.split(separator: "-")
            let group = parts.first == "ocr" && parts.count > 2 ? parts[0...2].joined(separator: "-") : String(parts.first ?? "")
            let fields = parser.parse(document.pages)
            for (field, expected) in document.expected.values {
                scored[group, default: 0] += 1
                if ExpectedFields.matches(field, expected: expected, actual: ExpectedFields.actual(field, of: fields)) {
                    right[group, default: 0] += 1
                }
            }
        }
        for group in scored.keys.sorted() {
            print(String(format: "  %@: %.3f of %d field values", group, Double(right[group, default: 0]) / Double(scored[group]!), scored[group]!))
        }
    }

    /// The seeds are real documents: every scored field must be right.
    @Test func seedsAreReadWhole() throws {
        let seeds = try FixtureCorpus.files().filter { $0.name.hasPrefix("seed-") }
        #expect(seeds.count == 3)
        for seed in seeds {
            let fields = DocumentParser().parse(seed.pages)
            for (field, expected) in seed.expected.values {
                let actual = ExpectedFields.actual(field, of: fields)
                #expect(ExpectedFields.matches(field, expected: expected, actual: actual), "\(seed.name) \(field): \(actual)")
            }
        }
    }
}
