import EvidenceModel

extension Reading {
    private static let markers: [String: String] = ["TM.": "TM", "KT.": "KT", "TL.": "TL", "TUQ.": "TUQ", "Q.": "Q",
                                                     "TM": "TM", "KT": "KT", "TL": "TL", "TUQ": "TUQ"]
    private static let chairTitles: Set<String> = ["CHU TRI", "CHU TOA", "CHU TICH"]
    private static let titleEntries: [(keys: [String], title: String)] = AdministrativeVocabulary.titles.map { title in
        (title.split(separator: " ").map { Skeleton.of(FastFold.key($0)) }, title)
    }.sorted { $0.keys.count > $1.keys.count }

    /// The document's own signature block: the one beside 'Nơi nhận', else the first after the body;
    /// for minutes, the chair.
    mutating func readSigner() {
        if fields.type == "BB", readChair() { return }
        let anchor = recipientsLine()
        let ranges: [Range<Int>]
        if let anchor {
            ranges = [max(min(bodyStart, anchor), anchor - 6)..<min(lines.count, anchor + 40)]
        } else {
            ranges = [bodyStart..<lines.count]
        }
        for range in ranges {
            if let (signer, confidence, line, start) = signatureBlock(in: range) {
                fields.signer = signer
                signatureStart = anchor.map { min($0, start) } ?? start
                set(.signer, confidence: confidence, at: line)
                return
            }
        }
        signatureStart = anchor
        set(.signer, confidence: anchor == nil ? 0.3 : 0.4, at: nil)
    }

    /// The first 'Nơi nhận' line after the title.
    func recipientsLine() -> Int? {
        let noi = Skeleton.of("NOI")
        // From the number on: a header that ran long (no type line) may have swallowed the body.
        var index = min(bodyStart, (numberLine ?? headerStart) + 1)
        while index < lines.count {
            let text = lines[index].text
            if let first = text.first(where: { !$0.isWhitespace }), first == "N" || first == "n" {
                let tokens = cache.tokens(of: lines[index])
                // 'Nơi nhận:', OCR 'Noi nhin:', 'Not nban:'.
                if tokens.count >= 2, Skeleton.of(tokens[0].bareKey) == noi || tokens[0].bareKey == "NOT" {
                    let second = tokens[1].bareKey
                    if second.hasPrefix("N") && (4...5).contains(second.count) { return index }
                }
            }
            index += 1
        }
        return nil
    }

    /// Tokens of a signature line: the right column when boxes say so, and 'KT.CHU' split in two.
    private func signatureTokens(_ line: ParsedLine) -> [Token] {
        var tokens = cache.tokens(of: line)
        if tokens.contains(where: { $0.midX != nil }) {
            tokens = tokens.filter { ($0.midX ?? 1) >= 0.4 }
        } else if let box = line.box, box.maxX < 0.45 {
            return []
        }
        var out = [Token]()
        for var token in tokens {
            // 'TM.' read 'T™.'.
            if token.text.unicodeScalars.contains("\u{2122}") {
                token = Token(Substring(String(token.text).replacingOccurrences(of: "\u{2122}", with: "M")), midX: token.midX,
                              box: token.box, confidence: token.confidence)
            }
            if token.text.utf8.count > 3, token.text.utf8.contains(46),
               let dot = token.text.firstIndex(of: "."), dot < token.text.index(before: token.text.endIndex) {
                let head = token.text[...dot]
                if Self.markers[FastFold.key(head)] != nil {
                    out.append(Token(head, midX: token.midX, box: token.box, confidence: token.confidence))
                    out.append(Token(token.text[token.text.index(after: dot)...], midX: token.midX, box: token.box, confidence: token.confidence))
                    continue
                }
            }
            out.append(token)
        }
        return out
    }

    /// The longest signer's title that starts at some token, all in capitals: (title, first, count).
    private static let titleFirstWords: Set<String> = Set(titleEntries.compactMap(\.keys.first))

