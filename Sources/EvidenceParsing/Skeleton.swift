import EvidenceModel

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
