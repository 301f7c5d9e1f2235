/// A JSON value as written, from a small strict parser that reports the line and column of a
/// syntax error (Foundation's messages differ between platforms) and keeps true/false apart
/// from numbers.
enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
        default: return false
        }
    }

    subscript(key: String) -> JSONValue? {
        guard case let .object(pairs) = self else { return nil }
        return pairs.last(where: { $0.key == key })?.value
    }

    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "true/false"
        case .number: "a number"
        case .string: "text"
        case .array: "a list"
        case .object: "an object"
        }
    }

    struct SyntaxError: Error, Equatable {
        var line: Int
        var column: Int
        var reason: String
    }

    static func parse(_ text: String) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(Array(text.unicodeScalars))
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.atEnd else { throw parser.error("unexpected text after the JSON value") }
        return value
    }
}

private struct JSONParser {
    let scalars: [Unicode.Scalar]
    var index = 0
    var line = 1
    var lineStart = 0

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        if scalars.first == "\u{FEFF}" { index = 1; lineStart = 1 }
    }

    var atEnd: Bool { index >= scalars.count }
    var current: Unicode.Scalar? { atEnd ? nil : scalars[index] }

    func error(_ reason: String) -> JSONValue.SyntaxError {
        JSONValue.SyntaxError(line: line, column: index - lineStart + 1, reason: reason)
    }

    mutating func advance() {
        if scalars[index] == "\n" { line += 1; lineStart = index + 1 }
        index += 1
    }

    mutating func skipSpace() {
        while let c = current, c == " " || c == "\t" || c == "\n" || c == "\r" { advance() }
    }

    mutating func expect(_ word: String, _ value: JSONValue) throws(JSONValue.SyntaxError) -> JSONValue {
        for scalar in word.unicodeScalars {
            guard current == scalar else { throw error("invalid literal (expected '\(word)')") }
            advance()
        }
        return value
    }

    mutating func value(depth: Int) throws(JSONValue.SyntaxError) -> JSONValue {
        guard depth < 200 else { throw error("nesting too deep") }
        guard let c = current else { throw error("unexpected end of the file") }
        switch c {
        case "{": return try object(depth: depth)
        case "[": return try array(depth: depth)
        case "\"": return .string(try string())
        case "t": return try expect("true", .bool(true))
        case "f": return try expect("false", .bool(false))
        case "n": return try expect("null", .null)
        case "-", "0"..."9": return try number()
        default: throw error("unexpected character '\(c)'")
        }
    }

    mutating func object(depth: Int) throws(JSONValue.SyntaxError) -> JSONValue {
        advance()
        var pairs: [(key: String, value: JSONValue)] = []
        skipSpace()
        if current == "}" { advance(); return .object(pairs) }
        while true {
            skipSpace()
            guard current == "\"" else { throw error("expected a quoted key") }
            let key = try string()
            skipSpace()
            guard current == ":" else { throw error("expected ':' after the key \"\(key)\"") }
            advance()
            skipSpace()
            pairs.append((key, try value(depth: depth + 1)))
            skipSpace()
            if current == "," { advance(); continue }
            if current == "}" { advance(); return .object(pairs) }
            throw error(atEnd ? "unexpected end of the file (missing '}')" : "expected ',' or '}'")
        }
    }

    mutating func array(depth: Int) throws(JSONValue.SyntaxError) -> JSONValue {
        advance()
        var items: [JSONValue] = []
        skipSpace()
        if current == "]" { advance(); return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            if current == "," { advance(); continue }
            if current == "]" { advance(); return .array(items) }
            throw error(atEnd ? "unexpected end of the file (missing ']')" : "expected ',' or ']'")
        }
    }

    mutating func string() throws(JSONValue.SyntaxError) -> String {
        advance()
        var out = String.UnicodeScalarView()
        while true {
            guard let c = current else { throw error("unterminated string") }
            if c == "\"" { advance(); return String(out) }
            if c.value < 0x20 { throw error("control character in a string") }
            if c == "\\" {
                advance()
                guard let e = current else { throw error("unterminated string") }
                switch e {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "/": out.append("/")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "u":
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard current == "\\" else { throw error("unpaired surrogate") }
                        advance()
                        guard current == "u" else { throw error("unpaired surrogate") }
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                        out.append(scalar)
                        continue
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                    out.append(scalar)
                    continue
                default: throw error("invalid escape '\\\(e)'")
                }
                advance()
                continue
            }
            out.append(c)
            advance()
        }
    }

    /// Reads the four hex digits after '\u' (the 'u' is current).
    mutating func hex4() throws(JSONValue.SyntaxError) -> UInt32 {
        advance()
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let c = current, let digit = Int(String(c), radix: 16) else { throw error("invalid \\u escape") }
            code = code * 16 + UInt32(digit)
            advance()
        }
        return code
    }

    mutating func number() throws(JSONValue.SyntaxError) -> JSONValue {
        let start = index
        let startError = error("invalid number")
        if current == "-" { advance() }
        guard let first = current, ("0"..."9").contains(first) else { throw startError }
        if first == "0" { advance() } else { while let c = current, ("0"..."9").contains(c) { advance() } }
        if current == "." {
            advance()
            guard let c = current, ("0"..."9").contains(c) else { throw error("invalid number") }
            while let c = current, ("0"..."9").contains(c) { advance() }
        }
        if current == "e" || current == "E" {
            advance()
            if current == "+" || current == "-" { advance() }
            guard let c = current, ("0"..."9").contains(c) else { throw error("invalid number") }
            while let c = current, ("0"..."9").contains(c) { advance() }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[start..<index])
        guard let value = Double(text), value.isFinite else { throw startError }
        return .number(value)
    }
}
