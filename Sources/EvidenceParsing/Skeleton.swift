import EvidenceModel

/// OCR-tolerant comparison key for keywords: on top of folding, the look-alikes of
/// `OCRConfusion.lookAlikes` that keywords merge ('Đ' read 'P', 'Ộ' read 'Q', 'l' read '1', 'ố' read
/// '6'/'0'), so 'POC 1AP' meets 'ĐỘC LẬP'. Only ever compared with the skeleton of a vocabulary
/// entry, never output.
enum Skeleton {
    /// Byte → byte for the folded (ASCII upper-case) text: the hot path of every parse, so a table.
    private static let bytes: [UInt8] = {
        var table = (0...255).map { UInt8($0) }
        for (character, letter) in OCRConfusion.lookAlikeMap(for: .keywords) {
            guard let from = character.asciiValue, let to = letter.asciiValue else { continue }
            table[Int(from)] = to
        }
        return table
    }()

    static func of<S: StringProtocol>(_ key: S) -> String {
        let bytes = key.utf8
        let table = Self.bytes
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            var index = bytes.startIndex
            while index < bytes.endIndex {
                let byte = bytes[index]
                let nextIndex = bytes.index(after: index)
                var out = table[Int(byte)]
                // 'Q' is 'O' without its tail, but 'QU' is QUYẾT, QUẢN: kept.
                if byte == UInt8(ascii: "Q"), nextIndex < bytes.endIndex, bytes[nextIndex] == UInt8(ascii: "U") { out = byte }
                buffer[count] = out
                count += 1
                index = nextIndex
            }
            return count
        }
    }
}
