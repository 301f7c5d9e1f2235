import EvidenceLoading
import EvidenceModel
import ArgumentParser
import EvidenceVerification
import Foundation

struct Indicators: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The indicators of a framework and their evidence rules.", subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every indicator: code, maximum points, name.")
        @Option(help: "Framework id (default: every framework).") var framework: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            do {
                for framework in try IndicatorLookup.frameworks(store, id: framework) {
                    print("\(framework.id): \(framework.name)")
                    for indicator in framework.allIndicators {
                        let depth = indicator.fullCode.split(separator: ".").count - 1
                        let rule = indicator.evidence.map { " [\($0.types.joined(separator: "/"))]" } ?? ""
                        print("\(String(repeating: "  ", count: depth))\(framework.displayCode(indicator))  \(Points.text(indicator.maxPoints))  \(indicator.name)\(rule)")
                    }
                }
            } catch { throw fail("\(error)") }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One indicator with its evidence rule, as JSON.")
        @Argument(help: "Indicator code, e.g. 2.1.2.") var code: String
        @Option(help: "Framework id (default: the only one that has the code).") var framework: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let matches: [(Framework, Indicator)]
            do {
                matches = try IndicatorLookup.frameworks(store, id: framework).compactMap { f in f.indicator(code).map { (f, $0) } }
            } catch { throw fail("\(error)") }
            guard let (framework, indicator) = matches.first else { throw fail("no indicator \(code)") }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print("\(framework.id) \(framework.displayCode(indicator))")
            print(String(decoding: (try? encoder.encode(indicator)) ?? Data(), as: UTF8.self))
        }
    }
}

enum IndicatorLookup {
    static func frameworks(_ store: StoreOptions, id: String?) throws -> [Framework] {
        let catalog = try store.catalog()
        guard let id else { return catalog.ids.compactMap { catalog[$0] } }
        guard let framework = catalog[id] else {
            throw ValidationError("unknown framework '\(id)' (known: \(catalog.ids.joined(separator: ", ")))")
        }
        return [framework]
    }
}

