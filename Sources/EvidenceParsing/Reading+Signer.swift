import Foundation
import EvidenceModel

extension Reading {
    private static let markers: [String: String] = ["TM.": "TM", "KT.": "KT", "TL.": "TL", "TUQ.": "TUQ", "Q.": "Q",
                                                     "TM": "TM", "KT": "KT", "TL": "TL", "TUQ": "TUQ"]
    private static let titleEntries: [(keys: [String], title: String)] = AdministrativeVocabulary.titles.map { title in
        (title.split(separator: " ").map { Skeleton.of(FastFold.key($0)) }, title)
    }.sorted { $0.keys.count > $1.keys.count }

    /// The document's own signature block: the one beside 'Nơi nhận', else the first after the body;
    /// for minutes, the chair. Never in a document attached after this one (a draft resolution with
    /// its own unsigned block), nor a form after the signature (a delivery receipt).
    mutating func readSigner() {
        documentEnd = attachedDocumentStart() ?? lines.count
        if fields.type == "BB", readChair() { return }
        let anchor = recipientsLine()
        recipientsAnchor = anchor
        let range: Range<Int>
        if let anchor {
            range = max(min(bodyStart, anchor), anchor - 6)..<min(documentEnd, anchor + 40)
        } else {
            range = bodyStart..<documentEnd
        }
        if let block = signatureBlock(in: range) {
            fields.signer = block.signer
            signatureStart = anchor.map { min($0, block.start) } ?? block.start
            placeSigner(block)
            return
        }
        // The seal hid the title lines: a name alone under the recipients, in the signature column.
        if let anchor, let (name, confidence, line, tokens) = nameAlone(in: anchor..<min(documentEnd, anchor + 40)) {
            fields.signer = .init(name: name, title: nil, authority: nil)
            signatureStart = anchor
            set(.signer, confidence: min(confidence, 0.5), place: line.location(of: tokens))
            set(.signerName, confidence: min(confidence, 0.5), place: line.location(of: tokens))
            fields.locations[.signerTitle] = Self.regionAbove(line.location(of: tokens))
            return
        }
        signatureStart = anchor
        set(.signer, confidence: anchor == nil ? 0.3 : 0.4, at: nil)
        // Nothing of the block read (the seal, the signature over it): where it should be, beside the
        // recipients, for a person to read.
        if let anchor, let box = lines[anchor].box {
            let region = DocumentFields.Location(page: lines[anchor].page, line: nil,
                                                 box: Box(x: 0.45, y: box.y, width: 0.5, height: min(0.3, 1 - box.y)))
            for field in [DocumentField.signer, .signerTitle, .signerName] { fields.locations[field] = region }
            // The OCR found a picture there and no text: the seal and the signature over the block.
            signatureImage = lines[anchor..<min(documentEnd, anchor + 40)].contains { line in
                guard line.isBlank, line.page == lines[anchor].page, let picture = line.box else { return false }
                return picture.x >= 0.4 && picture.height >= 0.05 && abs(picture.y - box.y) < 0.2
            }
        }
    }

    /// A signature block as read: the signer, how sure, and where its lines are.
    struct Block {
        var signer: DocumentFields.Signer
        var confidence: Double
        /// Index of the block's first line.
        var start: Int
        var titlePlace: DocumentFields.Location?
        var namePlace: DocumentFields.Location?
    }

