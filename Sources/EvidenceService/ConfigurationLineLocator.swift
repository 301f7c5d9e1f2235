/// Finds the line a key was written on, for messages: TOMLKit reports lines only for syntax errors.
/// Best effort over the plain forms (`[table]` headers, `key = value`, dotted keys); nil otherwise.
struct ConfigurationLineLocator: Sendable {
    private var lines: [String: Int] = [:]

    init(text: String) {
        var table: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            let number = index + 1
            if line.hasPrefix("[") {
                let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
                table = Self.keyPath(inner)
                record(table, number)
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                record(table + Self.keyPath(line[..<equals]), number)
            }
        }
    }

    /// The line of a dotted key such as `ocr.dpi`, or of a table such as `ocr`.
    func line(of key: String) -> Int? { lines[key] }

    private mutating func record(_ path: [String], _ number: Int) {
        guard !path.isEmpty else { return }
        let key = path.joined(separator: ".")
        if lines[key] == nil { lines[key] = number }
    }

    /// `ocr . "dpi"` → ["ocr", "dpi"].
    private static func keyPath(_ text: Substring) -> [String] {
        text.split(separator: ".").map { part in
            part.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }.filter { !$0.isEmpty }
    }
}

import Foundation
