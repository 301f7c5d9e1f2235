/// Just enough DER to read a signature's PKCS#7 envelope and certificates: tag, length, contents.
/// Every read is bounds-checked; malformed input yields nil, never a trap.
struct DERNode {
    let tag: UInt8
    /// The contents, without tag and length.
    let body: ArraySlice<UInt8>
    /// Tag, length and contents: what a signature over this element covers.
    let whole: ArraySlice<UInt8>

    var isConstructed: Bool { tag & 0x20 != 0 }

    /// The elements inside a SEQUENCE, SET or constructed context tag.
    var children: [DERNode] {
        var reader = DERReader(body)
        var nodes: [DERNode] = []
        while let node = reader.next() { nodes.append(node) }
        return nodes
    }

    func child(_ index: Int) -> DERNode? {
        let all = children
        return index < all.count ? all[index] : nil
    }

    /// Dotted object identifier, for tag 0x06.
    var objectIdentifier: String? {
        guard tag == 0x06, let first = body.first else { return nil }
        var parts = [Int(first) / 40, Int(first) % 40]
        var value = 0
        for byte in body.dropFirst() {
            value = value << 7 | Int(byte & 0x7F)
            guard value < 1 << 40 else { return nil }
            if byte & 0x80 == 0 { parts.append(value); value = 0 }
        }
        return parts.map(String.init).joined(separator: ".")
    }

    /// A directory string: UTF8String, PrintableString, IA5String, T61String (read as UTF-8, then
    /// Latin-1), BMPString (UTF-16BE) or UniversalString (UTF-32BE).
    var string: String? {
        switch tag {
        case 0x0C, 0x13, 0x16, 0x14, 0x1A:
            return String(validating: body, as: UTF8.self) ?? String(body.map { Character(Unicode.Scalar($0)) })
        case 0x1E:
            let units = stride(from: body.startIndex, to: body.endIndex - 1, by: 2).map {
                UInt16(body[$0]) << 8 | UInt16(body[$0 + 1])
            }
            return String(decoding: units, as: UTF16.self)
        case 0x1C:
            var scalars = String.UnicodeScalarView()
            for index in stride(from: body.startIndex, to: body.endIndex - 3, by: 4) {
                let value = body[index..<index + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            }
            return String(scalars)
        default: return nil
        }
    }

    /// UTCTime (0x17) or GeneralizedTime (0x18) in UTC, as ISO 8601 ('2025-02-07T07:53:02Z').
    var time: String? {
        guard tag == 0x17 || tag == 0x18, let text = String(validating: body, as: UTF8.self) else { return nil }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        var year: String, rest: Substring
        if tag == 0x17 {
            guard digits.count >= 10, let short = Int(digits.prefix(2)) else { return nil }
            year = String(short < 50 ? 2000 + short : 1900 + short); rest = digits.dropFirst(2)
        } else {
            guard digits.count >= 12 else { return nil }
            year = String(digits.prefix(4)); rest = digits.dropFirst(4)
        }
        let pieces = stride(from: 0, to: min(rest.count, 10), by: 2).map { offset -> String in
            let start = rest.index(rest.startIndex, offsetBy: offset)
            return String(rest[start..<rest.index(start, offsetBy: 2)])
        }
        guard pieces.count >= 4 else { return nil }
        let seconds = pieces.count >= 5 ? pieces[4] : "00"
        // Only UTC ('Z') is valid DER for certificates and signing times; anything else is not guessed.
        guard text.hasSuffix("Z") else { return nil }
        return "\(year)-\(pieces[0])-\(pieces[1])T\(pieces[2]):\(pieces[3]):\(seconds)Z"
    }
}

/// Reads consecutive DER elements from a byte slice.
struct DERReader {
    private var bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    mutating func next() -> DERNode? {
        guard bytes.count >= 2 else { return nil }
        let start = bytes.startIndex
        let tag = bytes[start]
        // High tag numbers (0x1F) never occur in the structures read here.
        guard tag & 0x1F != 0x1F || tag == 0 else { return nil }
        var index = start + 1
        let first = bytes[index]; index += 1
        var length = 0
        if first == 0x80 {
            // BER's indefinite length, which some signing tools write: elements up to end-of-contents.
            guard tag & 0x20 != 0 else { return nil }
            var inner = DERReader(bytes[index...])
            while true {
                guard let element = inner.next() else { return nil }
                if element.tag == 0 && element.body.isEmpty {
                    let end = element.whole.endIndex
                    let node = DERNode(tag: tag, body: bytes[index..<element.whole.startIndex], whole: bytes[start..<end])
                    bytes = bytes[end...]
                    return node
                }
            }
        } else if first & 0x80 == 0 {
            length = Int(first)
        } else {
            let count = Int(first & 0x7F)
            // Indefinite lengths (BER) are not DER; four length bytes cover 4 GiB.
            guard count >= 1, count <= 4, index + count <= bytes.endIndex else { return nil }
            for byte in bytes[index..<index + count] { length = length << 8 | Int(byte) }
            index += count
        }
        guard length >= 0, index + length <= bytes.endIndex else { return nil }
        let node = DERNode(tag: tag, body: bytes[index..<index + length], whole: bytes[start..<index + length])
        bytes = bytes[(index + length)...]
        return node
    }
}
