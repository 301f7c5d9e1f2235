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
    /// The word's box on the page, when the extraction gave word boxes.
    var box: Box?
    /// The OCR engine's confidence in the word (0...1); nil for a text layer.
    var confidence: Double?
    var hasLetter: Bool
    /// Every letter upper case and at least one letter.
    var isUpperWord: Bool
    /// First letter upper case, the rest lower case letters (punctuation around it aside): a word of a
    /// proper name.
    var isCapitalizedWord: Bool
    /// Upper case but for a letter the OCR lowered ('TRi'): enough for a printed title.
    var isMostlyUpper: Bool
    var isASCII: Bool

    init(_ text: Substring, midX: Double? = nil, box: Box? = nil, confidence: Double? = nil) {
        self.text = text
        self.box = box
        self.confidence = confidence
        let key = FastFold.key(text)
        self.key = key
        self.bareKey = key[...].trimmingASCII(Token.punctuationBytes)
        self.midX = midX
        var hasLetter = false, hasLower = false, isASCII = true
        var upperCount = 0, lowerCount = 0
        var capitalized = true
        var position = 0
        var firstIsLetter = false
        // The word's shape inside the punctuation around it.
        let scalars = text.unicodeScalars
        var low = scalars.startIndex, high = scalars.endIndex
        while low < high, LetterCase.isEdgePunctuation(scalars[low]) { low = scalars.index(after: low) }
        while high > low, LetterCase.isEdgePunctuation(scalars[scalars.index(before: high)]) { high = scalars.index(before: high) }
        for scalar in scalars where scalar.value >= 0x80 { isASCII = false; break }
        for scalar in scalars[low..<high] {
            switch LetterCase.of(scalar) {
            case .mark: continue
            case .upper:
                hasLetter = true; upperCount += 1
                if position == 0 { firstIsLetter = true } else { capitalized = false }
            case .lower:
                hasLetter = true; hasLower = true; lowerCount += 1
                if position == 0 { capitalized = false }
            case .other:
                capitalized = false
            }
            position += 1
        }
        if !hasLetter {
            for scalar in scalars where LetterCase.of(scalar) == .upper || LetterCase.of(scalar) == .lower { hasLetter = true; break }
        }
        self.hasLetter = hasLetter
        self.isUpperWord = hasLetter && !hasLower
        self.isMostlyUpper = hasLetter && upperCount >= 2 && lowerCount * 3 <= upperCount + lowerCount
        self.isCapitalizedWord = capitalized && firstIsLetter
        self.isASCII = isASCII
    }

    var skeleton: String { Skeleton.of(key) }

    /// Part of this word's text, with its box and confidence (a glued word read apart).
    func with(text part: Substring) -> Token { Token(part, midX: midX, box: box, confidence: confidence) }
    var isTitleWord: Bool { isUpperWord || isMostlyUpper }

    static let punctuation: Set<Character> = [",", ".", ";", ":", "(", ")", "\"", "'", "-", "_", "~", "/", "*", "|", "!", "?", "“", "”", "’", "‘"]
    /// '~' (an unknown glyph) is not trimmed: a misread digit must not vanish from a number.
    static let punctuationBytes: Set<UInt8> = Set(",.;:()\"'-_/*|!?".utf8)
}

/// Letter case from a table for the scalars Vietnamese text uses (Unicode property look-ups are slow).
enum LetterCase: UInt8 {
    case other, upper, lower, mark

    private static let limit = 0x2000
    private static let table: [LetterCase] = (0..<limit).map { value in
        guard let scalar = Unicode.Scalar(value) else { return .other }
        let properties = scalar.properties
        if properties.generalCategory == .nonspacingMark { return .mark }
        if properties.isAlphabetic { return properties.isLowercase ? .lower : (properties.isUppercase ? .upper : .lower) }
        return .other
    }

    static func of(_ scalar: Unicode.Scalar) -> LetterCase {
        let value = Int(scalar.value)
        if value < limit { return table[value] }
        let properties = scalar.properties
        if properties.isAlphabetic { return properties.isUppercase ? .upper : .lower }
        return .other
    }

    static func isEdgePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ".", ";", ":", "(", ")", "\"", "'", "-", "_", "~", "/", "*", "|", "!", "?", "“", "”", "’", "‘": return true
        default: return false
        }
    }
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

    var location: DocumentFields.Location { .init(page: page, line: number, box: box) }

    /// The place of some of this line's tokens: their boxes' union when the words have boxes, else the line's.
    func location(of tokens: some Collection<Token>) -> DocumentFields.Location {
        .init(page: page, line: number, box: Box.union(tokens.compactMap(\.box)) ?? box)
    }
    var hasSlash: Bool { text.utf8.contains(47) }

    /// 'TH' in any case: 'THẢO' and its OCR forms have it.
    var mayHoldDraftMark: Bool {
        var previousT = false
        for byte in text.utf8 {
            if previousT && (byte == 72 || byte == 104) { return true }
            previousT = byte == 84 || byte == 116
        }
        return false
    }

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
            return words.flatMap { word in
                word.text[...].words().map { Token($0, midX: word.box.midX, box: word.box, confidence: word.confidence) }
            }
        }
        return text.words().map { Token($0) }
    }
}

extension Box {
    /// The smallest box holding all of them; nil for none.
    static func union(_ boxes: [Box]) -> Box? {
        guard let first = boxes.first else { return nil }
        var minX = first.x, minY = first.y, maxX = first.maxX, maxY = first.maxY
        for box in boxes.dropFirst() {
            minX = min(minX, box.x); minY = min(minY, box.y); maxX = max(maxX, box.maxX); maxY = max(maxY, box.maxY)
        }
        return Box(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
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
                let utf8 = text.utf8
                // Newline offsets from the contiguous bytes; UTF-8 offsets map to indices in O(1).
                let offsets: [Int] = utf8.withContiguousStorageIfAvailable { buffer in
                    var found = [Int]()
                    for (offset, byte) in buffer.enumerated() where byte == 10 { found.append(offset) }
                    return found
                } ?? utf8.indices.filter { utf8[$0] == 10 }.map { utf8.distance(from: utf8.startIndex, to: $0) }
                var start = utf8.startIndex
                for offset in offsets + [utf8.count] {
                    number += 1
                    let end = utf8.index(utf8.startIndex, offsetBy: offset)
                    let line = text[start..<end]
                    result.append(ParsedLine(index: result.count, page: page.page, number: number, text: line,
                                             box: nil, words: [], isBlank: line.isBlankLine))
                    if end < utf8.endIndex { start = utf8.index(after: end) }
                }
            }
        }
        return result
    }
}
