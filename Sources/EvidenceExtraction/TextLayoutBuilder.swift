import EvidenceModel

/// Builds lines and words with page-fraction boxes from a text layer and one box per character.
enum TextLayoutBuilder {
    static func lines(text: String, boxes: [CharacterBox], pageWidth: Double, pageHeight: Double) -> [TextLine] {
        let scalars = Array(text.unicodeScalars)
        // Poppler gives one rectangle per character; anything else means the two do not line up.
        guard scalars.count == boxes.count, pageWidth > 0, pageHeight > 0 else { return [] }
        var lines: [TextLine] = []
        var words: [TextLine.Word] = []
        var word = String.UnicodeScalarView(), wordBox: CharacterBox?
        // Poppler runs the header's two columns together ('HUYỆN TRÀ BỒNGCỘNG HÒA'): a wide gap
        // between two characters on one line is a column break, written as a run of spaces.
        var previous: CharacterBox?, columnBreakBefore: Set<Int> = []

        func box(_ b: CharacterBox) -> Box {
            Box(x: b.x1 / pageWidth, y: b.y1 / pageHeight,
                width: (b.x2 - b.x1) / pageWidth, height: (b.y2 - b.y1) / pageHeight)
        }
        func endWord() {
            if let b = wordBox, !word.isEmpty { words.append(.init(text: String(word).nfc, box: box(b))) }
            wordBox = nil
            word = .init(); wordBox = nil
        }
        func endLine() {
            endWord()
            guard let first = words.first else { return }
            let union = words.dropFirst().reduce(first.box) { acc, w in
                let x = min(acc.x, w.box.x), y = min(acc.y, w.box.y)
                return Box(x: x, y: y, width: max(acc.maxX, w.box.maxX) - x, height: max(acc.maxY, w.box.maxY) - y)
            }
            var text = ""
            for (index, word) in words.enumerated() {
                if index > 0 { text += columnBreakBefore.contains(index) ? Self.columnGap : " " }
                text += word.text
            }
            lines.append(TextLine(text: text, box: union, words: words))
            words = []; columnBreakBefore = []; previous = nil
        }
        for (scalar, b) in zip(scalars, boxes) {
            if scalar == "\n" || scalar == "\u{0C}" { endLine(); continue }
            if scalar == " " || scalar == "\t" || (scalar.value > 0x7F && scalar.properties.isWhitespace) { endWord(); continue }
            if let last = previous, b.x1 - last.x2 > 2 * max(last.y2 - last.y1, b.y2 - b.y1) {
                endWord()
                columnBreakBefore.insert(words.count)
            }
            previous = b
            word.append(scalar)
            wordBox = wordBox.map { CharacterBox(x1: min($0.x1, b.x1), y1: min($0.y1, b.y1),
                                                 x2: max($0.x2, b.x2), y2: max($0.y2, b.y2)) } ?? b
        }
        endLine()
        return lines
    }

    /// What separates two columns in a line's text, as tesseract's preserved spaces do.
    static let columnGap = "     "

    /// The page's text rebuilt from its lines, columns kept apart.
    static func text(of lines: [TextLine]) -> String {
        lines.map(\.text).joined(separator: "\n")
    }
}
