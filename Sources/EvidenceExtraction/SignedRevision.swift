import Foundation

/// One signature dictionary found in the file's bytes: the byte ranges it signs, its PKCS#7 value and
/// its /M time. Poppler-glib (22.x) does not expose these, so they are read from the bytes: the
/// /ByteRange array is written in clear text by every signer, and its gap is exactly the /Contents hex.
struct SignedRevision: Equatable {
    /// [offset, length, offset, length].
    var byteRange: [Int]
    /// The decoded /Contents (DER, zero padding left in).
    var contents: [UInt8]
    /// /M, as ISO 8601 with its offset, when it names one.
    var modified: String?
    /// The object number of the signature dictionary.
    var objectNumber: Int?

    /// The first byte after the signed ranges.
    var end: Int { byteRange[2] + byteRange[3] }

    /// Every signature dictionary of the file, in the order of their signed ranges' ends (signing order).
    static func all(in bytes: PDFBytes) -> [SignedRevision] {
        var found: [SignedRevision] = []
        var from = 0
        while let at = bytes.find("/ByteRange", from: from) {
            from = at + 10
            guard let range = bytes.integerArray(after: from, limit: 4), range.count == 4,
                  range[0] == 0, range[1] > 0, range[2] > range[1], range[3] >= 0,
                  range[2] + range[3] <= bytes.count else { continue }
            let hex = bytes.slice(range[1]..<range[2])
            guard hex.first == UInt8(ascii: "<"), hex.last == UInt8(ascii: ">"),
                  let der = Self.decodeHex(hex.dropFirst().dropLast()) else { continue }
            let objectStart = bytes.findBackward("obj", before: at, within: 4096)
            let header = objectStart.flatMap { bytes.objectNumber(endingAt: $0) }
            // /M sits in the same dictionary, before or after /Contents.
            let dictionaryStart = min(objectStart ?? max(0, at - 2048), range[1])
            let dictionaryEnd = min(bytes.count, max(at, range[2]) + 2048)
            let modified = bytes.literalString(after: "/M", in: dictionaryStart..<range[1])
                ?? bytes.literalString(after: "/M", in: range[2]..<max(range[2], dictionaryEnd))
            let revision = SignedRevision(byteRange: range, contents: der,
                                          modified: modified.flatMap(PDFDate.iso8601), objectNumber: header)
            if !found.contains(where: { $0.byteRange == range }) { found.append(revision) }
        }
        return found.sorted { $0.end < $1.end }
    }

    private static func decodeHex(_ hex: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(hex.count / 2)
        var high: UInt8?
        for byte in hex {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = byte - UInt8(ascii: "A") + 10
            case 0x20, 0x0A, 0x0D, 0x09: continue
            default: return nil
            }
            if let first = high { out.append(first << 4 | value); high = nil } else { high = value }
        }
        return out.isEmpty ? nil : out
    }
}

/// PDF date strings ('D:20241106085421+07'00'').
enum PDFDate {
    /// ISO 8601 with the offset the string names; nil without an offset (the instant would be a guess).
    static func iso8601(_ text: String) -> String? {
        var body = Substring(text)
        if body.hasPrefix("D:") { body = body.dropFirst(2) }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        guard digits.count >= 14 else { return nil }
        func part(_ offset: Int, _ length: Int) -> Substring {
            let start = digits.index(digits.startIndex, offsetBy: offset)
            return digits[start..<digits.index(start, offsetBy: length)]
        }
        let stamp = "\(part(0, 4))-\(part(4, 2))-\(part(6, 2))T\(part(8, 2)):\(part(10, 2)):\(part(12, 2))"
        let zone = body.dropFirst(digits.count)
        guard let sign = zone.first else { return nil }
        if sign == "Z" { return stamp + "Z" }
        guard sign == "+" || sign == "-" else { return nil }
        let zoneDigits = zone.dropFirst().filter { $0.isASCII && $0.isNumber }
        guard zoneDigits.count >= 2 else { return nil }
        let hours = zoneDigits.prefix(2)
        let minutes = zoneDigits.count >= 4 ? String(zoneDigits.dropFirst(2).prefix(2)) : "00"
        return "\(stamp)\(sign)\(hours):\(minutes)"
    }
}
