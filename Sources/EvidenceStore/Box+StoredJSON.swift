import EvidenceModel

extension StoreRow {
    /// A flag's box column. Every listing of flags decodes one per row, and a `JSONDecoder` for
    /// four numbers was a quarter of `GET /api/v1/flags`'s store time (README, "Speed and memory"):
    /// the text `StoredJSON` writes is read directly, anything else through `json`.
    func box(_ column: String) throws -> Box? {
        if let text: String = self[column], let box = Box(storedJSON: text) { return box }
        return try json(column)
    }
}

extension Box {
    /// `{"height":…,"width":…,"x":…,"y":…}`, the keys sorted and nothing between the tokens, as
    /// `StoredJSON` encodes a box; nil for any other text.
    init?(storedJSON text: String) {
        var text = text
        guard let box = text.withUTF8({ bytes -> Box? in
            var position = 0
            // The number after `key`, as Double reads its text (what JSONDecoder finds too).
            func number(after key: StaticString) -> Double? {
                let key = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
                guard bytes.count - position > key.count, bytes[position..<position + key.count].elementsEqual(key) else { return nil }
                position += key.count
                let start = position
                while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
                return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
            }
            guard let height = number(after: #"{"height":"#), let width = number(after: #","width":"#),
                  let x = number(after: #","x":"#), let y = number(after: #","y":"#),
                  position == bytes.count - 1, bytes[position] == UInt8(ascii: "}") else { return nil }
            return Box(x: x, y: y, width: width, height: height)
        }) else { return nil }
        self = box
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): true
        default: false
        }
    }
}
