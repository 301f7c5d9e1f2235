import Crypto
import Foundation

/// What `store copy` and `store verify` compare, per table: the rows each side holds and a sha256
/// over them, in primary-key order, every value in its canonical text (`StoreValue.checksumText`),
/// computed by the same code on both backends.
package struct StoreComparison: Sendable {
    package struct Table: Sendable {
        package var name: String
        package var sourceRows: Int
        package var targetRows: Int
        package var sourceChecksum: String
        package var targetChecksum: String
        package var matches: Bool { sourceRows == targetRows && sourceChecksum == targetChecksum }
    }

    package var tables: [Table]

    /// The tables whose rows differ, in copy order.
    package var mismatched: [String] { tables.filter { !$0.matches }.map(\.name) }
    package var sourceRows: Int { tables.reduce(0) { $0 + $1.sourceRows } }

    init(source: [String: TableDigest], target: [String: TableDigest]) {
        tables = StoreTables.copied.map { name in
            Table(name: name, sourceRows: source[name]?.rows ?? 0, targetRows: target[name]?.rows ?? 0,
                  sourceChecksum: source[name]?.hex ?? "", targetChecksum: target[name]?.hex ?? "")
        }
    }

    /// One line a table, for a terminal: rows on each side, the checksums' first 16 digits, and
    /// whether they agree.
    package var rendered: String {
        let header = ["table", "source rows", "target rows", "source sha256", "target sha256", ""]
        let rows = tables.map { table in
            [table.name, "\(table.sourceRows)", "\(table.targetRows)", String(table.sourceChecksum.prefix(16)),
             String(table.targetChecksum.prefix(16)), table.matches ? "same" : "DIFFERS"]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { cells in
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                // Counts right-aligned, text left-aligned.
                return column == 1 || column == 2 ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}

/// A table's rows and checksum, fed one canonical row at a time.
struct TableDigest {
    private(set) var rows = 0
    private var hasher = SHA256()

    /// Values end with a unit separator and rows with a record separator; text values carry their
    /// length, so no two different tables of values give the same bytes.
    mutating func add(_ row: [StoreValue]) {
        var text = ""
        for value in row { text += value.checksumText + "\u{1F}" }
        hasher.update(data: Data((text + "\u{1E}").utf8))
        rows += 1
    }

    var hex: String { hasher.finalize().map { String(format: "%02x", $0) }.joined() }
}

/// A finished copy: what was compared after it, and how long the copy took.
package struct StoreCopyReport: Sendable {
    package var comparison: StoreComparison
    /// The copy itself (one target transaction), then the target read back.
    package var copySeconds: Double
    package var verifySeconds: Double

    package var rowsPerSecond: Double { copySeconds > 0 ? Double(comparison.sourceRows) / copySeconds : 0 }
}