    private static func findTitle(_ tokens: [Token]) -> (String, Int, Int)? {
        guard tokens.contains(where: { $0.isTitleWord && titleFirstWords.contains(Skeleton.of($0.bareKey)) }) else { return nil }
        let skeletons = tokens.map { Skeleton.of($0.bareKey) }
        for start in tokens.indices where tokens[start].isTitleWord && titleFirstWords.contains(skeletons[start]) {
            for entry in titleEntries where entry.keys.count <= tokens.count - start {
                if Array(skeletons[start..<start + entry.keys.count]) == entry.keys,
                   tokens[start..<start + entry.keys.count].allSatisfy(\.isTitleWord) {
                    return (entry.title, start, entry.keys.count)
                }
            }
        }
        return nil
    }

    private func signatureBlock(in range: Range<Int>) -> (DocumentFields.Signer, Double, ParsedLine, Int)? {
        var authority: String?
        var pendingTitle: String?
        var pendingLine = range.lowerBound
        var blockStart: Int?
        var index = range.lowerBound
        while index < range.upperBound {
            let line = lines[index]
            if line.isBlank || !line.mayHoldTitle { index += 1; continue }
            let tokens = signatureTokens(line)
            if Self.startsStamp(tokens) { index += 3; continue }
            var signerTitle: String?
            var markerAt: Int?
            for (position, token) in tokens.enumerated() {
                if let marker = Self.markers[token.key], position + 1 < tokens.count, tokens[position + 1].isUpperWord {
                    authority = marker; markerAt = position
                    blockStart = blockStart ?? index
                }
            }
            if let (title, start, _) = Self.findTitle(tokens) {
                if let markerAt, markerAt == start - 1 {
                    // 'KT. CHỦ TỊCH' names whom the signer stands for; 'Q. GIÁM ĐỐC' is the signer's own.
                    if authority == "Q" { signerTitle = title } else { pendingTitle = title; pendingLine = index }
                } else if (markerAt ?? -1) < start {
                    signerTitle = title
                }
                blockStart = blockStart ?? index
            }
            if let signerTitle {
                guard let (name, confidence, nameLine) = signerName(after: index, limit: min(lines.count, index + 16)) else {
                    // A title with no name under it for 16 lines: the block was never signed.
                    return (.init(name: nil, title: signerTitle, authority: authority), 0.65, line, blockStart ?? index)
                }
                return (.init(name: name, title: signerTitle, authority: authority), confidence, nameLine, blockStart ?? index)
            }
            index += 1
        }
        // 'KT. CHỦ TỊCH' with no title line of the signer's own: the block names only the principal.
        // 'KT.' is signed by the principal's deputy (Decree 30); for 'TL.'/'TUQ.' the title is unknown.
        if let pendingTitle, let (name, confidence, nameLine) = signerName(after: pendingLine, limit: min(lines.count, pendingLine + 16)) {
            let title: String? = authority == "KT" ? Self.deputyTitle(of: pendingTitle) : nil
            return (.init(name: name, title: title, authority: authority), min(confidence, 0.5), nameLine, blockStart ?? pendingLine)
        }
        return nil
    }

    static func deputyTitle(of principal: String) -> String? {
        switch principal {
        case "BỘ TRƯỞNG": return "THỨ TRƯỞNG"
        case "THỦ TƯỚNG": return "PHÓ THỦ TƯỚNG"
        default: return principal.hasPrefix("PHÓ ") ? nil : "PHÓ " + principal
        }
    }

    private func signerName(after titleIndex: Int, limit: Int) -> (String, Double, ParsedLine)? {
        var index = titleIndex + 1
        while index < limit {
            let line = lines[index]
            if !line.isBlank {
                let tokens = signatureTokens(line)
                if Self.startsStamp(tokens) { index += 1; continue }
                if let names = Self.names(in: tokens), let name = names.last {
                    let (text, confidence) = restoreName(name.words, surnameKnown: name.surnameKnown)
                    return (text, confidence, line)
                }
            }
            index += 1
        }
        return nil
    }

    struct NameCandidate { var words: [Substring]; var surnameKnown: Bool }

