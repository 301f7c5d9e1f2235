import Foundation

/// The same key as `String.folded` (diacritics removed, 'đ' → 'D', upper-cased, white space folded),
/// computed with a table instead of Unicode decomposition: the parser folds every line it reads,
/// so this is its hot path.
enum FastFold {
    /// For each scalar below `limit`: the ASCII byte it folds to, 0 to drop it (combining mark),
    /// 32 for white space.
    private static let limit = 0x1F00
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0x7E, count: limit)
        for value in 0..<limit {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.properties.isWhitespace { table[value] = 32; continue }
            if scalar.properties.generalCategory == .nonspacingMark { table[value] = 0; continue }
            let key = String(scalar).folded
            if key.utf8.count == 1, let byte = key.utf8.first { table[value] = byte }
        }
        return table
    }()

    static func byte(for scalar: Unicode.Scalar) -> UInt8 {
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

    /// The folded key of `text` as ASCII.
    static func key<S: StringProtocol>(_ text: S) -> String {
        // Folding never lengthens UTF-8, and a short result stays inline: no buffer on the heap.
        String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            var count = 0
            var pendingSpace = false
            for scalar in text.unicodeScalars {
                let byte = byte(for: scalar)
                if byte == 0 { continue }
                if byte == 32 { pendingSpace = count > 0; continue }
                if pendingSpace { buffer[count] = 32; count += 1; pendingSpace = false }
                buffer[count] = byte
                count += 1
            }
            return count
        }
    }
}

/// OCR-tolerant comparison key for keywords: on top of folding, letters the English model confuses are
/// merged ('Đ' read 'P', 'Ộ' read 'Q', 'l' read '1', 'ố' read '6'/'0'), so 'POC 1AP' meets 'ĐỘC LẬP'.
/// Only ever compared with the skeleton of a vocabulary entry, never output.
enum Skeleton {
    static func of<S: StringProtocol>(_ key: S) -> String {
        let bytes = key.utf8
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            var index = bytes.startIndex
            while index < bytes.endIndex {
                let byte = bytes[index]
                let nextIndex = bytes.index(after: index)
                let out: UInt8
                switch byte {
                case UInt8(ascii: "P"): out = UInt8(ascii: "D")
                case UInt8(ascii: "0"), UInt8(ascii: "6"): out = UInt8(ascii: "O")
                case UInt8(ascii: "Q"):
                    let next = nextIndex < bytes.endIndex ? bytes[nextIndex] : 0
                    out = next == UInt8(ascii: "U") ? byte : UInt8(ascii: "O")
                case UInt8(ascii: "1"), UInt8(ascii: "I"), UInt8(ascii: "|"), UInt8(ascii: "!"): out = UInt8(ascii: "L")
                default: out = byte
                }
                buffer[count] = out
                count += 1
                index = nextIndex
            }
            return count
        }
    }
}
