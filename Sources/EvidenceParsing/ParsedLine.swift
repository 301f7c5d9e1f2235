import EvidenceModel

/// One word of a line: its text as read and its folded key, with the shape tests the parser asks
/// again and again computed once.
struct Token: Sendable {
    var text: Substring
    var key: String
    /// The key without punctuation around the word ('BÉNG,' → 'BENG').
    var bareKey: Substring
    /// Horizontal centre as a fraction of the page, when the extraction gave word boxes.
    var midX: Double?
    var hasLetter: Bool
    /// Every letter upper case and at least one letter.
    var isUpperWord: Bool
    /// First letter upper case, the rest lower case letters (punctuation around it aside): a word of a
    /// proper name.
    var isCapitalizedWord: Bool
    var isASCII: Bool

    init(_ text: Substring, midX: Double? = nil) {
        self.text = text
        let key = FastFold.key(text)
        self.key = key
        self.bareKey = key[...].trimmingASCII(Token.punctuationBytes)
        self.midX = midX
        var hasLetter = false, hasLower = false, isASCII = true
        for byte in text.utf8 where byte >= 0x80 { isASCII = false; break }
        // Shape of the word inside its punctuation.
        var capitalized = true
        var position = 0
        let bare = text.trimmingCharacters(in: Token.punctuation)
        for scalar in bare.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark { continue }
            let isLetter = properties.isAlphabetic
            if isLetter {
                hasLetter = true
                if properties.isLowercase { hasLower = true }
                if position == 0 { if !properties.isUppercase { capitalized = false } } else if !properties.isLowercase { capitalized = false }
            } else {
                capitalized = false
            }
            position += 1
        }
        for scalar in text.unicodeScalars where !hasLetter && scalar.properties.isAlphabetic { hasLetter = true }
        self.hasLetter = hasLetter
        self.isUpperWord = hasLetter && !hasLower
        self.isCapitalizedWord = capitalized && position > 0 && bare.unicodeScalars.first?.properties.isAlphabetic == true
        self.isASCII = isASCII
    }

    var skeleton: String { Skeleton.of(key) }

    static let punctuation: Set<Character> = [",", ".", ";", ":", "(", ")", "\"", "'", "-", "_", "~", "/", "*", "|", "!", "?", "“", "”", "’", "‘"]
    static let punctuationBytes: Set<UInt8> = Set(",.;:()\"'-_~/*|!?".utf8)
}

extension Substring {
    func trimmingCharacters(in set: Set<Character>) -> Substring {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return slice
    }

    /// Trims ASCII bytes from both ends of an ASCII key.
    func trimmingASCII(_ set: Set<UInt8>) -> Substring {
        let bytes = utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, set.contains(bytes[start]) { start = bytes.index(after: start) }
        while end > start, set.contains(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        return self[start..<end]
    }

    /// Words split on ASCII white space, scanning bytes (Character iteration is the slow path).
    func words() -> [Substring] {
        var result = [Substring]()
        let bytes = utf8
        var start: Substring.Index?
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 32 || byte == 9 || byte == 13 || byte == 10 || byte == 12 {
                if let wordStart = start { result.append(self[wordStart..<index]); start = nil }
            } else if start == nil {
                start = index
            }
            index = bytes.index(after: index)
        }
        if let wordStart = start { result.append(self[wordStart..<bytes.endIndex]) }
        return result
    }

    var isBlankLine: Bool {
        for byte in utf8 where !(byte == 32 || byte == 9 || byte == 13 || byte == 12) {
            // A no-break space alone is blank too; anything else is text.
            if byte != 0xC2 && byte != 0xA0 { return false }
        }
        return true
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> Substring {
        self[...].trimmingCharacters(in: set)
    }
}

/// A line of the document with where it is.
struct ParsedLine: Sendable {
    /// Position in the document's line list.
    var index: Int
    var page: Int
    /// 1-based within the page.
    var number: Int
    var text: Substring
    var box: Box?
    var words: [TextLine.Word]
    var isBlank: Bool

    var location: DocumentFields.Location { .init(page: page, line: number) }
    var hasSlash: Bool { text.utf8.contains(47) }

    /// Two capital ASCII letters in a row: every signer's title and marker has them ('CH', 'GI', 'TM').
    var mayHoldTitle: Bool {
        var previousUpper = false
        for byte in text.utf8 {
            let upper = byte >= 65 && byte <= 90
            if upper && previousUpper { return true }
            previousUpper = upper
        }
        return false
    }

    /// Tokens, from word boxes when the extraction kept them, else split on white space.
    func makeTokens() -> [Token] {
        if !words.isEmpty {
            return words.flatMap { word in word.text[...].words().map { Token($0, midX: word.box.midX) } }
        }
        return text.words().map { Token($0) }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

/// Tokens are made once per line, and only for the lines the parser looks at.
final class TokenCache {
    private var tokens: [[Token]?]
    init(count: Int) { tokens = Array(repeating: nil, count: count) }
    func tokens(of line: ParsedLine) -> [Token] {
        if let cached = tokens[line.index] { return cached }
        let made = line.makeTokens()
        tokens[line.index] = made
        return made
    }
}

extension DocumentParser {
    /// All lines of all pages in reading order.
    static func lines(of pages: [PageText]) -> [ParsedLine] {
        var result = [ParsedLine]()
        for page in pages {
            if !page.lines.isEmpty {
                for (index, line) in page.lines.enumerated() {
                    let text = line.text[...]
                    result.append(ParsedLine(index: result.count, page: page.page, number: index + 1, text: text,
                                             box: line.box, words: line.words, isBlank: text.isBlankLine))
                }
            } else {
                var number = 0
                let text = page.text[...]
                let bytes = text.utf8
                var start = bytes.startIndex
                var index = bytes.startIndex
                while true {
                    if index == bytes.endIndex || bytes[index] == 10 {
                        number += 1
                        let line = text[start..<index]
                        result.append(ParsedLine(index: result.count, page: page.page, number: number, text: line,
                                                 box: nil, words: [], isBlank: line.isBlankLine))
                        if index == bytes.endIndex { break }
                        start = bytes.index(after: index)
                    }
                    index = bytes.index(after: index)
                }
            }
        }
        return result
    }
}