    /// The first 'Nơi nhận' line after the title.
    func recipientsLine() -> Int? {
        let noi = Skeleton.of("NOI")
        // From the number on: a header that ran long (no type line) may have swallowed the body.
        var index = min(bodyStart, (numberLine ?? headerStart) + 1)
        while index < documentEnd {
            let text = lines[index].text
            if let first = text.first(where: { !$0.isWhitespace }), first == "N" || first == "n" {
                let tokens = cache.tokens(of: lines[index])
                // 'Nơi nhận:', OCR 'Noi nhin:', 'Not nban:'.
                if tokens.count >= 2, Skeleton.of(tokens[0].bareKey) == noi || tokens[0].bareKey == "NOT" {
                    let second = tokens[1].bareKey
                    if second.hasPrefix("N") && (4...5).contains(second.count) { return index }
                }
            }
            // The seal or a stroke glued to it: '__MNinhận:-', at the left margin of a laid-out line.
            if let box = lines[index].box, box.x < 0.3, let first = cache.tokens(of: lines[index]).first,
               first.key.count <= 14, first.key.contains("NHAN:"), !first.key.hasPrefix("NHAN") {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Tokens of a signature line: the right column when boxes say so, and 'KT.CHU' split in two.
    func signatureTokens(_ line: ParsedLine) -> [Token] {
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

    static func findTitle(_ tokens: [Token]) -> (String, Int, Int)? {
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

    private func signatureBlock(in range: Range<Int>) -> Block? {
        var authority: String?
        /// An authority line the seal damaged ('T. CHỦ TỊCH'): whom the signer stands for is known,
        /// how is not, so neither the authority nor (without a title line of its own) the title is.
        var damagedMarker = false
        var pendingTitle: String?
        var pendingLine = range.lowerBound
        var pendingPlace: DocumentFields.Location?
        var blockStart: Int?
        var index = range.lowerBound
        while index < range.upperBound {
            let line = lines[index]
            if line.isBlank || !line.mayHoldTitle { index += 1; continue }
            let tokens = signatureTokens(line)
            if Self.startsStamp(tokens) { index += 3; continue }
            // A form after the signature ('NGƯỜI NHẬN QUYẾT ĐỊNH (Ký, ghi rõ họ tên)'): not a signature.
            if Self.isFormBlock(tokens) { break }
            var signerTitle: String?
            var markerAt: Int?
            var inferredDeputy = false
            for (position, token) in tokens.enumerated() where position + 1 < tokens.count && tokens[position + 1].isUpperWord {
                if let marker = Self.marker(token) {
                    authority = marker; damagedMarker = false; markerAt = position
                    blockStart = blockStart ?? index
                } else if Self.isDamagedMarker(token), position == 0 || tokens[position - 1].key.hasSuffix("NHAN:"),
                          Self.findTitle(Array(tokens[(position + 1)...]))?.1 == 0 {
                    authority = nil; damagedMarker = true; markerAt = position
                    blockStart = blockStart ?? index
                }
            }
            var titlePlace: DocumentFields.Location?
            if let (title, start, count) = Self.findTitle(tokens) {
                titlePlace = line.location(of: tokens[(markerAt.map { min($0, start) } ?? start)..<(start + count)])
                if let markerAt, markerAt == start - 1 {
                    // 'KT. CHỦ TỊCH' names whom the signer stands for; 'Q. GIÁM ĐỐC' is the signer's own.
                    if authority == "Q" && !damagedMarker { signerTitle = title } else { pendingTitle = title; pendingLine = index; pendingPlace = titlePlace }
                } else if (markerAt ?? -1) < start {
                    if authority == nil, !damagedMarker, Self.namesABody(tokens[(start + count)...]) {
                        // 'CHỦ TỊCH UBND TỈNH' right over the name, beside the recipients: the signer's post
                        // elsewhere, not this block's title. (Above 'Nơi nhận' it is a decision's authority line.)
                        if let anchor = recipientsAnchor, index >= anchor,
                           let next = (index + 1..<min(lines.count, index + 3)).first(where: { !lines[$0].isBlank }),
                           let found = signerName(after: index, limit: next + 1) {
                            return Block(signer: .init(name: found.name, title: nil, authority: damagedMarker ? nil : authority),
                                         confidence: min(found.confidence, 0.6), start: blockStart ?? index,
                                         titlePlace: nil, namePlace: found.place)
                        }
                    } else if pendingTitle == title, authority == "KT", !damagedMarker, let deputy = Self.deputyTitle(of: title) {
                        // Under 'KT. CHỦ TỊCH' the title line is the deputy's: 'PHÓ' was lost under the seal.
                        signerTitle = deputy
                        inferredDeputy = true
                    } else if pendingTitle == title, damagedMarker {
                        // The principal again under a damaged authority line: which post is unknown.
                    } else {
                        signerTitle = title
                    }
                }
                blockStart = blockStart ?? index
            }
            if let signerTitle {
                let reportedAuthority = damagedMarker ? nil : authority
                guard let found = signerName(after: index, limit: min(lines.count, index + 16)) else {
                    // A title with no name under it for 16 lines: the block was never signed (or the name is unread).
                    return Block(signer: .init(name: nil, title: signerTitle, authority: reportedAuthority), confidence: 0.65,
                                 start: blockStart ?? index, titlePlace: titlePlace, namePlace: nil)
                }
                return Block(signer: .init(name: found.name, title: signerTitle, authority: reportedAuthority),
                             confidence: inferredDeputy ? min(found.confidence, 0.6) : found.confidence,
                             start: blockStart ?? index, titlePlace: titlePlace, namePlace: found.place)
            }
            index += 1
        }
        // 'KT. CHỦ TỊCH' with no title line of the signer's own: the block names only the principal.
        // 'KT.' is signed by the principal's deputy (Decree 30); for 'TL.'/'TUQ.' the title is unknown.
        if let pendingTitle {
            let title: String? = authority == "KT" && !damagedMarker ? Self.deputyTitle(of: pendingTitle) : nil
            let reportedAuthority = damagedMarker ? nil : authority
            let found = signerName(after: pendingLine, limit: min(lines.count, pendingLine + 16))
            // The block is there even when its name is not read: the document is signed, not a draft.
            return Block(signer: .init(name: found?.name, title: title, authority: reportedAuthority),
                         confidence: min(found?.confidence ?? 0.4, 0.5), start: blockStart ?? pendingLine,
                         titlePlace: pendingPlace, namePlace: found?.place)
        }
        return nil
    }

    /// 'TM.', 'KT.', 'TL.', 'TUQ.', 'Q.' and the old 'T/M', 'K/T', 'T/L' (with a comma or colon for the dot).
    static func marker(_ token: Token) -> String? {
        if let known = markers[token.key] { return known }
        var key = token.key
        while let last = key.last, last == "." || last == "," || last == ":" { key.removeLast() }
        let bare = key.replacingOccurrences(of: "/", with: "")
        guard bare != key || token.key != key else { return nil }
        return ["TM", "KT", "TL", "TUQ"].contains(bare) ? bare : nil
    }

    /// What a seal leaves of an authority marker: a short capital token ending in a dot ('T.', 'KI.', 'K1.').
    static func isDamagedMarker(_ token: Token) -> Bool {
        let key = token.key
        // 'VT.' is the archive's 'Lưu: VT.' of the recipients beside the block.
        guard key.hasSuffix("."), (2...4).contains(key.count), key != "VT." else { return false }
        return key.dropLast().allSatisfy { ($0 >= "A" && $0 <= "Z") || $0 == "1" || $0 == "/" }
    }

    /// Words of a body after a title ('UBND TỈNH', 'ỦY BAN NHÂN DÂN'): a post, not a signature title.
    static func namesABody(_ tokens: ArraySlice<Token>) -> Bool {
        guard let first = tokens.first?.bareKey else { return false }
        return bodiesAfterTitles.contains(String(first))
    }

    /// The first words of `BodyWords.organFirstWords` and `localities` a post's title is followed by
    /// ('CHỦ TỊCH UBND TỈNH', 'GIÁM ĐỐC SỞ'). Not all of them: 'TRƯỞNG', 'PHÒNG', 'CỤC', 'BỘ', 'TỔ',
    /// 'VIỆN' also make titles ('PHÓ TRƯỞNG PHÒNG', 'CỤC TRƯỞNG'), which would be taken for posts;
    /// kept to the words this rule always took (issue 19).
    private static let bodiesAfterTitles: Set<String> = ["UBND", "HDND", "UY", "HOI", "SO", "BAN", "TINH", "HUYEN", "XA", "THANH"]

    /// '(Ký, ghi rõ họ tên)', '(Ký, họ tên)': a form's blank signature, never the document's.
    static func isFormBlock(_ tokens: [Token]) -> Bool {
        let keys = tokens.map(\.bareKey)
        guard let open = tokens.firstIndex(where: { $0.text.hasPrefix("(") && $0.bareKey == "KY" }) else { return false }
        return keys[(open + 1)...].contains("GHI") || keys[(open + 1)...].contains("HO")
    }

    /// A name alone in the signature column (word boxes say where) under the recipients, when the seal
    /// hid the title lines above it.
    private func nameAlone(in range: Range<Int>) -> (String, Double, ParsedLine, [Token])? {
        guard let anchor = lines[safe: range.lowerBound] else { return nil }
        for index in range where lines[index].page == anchor.page && !lines[index].isBlank {
            let tokens = cache.tokens(of: lines[index])
            guard tokens.contains(where: { $0.midX != nil }) else { continue }
            let right = tokens.filter { ($0.midX ?? 0) >= 0.45 }
            if Self.isFormBlock(right) { return nil }
            guard let candidates = Self.names(in: right), candidates.count == 1, candidates[0].surnameKnown,
                  Self.isNameLine(right, name: candidates[0]) else { continue }
            let (text, confidence) = restoreName(candidates[0].words, surnameKnown: true)
            let nameTokens = right.filter { token in candidates[0].words.contains { token.text.contains($0) } }
            return (text, confidence, lines[index], nameTokens)
        }
        return nil
    }

    /// The line holds the name and little else: no run of ordinary words around it (a sentence of the
    /// body that mentions a person is not a signature).
    static func isNameLine(_ tokens: [Token], name: NameCandidate) -> Bool {
        func inName(_ token: Token) -> Bool { name.words.contains { token.text.contains($0) } }
        var near = tokens
        // With word boxes, only the words of the name's own column count: a wide gap parts it from the
        // recipients' list the OCR put on the same line.
        guard let first = tokens.firstIndex(where: inName) else { return false }
        if tokens.allSatisfy({ $0.box != nil }) {
            var start = first
            while start > 0, let left = tokens[start - 1].box, let right = tokens[start].box, right.x - left.maxX < 0.04 { start -= 1 }
            near = Array(tokens[start...])
        } else {
            // Without boxes a recipients' list may precede the name on the line; nothing follows it.
            near = Array(tokens[first...])
        }
        let others = near.filter { token in token.hasLetter && !inName(token) }
        return others.filter { $0.bareKey.count >= 3 }.count <= 1
    }

    static func deputyTitle(of principal: String) -> String? {
        switch principal {
        case "BỘ TRƯỞNG": return "THỨ TRƯỞNG"
        case "THỦ TƯỚNG": return "PHÓ THỦ TƯỚNG"
        default: return principal.hasPrefix("PHÓ ") ? nil : "PHÓ " + principal
        }
    }

    /// The signer's name under a title line: on the same page, before any form's blank signature,
    /// on a line of its own.
    private func signerName(after titleIndex: Int, limit: Int) -> (name: String, confidence: Double, place: DocumentFields.Location)? {
        let page = lines[titleIndex].page
        var index = titleIndex + 1
        while index < limit, lines[index].page == page {
            let line = lines[index]
            if !line.isBlank {
                let tokens = signatureTokens(line)
                if Self.startsStamp(tokens) { index += 1; continue }
                if Self.isFormBlock(tokens) { return nil }
                if let names = Self.names(in: tokens), let name = names.last,
                   names.count > 1 || Self.isNameLine(tokens, name: name) {
                    let (text, confidence) = restoreName(name.words, surnameKnown: name.surnameKnown)
                    let nameTokens = tokens.filter { token in name.words.contains { token.text.contains($0) } }
                    return (text, confidence, line.location(of: nameTokens))
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
}