    /// Names at the end of a line: a run of capitalised words, split where a family name starts.
    /// A token as a word of a name: capitalised, its edge punctuation dropped ('‘Huynh'), the English
    /// model's digits for 'o' put back ('V6' → 'Vo'); nil for anything else (a list item's 'Vụ;').
    static func nameWord(_ token: Token, upperLine: Bool) -> Substring? {
        if let last = token.text.last, last == "," || last == ";" || last == ":" { return nil }
        var word = token.text.trimmingCharacters(in: Token.punctuation)
        guard word.count >= 2 || upperLine == false && word.count >= 1 else { return nil }
        if word.contains(where: { $0 == "6" || $0 == "0" }), word.first?.isLetter == true {
            word = Substring(String(word.map { $0 == "6" || $0 == "0" ? "o" : $0 }))
        }
        var position = 0
        var sawLower = false
        for scalar in word.unicodeScalars {
            switch LetterCase.of(scalar) {
            case .mark: continue
            case .upper: if position > 0 && !upperLine { return nil }
            case .lower: if position == 0 { return nil }; sawLower = true
            case .other: return nil
            }
            position += 1
        }
        if upperLine && sawLower { return nil }
        return position > 0 ? word : nil
    }

    /// Names in a line: runs of capitalised words (minutes put two side by side), each split where a
    /// family name starts.
    static func names(in tokens: [Token]) -> [NameCandidate]? {
        let lettered = tokens.filter(\.hasLetter)
        guard !lettered.isEmpty else { return nil }
        let upperLine = lettered.allSatisfy(\.isUpperWord)
        var runs = [[Substring]]()
        var current = [Substring]()
        var outside = [Token]()
        for token in tokens {
            if let word = nameWord(token, upperLine: upperLine), current.count < 10 {
                current.append(word)
            } else {
                if !current.isEmpty { runs.append(current); current = [] }
                outside.append(token)
            }
        }
        if !current.isEmpty { runs.append(current) }
        // What is not a name is junk ('/g', '—', '.') when the line holds nothing else.
        let wholeLine = outside.allSatisfy { $0.text.count <= 2 && !$0.isCapitalizedWord || !$0.hasLetter }
        var result = [NameCandidate]()
        for words in runs where words.count >= 2 {
            let keys = words.map { FastFold.key($0) }
            let firstKnown = AdministrativeVocabulary.surnames.contains(keys[0]) || Self.repairedSurname(words[0])
            if words.count <= 4 {
                result.append(.init(words: words, surnameKnown: firstKnown))
                continue
            }
            // Two names side by side (minutes: secretary and chair): split where the second family name
            // starts, preferring the common family names and halves of even length.
            var best: (score: Int, at: Int)?
            for at in 2...(words.count - 2) where AdministrativeVocabulary.surnames.contains(keys[at]) {
                let score = (AdministrativeVocabulary.commonSurnames.contains(keys[at]) ? 10 : 0) - abs(at - (words.count - at))
                if score > (best?.score ?? Int.min) { best = (score, at) }
            }
            if let best {
                result.append(.init(words: Array(words[..<best.at]), surnameKnown: firstKnown))
                result.append(.init(words: Array(words[best.at...]), surnameKnown: true))
            } else if words.count == 5 {
                result.append(.init(words: words, surnameKnown: firstKnown))
            }
        }
        result = result.filter { (2...5).contains($0.words.count) && ($0.surnameKnown || wholeLine) }
        if upperLine && !(wholeLine && result.count == 1 && result[0].surnameKnown) { return nil }
        return result.isEmpty ? nil : result
    }

    private static func repairedSurname(_ word: Substring) -> Bool {
        guard word.allSatisfy(\.isASCII) else { return false }
        let key = FastFold.key(word)
        return key.utf8.contains(73) && AdministrativeVocabulary.surnames.contains(String(key.map { $0 == "I" ? "A" : $0 }))
    }

