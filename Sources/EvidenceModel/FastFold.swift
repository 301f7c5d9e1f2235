import Foundation

/// The same key as `String.folded` (diacritics removed, 'đ' → 'D', upper-cased, white space folded),
/// computed with a table instead of Unicode decomposition: the parser folds every line it reads,
/// so this is its hot path.
package enum FastFold {
    /// For each scalar below `limit`: the ASCII byte it folds to, 0 to drop it (combining mark),
    /// 32 for white space.
    @usableFromInline static let limit = 0x1F00
    @usableFromInline static let table: [UInt8] = {
        var table = [UInt8](repeating: 0x7E, count: limit)
        for value in 0..<limit {
            // Only these blocks hold letters that fold to ASCII; a full `folded` of every scalar
            // cost 20 ms at each start. A test checks the table against the full computation.
            let isLatinOrGreek = value < 0x250 || (0x370..<0x400).contains(value) || value >= 0x1E00
            table[value] = isLatinOrGreek ? slowByte(value) : kindByte(value)
        }
        return table
    }()

    /// What `String.folded` makes of one scalar, as the table stores it.
    static func slowByte(_ value: Int) -> UInt8 {
        guard let scalar = Unicode.Scalar(value) else { return 0x7E }
        let kind = kindByte(value)
        guard kind == 0x7E else { return kind }
        let key = String(scalar).foldedByDecomposition
        if key.utf8.count == 1, let byte = key.utf8.first { return byte }
        return 0x7E
    }

    /// White space and combining marks, which fold by kind; 0x7E for the rest.
    private static func kindByte(_ value: Int) -> UInt8 {
        guard let scalar = Unicode.Scalar(value) else { return 0x7E }
        if scalar.properties.isWhitespace { return 32 }
        if scalar.properties.generalCategory == .nonspacingMark { return 0 }
        return 0x7E
    }

    static var tableForTesting: [UInt8] { table }

    @inlinable
    package static func byte(for scalar: Unicode.Scalar) -> UInt8 {
        let value = Int(scalar.value)
        if value < limit { return table[value] }
        switch value {
        case 0x2010...0x2015, 0x2212: return UInt8(ascii: "-")
        case 0x2018, 0x2019, 0x201A, 0x2032: return UInt8(ascii: "'")
        case 0x201C, 0x201D, 0x201E: return UInt8(ascii: "\"")
        case 0x2028, 0x2029, 0x3000, 0x2000...0x200A: return 32
        case 0x20D0...0x20FF, 0xFE20...0xFE2F: return 0
        default: return 0x7E
        }
    }

    /// Exactly `String.folded`, or nil when a scalar has no single-byte entry in the table (it then
    /// needs the long way: FastFold's own key would turn it into '~' or ASCII punctuation).
    static func exactKey<S: StringProtocol>(_ text: S) -> String? {
        fold(text) { scalar in
            let value = Int(scalar.value)
            guard value < limit, table[value] != 0x7E || scalar == "~" else { return nil }
            return table[value]
        }
    }

    /// The folded key of `text` as ASCII.
    // Inlinable: the parser calls it for every word from another module, where an unspecialised
    // generic call would cost more than the folding.
    @inlinable
    package static func key<S: StringProtocol>(_ text: S) -> String {
        fold(text) { byte(for: $0) } ?? ""
    }

    /// Folds scalar by scalar with `byte` (0 drops the scalar, 32 is white space, folded to single
    /// spaces and trimmed); nil as soon as `byte` gives nil.
    @inlinable
    static func fold<S: StringProtocol>(_ text: S, byte: (Unicode.Scalar) -> UInt8?) -> String? {
        var complete = true
        // Folding never lengthens UTF-8, and a short result stays inline: no buffer on the heap.
        let key = String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            var count = 0
            var pendingSpace = false
            for scalar in text.unicodeScalars {
                guard let byte = byte(scalar) else { complete = false; return 0 }
                if byte == 0 { continue }
                if byte == 32 { pendingSpace = count > 0; continue }
                if pendingSpace { buffer[count] = 32; count += 1; pendingSpace = false }
                buffer[count] = byte
                count += 1
            }
            return count
        }
        return complete ? key : nil
    }
}

extension FastFold {
    /// Whether a folded key holds `needle`, byte by byte: the standard library's `contains` on
    /// strings compares Characters and costs more than the folding itself.
    package static func key(_ key: String, contains needle: String) -> Bool {
        var key = key, needle = needle
        return key.withUTF8 { haystack in
            needle.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard haystack.count >= needle.count else { return false }
                var start = 0
                while start <= haystack.count - needle.count {
                    if haystack[start] == first,
                       (1..<needle.count).allSatisfy({ haystack[start + $0] == needle[$0] }) { return true }
                    start += 1
                }
                return false
            }
        }
    }
}
