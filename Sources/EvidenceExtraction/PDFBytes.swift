import Foundation

/// A PDF's raw bytes, memory-mapped, with the few searches signature reading needs.
struct PDFBytes {
    private let data: Data

    init(contentsOf url: URL) throws {
        data = try Data(contentsOf: url, options: .alwaysMapped)
    }

    init(_ data: Data) { self.data = data }

    var count: Int { data.count }

    func slice(_ range: Range<Int>) -> ArraySlice<UInt8> {
        let clamped = max(0, range.lowerBound)..<min(count, max(range.lowerBound, range.upperBound))
        return ArraySlice(data[data.startIndex + clamped.lowerBound..<data.startIndex + clamped.upperBound])
    }

    /// The first offset of `needle` at or after `from` (and before `to`).
    func find(_ needle: String, from: Int, to: Int? = nil) -> Int? {
        let pattern = Array(needle.utf8)
        let end = min(to ?? count, count)
        guard from >= 0, end - from >= pattern.count else { return nil }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            guard let base = raw.baseAddress else { return nil }
            // memchr for the first byte, then compare (glibc's memmem is not visible to Swift).
            let first = Int32(pattern[0])
            var at = from
            let last = end - pattern.count
            while at <= last {
                guard let hit = memchr(base + at, first, last - at + 1) else { return nil }
                let offset = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + offset, pattern, pattern.count) == 0 { return offset }
                at = offset + 1
            }
            return nil
        }
    }

    /// The last offset of `needle` that ends before `before`, looking back at most `within` bytes.
    func findBackward(_ needle: String, before: Int, within: Int) -> Int? {
        let pattern = Array(needle.utf8)
        let lowest = max(0, before - within)
        guard before <= count, before - lowest >= pattern.count else { return nil }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            var at = before - pattern.count
            while at >= lowest {
                if raw[at] == pattern[0] && memcmp(raw.baseAddress! + at, pattern, pattern.count) == 0 { return at }
                at -= 1
            }
            return nil
        }
    }

    /// 'N G obj' ending at `objOffset` (the offset of 'obj'): N.
    func objectNumber(endingAt objOffset: Int) -> Int? {
        let head = Array(slice(max(0, objOffset - 24)..<objOffset))
        let words = head.split { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        guard words.count >= 2, let number = Int(String(decoding: words[words.count - 2], as: UTF8.self)),
              Int(String(decoding: words[words.count - 1], as: UTF8.self)) != nil else { return nil }
        return number
    }

    /// Up to `limit` integers of the array that starts after `offset` ('[0 1849359 1874129 31469]').
    func integerArray(after offset: Int, limit: Int) -> [Int]? {
        let window = slice(offset..<offset + 128)
        guard let open = window.firstIndex(of: UInt8(ascii: "[")),
              let close = window[open...].firstIndex(of: UInt8(ascii: "]")),
              window[window.startIndex..<open].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }) else { return nil }
        let text = String(decoding: window[(open + 1)..<close], as: UTF8.self)
        let numbers = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" }).map { Int($0) }
        guard numbers.count == limit, numbers.allSatisfy({ $0 != nil }) else { return nil }
        return numbers.compactMap { $0 }
    }

    /// The literal string '(...)' following `key` inside `range` (ASCII content, as in PDF dates).
    func literalString(after key: String, in range: Range<Int>) -> String? {
        var from = range.lowerBound
        while let at = find(key, from: from, to: range.upperBound) {
            from = at + key.utf8.count
            let rest = slice(from..<min(range.upperBound, from + 64))
            // '/M(' or '/M (' only: not '/MDP' or '/Metadata'.
            guard let open = rest.firstIndex(where: { $0 != 0x20 }), rest[open] == UInt8(ascii: "("),
                  let close = rest[open...].firstIndex(of: UInt8(ascii: ")")) else { continue }
            return String(decoding: rest[(open + 1)..<close], as: UTF8.self)
        }
        return nil
    }
}