    /// The English model reads 'â'/'ă'/'ũ' as 'i' ('Xuin') and 'ố' as 'é' ('Quéc'): the one name syllable
    /// a single such slip leads back to, or nil when none or several do ('Ding': Dũng or Đăng).
    static func confusedSyllable(_ key: String) -> String? {
        let swaps: [Character: [Character]] = ["I": ["A", "U"], "E": ["O"]]
        var found = Set<String>()
        let characters = Array(key)
        for (index, character) in characters.enumerated() {
            for replacement in swaps[character] ?? [] {
                var candidate = characters
                candidate[index] = replacement
                if let known = AdministrativeVocabulary.nameSyllables[String(candidate)] { found.insert(known) }
            }
        }
        return found.count == 1 ? found.first : nil
    }

    /// The name with marks restored on syllables that have one usual spelling; others stay as read.
    func restoreName(_ words: [Substring], surnameKnown: Bool) -> (String, Double) {
        var out = [String]()
        var unresolved = 0
        var changed = false
        for word in words {
            var text = String(word)
            if text == text.uppercased() && text.count > 1 { text = Self.titleCased(text) }
            let ascii = text.allSatisfy(\.isASCII)
            if poorDiacritics {
                let key = FastFold.key(text)
                if let known = AdministrativeVocabulary.nameSyllables[key] {
                    if known != text { changed = true }
                    text = known
                } else if let known = Self.confusedSyllable(key) {
                    text = known; changed = true
                } else if ascii {
                    unresolved += 1
                }
            } else if ascii, AdministrativeVocabulary.nameSyllables[FastFold.key(text)] != text {
                // A name printed without marks in a document with them: maybe OCR lost them.
                unresolved += 1
            }
            out.append(text)
        }
        var confidence = surnameKnown ? 0.9 : 0.6
        if unresolved > 0 || changed { confidence = min(confidence, 0.6) }
        return (out.joined(separator: " "), confidence)
    }

    /// Minutes: the chair signs, beside the secretary.
    private mutating func readChair() -> Bool {
        var index = bodyStart
        while index < lines.count {
            guard lines[index].mayHoldTitle else { index += 1; continue }
            var lineTitles = [String]()
            var remaining = signatureTokens(lines[index])
            while let (found, start, count) = Self.findTitle(remaining) {
                lineTitles.append(found)
                remaining = Array(remaining[(start + count)...])
            }
            if let title = lineTitles.first(where: { Self.chairTitles.contains(FastFold.key($0)) }) {
                // Titles in reading order on this line and its neighbours: the chair's position among them.
                var titles = [String]()
                for neighbour in max(bodyStart, index - 1)...min(lines.count - 1, index + 1) {
                    var rest = signatureTokens(lines[neighbour])
                    while let (found, start, count) = Self.findTitle(rest) {
                        titles.append(found)
                        rest = Array(rest[(start + count)...])
                    }
                }
                guard let chairPosition = titles.firstIndex(where: { Self.chairTitles.contains(FastFold.key($0)) }) else { return false }
                var names = [(NameCandidate, ParsedLine)]()
                var next = index + 1
                while next < min(lines.count, index + 16), names.count < titles.count {
                    if let found = Self.names(in: signatureTokens(lines[next])) {
                        names += found.map { ($0, lines[next]) }
                    }
                    next += 1
                }
                let chosen: (NameCandidate, ParsedLine)?
                if chairPosition < names.count { chosen = names[chairPosition] }
                else if names.count == 1 && titles.count == 1 { chosen = names[0] }
                else { chosen = nil }
                signatureStart = max(bodyStart, index - 1)
                if let (name, line) = chosen {
                    let (text, confidence) = restoreName(name.words, surnameKnown: name.surnameKnown)
                    fields.signer = .init(name: text, title: title, authority: nil)
                    set(.signer, confidence: titles.count > 1 && names.count < titles.count ? 0.5 : confidence, at: line)
                } else {
                    fields.signer = .init(name: nil, title: title, authority: nil)
                    set(.signer, confidence: 0.4, at: lines[index])
                }
                return true
            }
            index += 1
        }
        return false
    }
}
