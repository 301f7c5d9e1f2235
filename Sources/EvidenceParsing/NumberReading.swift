import EvidenceModel

/// The number and symbol ('Số: 178/KH-UBND'), repaired the ways the blank-filled number and OCR break it.
enum NumberReading {
    struct Result: Sendable {
        /// Digits, nil when the number is blank or its figures are unreadable (handwriting).
        var digits: String?
        /// '2005' in '44/2005/QĐ-UBND'.
        var year: String?
        /// Symbol parts, restored ('QĐ', 'UBND'); empty when the text had none.
        var parts: [String]
        var repaired: Bool
        /// A part not in the vocabulary that could be a misreading.
        var doubtful: Bool
        /// The figures were there but unreadable.
        var unreadable: Bool

        var symbol: String? { parts.isEmpty ? nil : parts.joined(separator: "-") }
        var value: String? {
            guard let digits, let symbol else { return nil }
            return digits + (year.map { "/" + $0 } ?? "") + "/" + symbol
        }
        var confidence: Double {
            if value == nil { return unreadable ? 0.2 : 0.3 }
            if doubtful { return 0.5 }
            return repaired ? 0.7 : 0.95
        }
        /// The type abbreviation its symbol starts with.
        var typeCode: DocumentType? { parts.first.flatMap(DocumentType.coded) }
    }

    /// For a 'Số:' token ('Số:', 'S6:95', 'Sé:', 'Sb:'), the text after the colon; nil for any other token.
    static func soPrefix(_ token: Token) -> Substring? {
        let key = token.key
        // '$6:' is 'Số:' to the English model.
        guard key.hasPrefix("S") || key.hasPrefix("$") else { return nil }
        var index = key.index(after: key.startIndex)
        if index < key.endIndex, "O06BE8D~".contains(key[index]) { index = key.index(after: index) }
        if index == key.endIndex {
            return token.text.hasPrefix("S") || token.text.hasPrefix("s") || token.text.hasPrefix("$") ? token.text[token.text.endIndex...] : nil
        }
        guard key[index] == ":" || key[index] == "." else { return nil }
        // Same offset in the original text: every character before the colon folds to one byte.
        guard let colon = token.text.firstIndex(where: { $0 == ":" || $0 == "." }) else { return nil }
        return token.text[token.text.index(after: colon)...]
    }

    /// Whether a token continues a number being read ('95', '/KH-UBND', '-', 'UBND' after '-').
    static func continues(_ token: Token, after raw: String) -> Bool {
        let text = token.text
        if text.contains(where: \.isNumber) || text.hasPrefix("/") || text.hasPrefix("-") { return !text.utf8.contains(44) || text.last == "," }
        if raw.hasSuffix("/") || raw.hasSuffix("-") { return text.allSatisfy { $0.isLetter || $0 == "-" || $0 == "&" } }
        return false
    }

    private static let trailing: Set<Character> = [".", ",", ";", ":", "'", "\"", ")", "’", "”", "*"]

    /// Reads 'digits[/year]/symbol' from text with the spaces already removed.
    static func read(_ raw: Substring) -> Result {
        var text = raw
        var repaired = false
        while let last = text.last, trailing.contains(last) { text = text.dropLast(); repaired = true }
        while let first = text.first, first == ":" || first == "." { text = text.dropFirst() }
        var result = Result(digits: nil, year: nil, parts: [], repaired: repaired, doubtful: false, unreadable: false)
        let slash = text.firstIndex(of: "/")
        var digits = slash.map { text[..<$0] } ?? text
        while let last = digits.last, last == "." || last == "," || last == ":" { digits = digits.dropLast(); result.repaired = true }
        if !digits.isEmpty {
            if digits.allSatisfy({ $0.isASCII && $0.isNumber }) && digits.count <= 6 {
                result.digits = String(digits)
            } else {
                result.unreadable = true
            }
        }
        guard let slash else { return result }
        var rest = text[text.index(after: slash)...]
        if rest.count > 5, rest.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber }),
           rest[rest.index(rest.startIndex, offsetBy: 4)] == "/" {
            result.year = String(rest.prefix(4))
            rest = rest.dropFirst(5)
        }
        var separatorRepaired = false
        let pieces = rest.split(whereSeparator: { character in
            if character == "." || character == ":" || character == "_" { separatorRepaired = true; return true }
            return character == "-" || character == "–" || character == "—"
        })
        var parts = [String]()
        for piece in pieces where !piece.isEmpty {
            let part = String(piece)
            guard part.contains(where: \.isLetter) else {
                result.doubtful = true; parts.append(part); continue
            }
            if let known = SymbolVocabulary.restore(part) {
                if known != part { result.repaired = true }
                parts.append(known)
            } else {
                let upper = part.uppercased()
                // A part with letters OCR confuses may be a misreading: keep it, trust it less.
                if part.contains(where: { "PDbB01Il|".contains($0) }) || upper != part { result.doubtful = true }
                parts.append(part)
            }
        }
        if separatorRepaired && parts.count > 1 { result.repaired = true }
        result.parts = parts
        return result
    }

    /// Symbol-only text ('/TB-UBND') read apart from its digits.
    static func isSymbolToken(_ token: Token) -> Bool {
        let text = token.text
        guard text.hasPrefix("/"), text.count >= 3 else { return false }
        let afterSlash = text.dropFirst()
        guard let first = afterSlash.first, first.isLetter else { return false }
        return afterSlash.utf8.contains(45) || afterSlash.count >= 2 && afterSlash.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." }
    }
}
