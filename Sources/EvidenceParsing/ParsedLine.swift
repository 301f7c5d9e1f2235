import EvidenceModel

/// One word of a line: its text as read and its folded key.
struct Token: Sendable {
    var text: Substring
    var key: String
    /// Horizontal centre as a fraction of the page, when the extraction gave word boxes.
    var midX: Double?

    init(_ text: Substring, midX: Double? = nil) {
        self.text = text
        self.key = FastFold.key(text)
        self.midX = midX
    }

    var skeleton: String { Skeleton.of(key) }
    /// The key without punctuation around the word ('BÉNG,' → 'BENG').
    var bareKey: Substring { key.trimmingCharacters(in: Token.punctuation) }

    static let punctuation: Set<Character> = [",", ".", ";", ":", "(", ")", "\"", "'", "-", "_", "~", "/", "*", "|", "!", "?", "“", "”", "’", "‘"]

    /// First letter upper case, the rest lower case letters: a word of a proper name.
    var isCapitalizedWord: Bool {
        let letters = text.trimmingCharacters(in: Token.punctuation)
        guard let first = letters.first, first.isLetter, first.isUppercase, letters.count >= 1 else { return false }
        return letters.dropFirst().allSatisfy { $0.isLetter && $0.isLowercase }
    }

    /// Every letter upper case and at least one letter.
    var isUpperWord: Bool {
        var sawLetter = false
        for character in text where character.isLetter {
            if character.isLowercase { return false }
            sawLetter = true
        }
        return sawLetter
    }
}

extension Substring {
    func trimmingCharacters(in set: Set<Character>) -> Substring {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return slice
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> Substring {
        self[...].trimmingCharacters(in: set)
    }
}

/// A line of the document with where it is.
struct ParsedLine: Sendable {
    var page: Int
    /// 1-based within the page.
    var number: Int
    var text: String
    var box: Box?
    var words: [TextLine.Word]

    var location: DocumentFields.Location { .init(page: page, line: number) }
    var isBlank: Bool { text.allSatisfy(\.isWhitespace) }

    /// Tokens, from word boxes when the extraction kept them, else split on white space.
    func tokens() -> [Token] {
        if !words.isEmpty {
            return words.flatMap { word in
                word.text.split(whereSeparator: \.isWhitespace).map { Token($0, midX: word.box.midX) }
            }
        }
        return text.split(whereSeparator: \.isWhitespace).map { Token($0) }
    }
}

extension DocumentParser {
    /// All lines of all pages in reading order.
    static func lines(of pages: [PageText]) -> [ParsedLine] {
        var result = [ParsedLine]()
        for page in pages {
            if !page.lines.isEmpty {
                for (index, line) in page.lines.enumerated() {
                    result.append(ParsedLine(page: page.page, number: index + 1, text: line.text,
                                             box: line.box, words: line.words))
                }
            } else {
                var number = 0
                for text in page.text.split(separator: "\n", omittingEmptySubsequences: false) {
                    number += 1
                    result.append(ParsedLine(page: page.page, number: number, text: String(text), box: nil, words: []))
                }
            }
        }
        return result
    }
}
